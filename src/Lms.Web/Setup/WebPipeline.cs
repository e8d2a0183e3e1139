using Hangfire;
using Lms.Infrastructure.Notifications.Reminders;
using Lms.Infrastructure.Persistence;
using Lms.Web.Jobs;
using Lms.Web.Learning;
using Lms.Web.Security;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;

namespace Lms.Web.Setup;

public static class WebPipeline
{
    public static async Task InitialiseDatabaseAsync(this WebApplication app)
    {
        if (!app.Configuration.GetValue("Database:MigrateOnStartup", true)) return;
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitialiseAsync();
    }

    public static void UseWeb(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseMiddleware<RequestIdHeaderMiddleware>();
        app.UseMiddleware<SecurityHeadersMiddleware>();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Error");
            app.UseHsts();
        }
        app.UseStatusCodePagesWithReExecute("/Status/{0}");
        app.UseStaticFiles();
        app.UseRequestLogging();
        app.UseRequestLocalization();
        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
    }

    public static void MapWeb(this WebApplication app)
    {
        app.MapHealthChecks("/health", new HealthCheckOptions { AllowCachingResponses = false }).AllowAnonymous();
        app.MapRazorPages();
        app.MapHub<Notifications.NotificationHub>(Notifications.NotificationHub.Path);
        app.MapCalendarFeed();
        // Hangfire's own dashboard (queues, retries, recurring jobs) for administrators only. The policy is
        // checked by ASP.NET Core's authorisation before the dashboard sees the request.
        app.MapHangfireDashboardWithAuthorizationPolicy(Policies.Administrator, JobsDashboard.Path, new DashboardOptions
        {
            AppPath = "/Admin",
            DashboardTitle = "Lms jobs",
            DisplayStorageConnectionString = false,
        });
    }
}

public static class RecurringJobs
{
    /// <summary>
    /// Every recurring job, registered in one place at start-up (Hangfire keeps them in its storage; registering again
    /// updates them, so all instances may do it).
    /// </summary>
    public static void RegisterRecurringJobs(this WebApplication app)
    {
        var recurring = app.Services.GetRequiredService<IRecurringJobManager>();
        Lms.Infrastructure.Notifications.NotificationsSetup.RegisterRecurringJobs(recurring,
            app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Lms.Infrastructure.Notifications.NotificationOptions>>().Value);
        // The reminder pass (Reminders:Cron, every 15 minutes by default).
        recurring.AddOrUpdate<SendRemindersJob>(SendRemindersJob.RecurringId, j => j.RunAsync(CancellationToken.None),
            app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<ReminderOptions>>().Value.Cron,
            new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc });
    }
}

public static class JobsDashboard
{
    public const string Path = "/admin/jobs";
}
