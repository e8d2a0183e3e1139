using Hangfire;
using Lms.Domain.Notifications;
using Lms.Web.Jobs;
using Lms.Web.Tests.Support;
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

        app.Services.GetRequiredService<IRecurringJobManager>().Trigger(SendRemindersJob.RecurringId);

        for (var i = 0; i < 200 && app.Sent(teacher, NotificationKind.EnrolmentDeadline).Count == 0; i++) await Task.Delay(100);
        var sent = Assert.Single(app.Sent(teacher, NotificationKind.EnrolmentDeadline));
        Assert.EndsWith(":7d", sent.OccasionKey);
    }
}
