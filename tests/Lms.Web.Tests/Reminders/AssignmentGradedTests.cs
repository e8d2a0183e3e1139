using System.Net;
using Lms.Domain.Notifications;
using Lms.Infrastructure.Events;
using Lms.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Lms.Web.Tests.Reminders;

/// <summary>A trainer grades a teacher's assignment: the teacher is told, through the outbox (nothing lost on a crash).</summary>
public sealed class AssignmentGradedTests(ReminderApp app) : IClassFixture<ReminderApp>
{
    [Fact]
    public async Task The_teacher_is_notified_of_each_grading_with_the_score()
    {
        var (designer, courseId, structure, editor) = await app.CourseWithActivityAsync("การเขียนแผนการสอน", "Assignment", "แผนการจัดการเรียนรู้");
        var saved = await designer.SubmitAsync(editor, new Dictionary<string, string>
        {
            ["Input.Body"] = "ส่งแผนการสอน 1 แผน", ["Input.Rubric"] = "ความครบถ้วน | 4\nความเหมาะสม | 6",
            ["Input.Criterion"] = "GradedAtLeastPassMark", ["Input.PassMark"] = "6",
        }, handler: "Save");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        await designer.SubmitAsync(structure, new Dictionary<string, string>(), handler: "Publish");
        var activityUrl = $"/Learn/Activity/{courseId}/{editor.Split('/').Last()}";

        var (teacher, client) = await app.TeacherAsync();
        await client.EnrolAsync(courseId);
        await client.SubmitAsync(activityUrl, new Dictionary<string, string> { ["text"] = "แผนที่ 1" }, handler: "Submit");
        var submission = await app.DbAsync(db => Task.FromResult(db.AssignmentSubmissions.Single(s => s.PersonId == teacher).Id));

        var trainer = app.NewClient();
        await trainer.SignInOkAsync("trainer");
        var gradeUrl = $"/Teach/Grade/{submission}";
        await trainer.SubmitAsync(gradeUrl, new Dictionary<string, string> { ["Scores[0]"] = "2", ["Scores[1]"] = "3" }, handler: "Grade");
        await DispatchOutboxAsync(teacher, expected: 1);
        var first = Assert.Single(app.Sent(teacher, NotificationKind.AssignmentGraded));
        Assert.Equal("ตรวจงานแล้ว: แผนการจัดการเรียนรู้", first.Title);
        Assert.Equal("วิทยากรตรวจงาน “แผนการจัดการเรียนรู้” ในรายวิชา “การเขียนแผนการสอน” แล้ว ได้ 5 จาก 10 คะแนน", first.Body);
        Assert.Equal(activityUrl, first.Link);

        // Reopened, handed in again and regraded: a new occasion, a second notice.
        await trainer.SubmitAsync(gradeUrl, new Dictionary<string, string>(), handler: "Reopen");
        await client.SubmitAsync(activityUrl, new Dictionary<string, string> { ["text"] = "แผนที่ 1 ฉบับปรับปรุง" }, handler: "Submit");
        app.Clock.Advance(TimeSpan.FromMinutes(5));
        await trainer.SubmitAsync(gradeUrl, new Dictionary<string, string> { ["Scores[0]"] = "4", ["Scores[1]"] = "5" }, handler: "Grade");
        await DispatchOutboxAsync(teacher, expected: 2);
        await DispatchOutboxAsync(teacher, expected: 2); // handled once, however often the dispatcher runs
        var both = app.Sent(teacher, NotificationKind.AssignmentGraded);
        Assert.Equal(2, both.Count);
        Assert.Contains(both, n => n.Body.EndsWith("ได้ 9 จาก 10 คะแนน"));
    }

    /// <summary>
    /// Runs the outbox (its own loop may be handling the event at the same moment: rows are claimed with SKIP LOCKED)
    /// until the teacher has the expected number of notices, for at most 10 seconds.
    /// </summary>
    private async Task DispatchOutboxAsync(Guid teacher, int expected)
    {
        var outbox = app.Services.GetRequiredService<OutboxDispatcher>();
        for (var i = 0; i < 100 && app.Sent(teacher, NotificationKind.AssignmentGraded).Count < expected; i++)
        {
            if (await outbox.DispatchBatchAsync(CancellationToken.None) == 0) await Task.Delay(100);
        }
    }
}
