using System.Net;
using Lms.Domain.Notifications;
using Lms.Domain.Organisation;
using Lms.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Lms.Web.Tests.Notifications;

/// <summary>The first feature that tells teachers something: a trainer grades their assignment.</summary>
public sealed class GradingNotificationTests(LmsAppFactory app) : IClassFixture<LmsAppFactory>
{
    [Fact]
    public async Task A_graded_assignment_rings_the_teachers_bell_and_leads_to_the_grade_and_a_regrade_rings_again()
    {
        var (designer, courseId, structure, editor) = await app.CourseWithActivityAsync("การเขียนแผนการจัดการเรียนรู้", "Assignment", "แผนการจัดการเรียนรู้");
        await designer.SubmitAsync(editor, new Dictionary<string, string>
        {
            ["Input.Body"] = "ส่งแผน 1 แผน", ["Input.Rubric"] = "ความครบถ้วน | 4\nความเหมาะสม | 6",
            ["Input.Criterion"] = "GradedAtLeastPassMark", ["Input.PassMark"] = "6",
        }, handler: "Save");
        await designer.SubmitAsync(structure, new Dictionary<string, string>(), handler: "Publish");
        var activityUrl = $"/Learn/Activity/{courseId}/{editor.Split('/').Last()}";

        var (teacherId, login) = await app.CreatePersonAsync([SystemRole.Learner]);
        var teacher = app.NewClient();
        await teacher.SignInOkAsync(login);
        await teacher.EnrolAsync(courseId);
        await teacher.SubmitAsync(activityUrl, new Dictionary<string, string> { ["text"] = "แผนที่ 1" }, handler: "Submit");

        var trainer = app.NewClient();
        await trainer.SignInOkAsync("trainer");
        var gradeUrl = (await trainer.PageAsync("/Teach/Grading")).QuerySelectorAll("[data-testid=to-grade]")
            .First(r => r.TextContent.Contains(login)).QuerySelector("a")!.GetAttribute("href")!;
        await trainer.SubmitAsync(gradeUrl, new Dictionary<string, string>
        {
            ["Scores[0]"] = "2", ["Scores[1]"] = "3", ["Feedback"] = "ควรเพิ่มการวัดผล",
        }, handler: "Grade");
        // The notice travels with the grade's event through the outbox (it cannot be lost after the save).
        await app.DispatchOutboxUntilAsync(() => Told(teacherId) >= 1);

        var centre = await teacher.PageAsync("/Notifications");
        Assert.Equal("1", centre.Text("[data-testid=bell] [data-unread-count]"));
        var item = centre.QuerySelector(".notification.unread")!;
        Assert.Equal("งาน \"แผนการจัดการเรียนรู้\" ได้รับการตรวจแล้ว", item.QuerySelector(".notification-title")!.TextContent);
        Assert.Equal("คะแนน 5 / 10\nความเห็นของวิทยากร: ควรเพิ่มการวัดผล", item.QuerySelector(".notification-body")!.TextContent);
        var open = await teacher.GetAsync(item.QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal(HttpStatusCode.Redirect, open.StatusCode);
        Assert.Equal(activityUrl, open.Headers.Location?.OriginalString);
        Assert.Contains("คะแนน 5 / 10", (await teacher.PageAsync(activityUrl)).Text("[data-testid=grade]"));

        await trainer.SubmitAsync(gradeUrl, new Dictionary<string, string>(), handler: "Reopen");
        await teacher.SubmitAsync(activityUrl, new Dictionary<string, string> { ["text"] = "แผนที่ 1 ฉบับปรับปรุง" }, handler: "Submit");
        await trainer.SubmitAsync(gradeUrl, new Dictionary<string, string> { ["Scores[0]"] = "4", ["Scores[1]"] = "5" }, handler: "Grade");
        await app.DispatchOutboxUntilAsync(() => Told(teacherId) >= 2);
        var told = await app.DbAsync(db => db.Notifications.Where(n => n.PersonId == teacherId).OrderBy(n => n.CreatedAtUtc).ToListAsync());
        Assert.Equal(2, told.Count);
        Assert.All(told, n => Assert.Equal(NotificationKind.AssignmentGraded, n.Kind));
        Assert.StartsWith("คะแนน 9 / 10", told[1].Body);
        Assert.Equal(DeliveryChoice.EmailToo, told[1].Delivery);
    }

    private int Told(Guid teacherId) => app.Db(db => db.Notifications.Count(n => n.PersonId == teacherId));
}
