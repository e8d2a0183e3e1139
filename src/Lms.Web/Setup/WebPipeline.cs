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
        app.MapHealthChecks("/health", new HealthCheckOptions { AllowCachingResponses = false, ResponseWriter = HealthResponse.WriteAsync }).AllowAnonymous();
        app.MapRazorPages();
        app.MapHub<Notifications.NotificationHub>(Notifications.NotificationHub.Path);
        app.MapHub<Plc.PlcHub>(Plc.PlcHub.Path);
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
        // Once now; if PostgreSQL is not reachable yet (the app still starts and /health says so), again in the
        // background until it is, rather than refusing to start.
        if (TryRegister(app)) return;
        var stopping = app.Lifetime.ApplicationStopping;
        _ = Task.Run(async () =>
        {
            for (var delay = TimeSpan.FromSeconds(5); !stopping.IsCancellationRequested; delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromMinutes(5).Ticks)))
            {
                try { await Task.Delay(delay, stopping); }
                catch (OperationCanceledException) { return; }
                if (TryRegister(app)) return;
            }
        });
    }

    private static bool TryRegister(WebApplication app)
    {
        try
        {
            var recurring = app.Services.GetRequiredService<IRecurringJobManager>();
            Lms.Infrastructure.Notifications.NotificationsSetup.RegisterRecurringJobs(recurring,
                app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Lms.Infrastructure.Notifications.NotificationOptions>>().Value);
            // The reminder pass (Reminders:Cron, every 15 minutes by default).
            recurring.AddOrUpdate<SendRemindersJob>(SendRemindersJob.RecurringId, j => j.RunAsync(CancellationToken.None),
                app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<ReminderOptions>>().Value.Cron,
                new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc });
            return true;
        }
        catch (Exception e) // the storage is not reachable (Npgsql, Hangfire lock timeouts …)
        {
            app.Logger.LogWarning(e, "Recurring jobs could not be registered yet; trying again later");
            return false;
        }
    }
}

public static class JobsDashboard
{
    public const string Path = "/admin/jobs";
}
