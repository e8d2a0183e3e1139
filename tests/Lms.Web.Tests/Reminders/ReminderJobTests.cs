using Hangfire;
using Lms.Domain.Notifications;
using Lms.Web.Jobs;
using Lms.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lms.Web.Tests.Reminders;

/// <summary>The reminder pass is a Hangfire recurring job on PostgreSQL: triggered, a worker runs it with the app's clock.</summary>
public sealed class ReminderJobTests(ReminderApp app) : IClassFixture<ReminderApp>
{
    [Fact]
    public async Task Triggering_the_recurring_job_sends_the_due_reminders_through_Hangfire()
    {
        var lastDay = app.Today.AddDays(9);
        var (courseId, _) = await app.CourseWithDeadlineAsync("ส่งผ่าน Hangfire", lastDay);
        var (teacher, client) = await app.TeacherAsync();
        await client.EnrolAsync(courseId);
        app.MoveTo(lastDay.AddDays(-7));

        var jobId = app.Services.GetRequiredService<IRecurringJobManagerV2>().TriggerJob(SendRemindersJob.RecurringId);

        for (var i = 0; i < 200 && app.Sent(teacher, NotificationKind.EnrolmentDeadline).Count == 0; i++) await Task.Delay(100);
        var sent = app.Sent(teacher, NotificationKind.EnrolmentDeadline);
        Assert.True(sent.Count == 1, $"{sent.Count} sent; job {jobId}; Hangfire: {await HangfireStatesAsync()}");
        Assert.EndsWith(":7d", sent[0].OccasionKey);
    }

    /// <summary>The latest jobs' states and reasons, for the message when the job did not do its work.</summary>
    private Task<string> HangfireStatesAsync() => app.DbAsync(async db => string.Join("; ", await db.Database.SqlQueryRaw<string>(
        "SELECT j.invocationdata::text || ' ' || s.name || ' ' || coalesce(s.reason, '') || ' ' || coalesce(s.data::text, '') AS \"Value\" " +
        "FROM hangfire.job j JOIN hangfire.state s ON s.jobid = j.id ORDER BY s.id DESC LIMIT 5").ToListAsync()));
}
