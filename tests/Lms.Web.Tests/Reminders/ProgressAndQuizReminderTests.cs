using System.Globalization;
using Lms.Domain.Notifications;
using Lms.Infrastructure.Notifications;
using Lms.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lms.Web.Tests.Reminders;

/// <summary>"No progress for N days" and "quiz closing soon", with the send-time check that drops what is already done.</summary>
public sealed class ProgressAndQuizReminderTests(ReminderApp app) : IClassFixture<ReminderApp>
{
    /// <summary>What the e-mail sender asks every registered check just before a delayed e-mail leaves.</summary>
    private async Task<bool> StillRelevantAsync(Guid person, NotificationKind kind, string key)
    {
        await using var scope = app.Services.CreateAsyncScope();
        foreach (var check in scope.ServiceProvider.GetServices<INotificationRelevance>())
            if (!await check.IsStillRelevantAsync(person, kind, key, CancellationToken.None)) return false;
        return true;
    }

    [Fact]
    public async Task A_teacher_idle_for_14_days_is_reminded_then_every_14_days_and_not_after_finishing()
    {
        var start = app.Today;
        var (courseId, pageUrl) = await app.CourseWithDeadlineAsync("สะเต็มศึกษาในห้องเรียน", lastDay: null);
        var (idle, client) = await app.TeacherAsync();
        await client.EnrolAsync(courseId);

        app.MoveTo(start.AddDays(13));
        await app.ScanAsync();
        Assert.Empty(app.Sent(idle, NotificationKind.NoProgress));

        app.MoveTo(start.AddDays(15));
        await app.ScanAsync();
        await app.ScanAsync();
        var first = Assert.Single(app.Sent(idle, NotificationKind.NoProgress));
        var enrolled = await app.DbAsync(db => db.Enrolments.Where(e => e.PersonId == idle).Select(e => e.EnrolledAtUtc).SingleAsync());
        Assert.Equal($"ไม่ได้เข้าเรียนมา {(int)(app.Now - enrolled).TotalDays} วันแล้ว: สะเต็มศึกษาในห้องเรียน", first.Title);
        Assert.Equal($"/Learn/Course/{courseId}", first.Link);
        Assert.True(await StillRelevantAsync(idle, NotificationKind.NoProgress, first.OccasionKey));

        app.MoveTo(start.AddDays(27));
        await app.ScanAsync();
        Assert.Single(app.Sent(idle, NotificationKind.NoProgress)); // not again within the repeat period

        app.MoveTo(start.AddDays(29));
        await app.ScanAsync();
        Assert.Equal(2, app.Sent(idle, NotificationKind.NoProgress).Count);

        // The teacher studies: the old reminder is no longer worth an e-mail, and the count starts again.
        var back = app.NewClient();
        await back.SignInOkAsync(await app.DbAsync(db => db.Users.Where(u => u.Id == idle).Select(u => u.UserName!).SingleAsync()));
        await back.PageAsync($"/Learn/Course/{courseId}");
        await back.PageAsync(pageUrl); // completes the course
        Assert.False(await StillRelevantAsync(idle, NotificationKind.NoProgress, first.OccasionKey));
        app.MoveTo(start.AddDays(60));
        await app.ScanAsync();
        Assert.Equal(2, app.Sent(idle, NotificationKind.NoProgress).Count);
    }

    [Fact]
    public async Task Teachers_who_have_not_submitted_a_quiz_are_reminded_before_it_closes_and_who_submitted_is_not()
    {
        var closesLocal = app.Now.AddHours(7).AddDays(3); // Thailand time, three days from now
        var quiz = await app.PublishedQuizCourseAsync("ความฉลาดรู้ดิจิทัล", QuizSteps.TrueFalse(1), new Dictionary<string, string>
        {
            ["Input.Title"] = "แบบทดสอบท้ายบท", ["Input.AttemptsAllowed"] = "1", ["Input.PassPercent"] = "50",
            ["Input.ClosesAtLocal"] = closesLocal.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture),
        });
        var (waiting, waitingClient) = await app.TeacherAsync();
        await waitingClient.EnrolAsync(quiz.CourseId);
        var (done, doneClient) = await app.TeacherAsync();
        var attemptUrl = await doneClient.StartQuizAsync(quiz);
        await doneClient.SaveAnswerAsync(attemptUrl, 1, 1, ("answer", "false")); // fails, but has submitted
        await doneClient.SubmitAsync($"/Learn/Attempt/{QuizSteps.AttemptId(attemptUrl)}/Summary", new Dictionary<string, string>());
        var (started, startedClient) = await app.TeacherAsync();
        await startedClient.StartQuizAsync(quiz); // in progress only: still to be reminded

        var closesUtc = await app.DbAsync(db => db.Quizzes.Where(q => q.CourseId == quiz.CourseId).Select(q => q.ClosesAtUtc!.Value).SingleAsync());
        app.Clock.SetUtcNow(new DateTimeOffset(closesUtc.AddHours(-25)));
        await app.ScanAsync();
        Assert.Empty(app.Sent(waiting, NotificationKind.QuizClosing));

        app.Clock.SetUtcNow(new DateTimeOffset(closesUtc.AddHours(-23)));
        await app.ScanAsync();
        await app.ScanAsync();
        var reminder = Assert.Single(app.Sent(waiting, NotificationKind.QuizClosing));
        Assert.Equal("แบบทดสอบใกล้ปิด: แบบทดสอบ", reminder.Title);
        Assert.Contains("“ความฉลาดรู้ดิจิทัล”", reminder.Body);
        Assert.Contains("น.", reminder.Body);
        Assert.Equal(quiz.ActivityUrl, reminder.Link);
        Assert.Single(app.Sent(started, NotificationKind.QuizClosing));
        Assert.Empty(app.Sent(done, NotificationKind.QuizClosing));

        // Checked again at send time: once the quiz has closed, a delayed e-mail is dropped.
        Assert.True(await StillRelevantAsync(waiting, NotificationKind.QuizClosing, reminder.OccasionKey));
        app.Clock.SetUtcNow(new DateTimeOffset(closesUtc));
        Assert.False(await StillRelevantAsync(waiting, NotificationKind.QuizClosing, reminder.OccasionKey));
    }

    [Fact]
    public async Task A_deadline_reminder_is_no_longer_relevant_once_the_teacher_has_completed_the_course()
    {
        var lastDay = app.Today.AddDays(5);
        var (courseId, pageUrl) = await app.CourseWithDeadlineAsync("ตรวจก่อนส่ง", lastDay);
        var (teacher, client) = await app.TeacherAsync();
        await client.EnrolAsync(courseId);
        var key = FormattableString.Invariant($"course:{courseId}:due:{lastDay:yyyy-MM-dd}:1d");
        Assert.True(await StillRelevantAsync(teacher, NotificationKind.EnrolmentDeadline, key));
        await client.PageAsync(pageUrl);
        Assert.False(await StillRelevantAsync(teacher, NotificationKind.EnrolmentDeadline, key));
        // Kinds the reminders do not own are left to their owners.
        Assert.True(await StillRelevantAsync(teacher, NotificationKind.CertificateIssued, "certificate:1"));
    }
}
