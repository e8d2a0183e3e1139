using Hangfire;
using Lms.Infrastructure.Notifications.Reminders;
using Microsoft.Extensions.Options;

namespace Lms.Web.Jobs;

/// <summary>Every recurring job, registered in one place at start-up (each instance does it; Hangfire keeps one of each).</summary>
public static class RecurringJobs
{
    public static void RegisterRecurringJobs(this WebApplication app)
    {
        var jobs = app.Services.GetRequiredService<IRecurringJobManager>();
        var reminders = app.Services.GetRequiredService<IOptions<ReminderOptions>>().Value;
        jobs.AddOrUpdate<SendRemindersJob>(SendRemindersJob.RecurringId, j => j.RunAsync(CancellationToken.None), reminders.Cron,
            new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc });
    }
}
