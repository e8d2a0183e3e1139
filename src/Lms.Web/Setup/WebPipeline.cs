using Hangfire;
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
        app.MapCalendarFeed();
        app.RegisterRecurringJobs();
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

public static class JobsDashboard
{
    public const string Path = "/admin/jobs";
}
