using Lms.Domain.Notifications;
using Lms.Web.Tests.Support;

namespace Lms.Web.Tests.Reminders;

/// <summary>A trainer grades a teacher's assignment: the teacher is told, through the outbox (nothing lost on a crash).</summary>
public sealed class AssignmentGradedTests(ReminderApp app) : IClassFixture<ReminderApp>
{
    [Fact]
    public async Task The_teacher_is_notified_of_each_grading_with_the_score_and_comment()
    {
        var (courseId, activityUrl) = await app.AssignmentCourseAsync("การเขียนแผนการสอน", "แผนการจัดการเรียนรู้");

        var (teacher, client) = await app.TeacherAsync();
        await client.EnrolAsync(courseId);
        await client.SubmitAsync(activityUrl, new Dictionary<string, string> { ["text"] = "แผนที่ 1" }, handler: "Submit");
        var submission = await app.DbAsync(db => Task.FromResult(db.AssignmentSubmissions.Single(s => s.PersonId == teacher).Id));

        var trainer = app.NewClient();
        await trainer.SignInOkAsync("trainer");
        var gradeUrl = $"/Teach/Grade/{submission}";
        await trainer.SubmitAsync(gradeUrl, new Dictionary<string, string>
        {
            ["Scores[0]"] = "2", ["Scores[1]"] = "3", ["Feedback"] = "ควรเพิ่มการวัดผล",
        }, handler: "Grade");
        await DispatchOutboxAsync(teacher, expected: 1);
        var first = Assert.Single(app.Sent(teacher, NotificationKind.AssignmentGraded));
        Assert.Equal("งาน \"แผนการจัดการเรียนรู้\" ได้รับการตรวจแล้ว", first.Title);
        Assert.Equal("คะแนน 5 / 10\nความเห็นของวิทยากร: ควรเพิ่มการวัดผล", first.Body);
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
        Assert.StartsWith("คะแนน 9 / 10", both[1].Body);
    }

    private Task DispatchOutboxAsync(Guid teacher, int expected) =>
        app.DispatchOutboxUntilAsync(() => app.Sent(teacher, NotificationKind.AssignmentGraded).Count >= expected);
}
