using System.Net;
using AngleSharp.Html.Dom;
using Lms.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Lms.Web.Tests.Courses;

/// <summary>A teacher hands in evidence for an assignment; a trainer grades it with the rubric; completion follows.</summary>
public sealed class AssignmentJourneyTests(LmsAppFactory app) : IClassFixture<LmsAppFactory>
{
    private async Task<(Guid CourseId, string ActivityUrl)> PublishedAssignmentCourseAsync(string title)
    {
        var (designer, courseId, structure, editor) = await app.CourseWithActivityAsync(title, "Assignment", "แผนการจัดการเรียนรู้");
        var saved = await designer.SubmitAsync(editor, new Dictionary<string, string>
        {
            ["Input.Body"] = "ส่ง**แผนการสอน** 1 แผน", ["Input.Rubric"] = "ความครบถ้วน | 4\nความเหมาะสม | 6",
            ["Input.Criterion"] = "GradedAtLeastPassMark", ["Input.PassMark"] = "6",
        }, handler: "Save");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        await designer.SubmitAsync(structure, new Dictionary<string, string>(), handler: "Publish");
        var activityId = editor.Split('/').Last();
        return (courseId, $"/Learn/Activity/{courseId}/{activityId}");
    }

    [Fact]
    public async Task A_teacher_hands_in_a_plan_the_trainer_grades_it_and_a_pass_completes_the_course()
    {
        var (courseId, activityUrl) = await PublishedAssignmentCourseAsync("การเขียนแผนการจัดการเรียนรู้");
        var teacher = app.NewClient();
        await teacher.SignInOkAsync("teacher");
        await teacher.EnrolAsync(courseId);

        var empty = await teacher.SubmitAsync(activityUrl, new Dictionary<string, string> { ["text"] = "   " }, handler: "Submit");
        Assert.Contains("กรุณาเขียนคำตอบหรือแนบไฟล์", (await teacher.PageAsync(empty.Location())).Text("[data-testid=activity-error]"));

        await teacher.SubmitAsync(activityUrl, new Dictionary<string, string> { ["text"] = "แผนที่ 1: การอ่านจับใจความ" }, handler: "Submit");
        var handedIn = await teacher.PageAsync(activityUrl);
        Assert.Contains("รอตรวจ", handedIn.Text("[data-testid=submission-status]"));

        var trainer = app.NewClient();
        await trainer.SignInOkAsync("trainer");
        var queue = await trainer.PageAsync("/Teach/Grading");
        var row = queue.QuerySelectorAll("[data-testid=to-grade]").First(r => r.TextContent.Contains("กิ่งก้อย"));
        var gradeUrl = row.QuerySelector("a")!.GetAttribute("href")!;
        var gradePage = await trainer.PageAsync(gradeUrl);
        Assert.Equal("แผนที่ 1: การอ่านจับใจความ", gradePage.Text("[data-testid=submitted-text]"));

        var tooHigh = await trainer.SubmitAsync(gradeUrl, new Dictionary<string, string> { ["Scores[0]"] = "5", ["Scores[1]"] = "6" }, handler: "Grade");
        Assert.Contains("มีคะแนนที่อยู่นอกช่วงของเกณฑ์", (await tooHigh.HtmlAsync()).Body!.TextContent);

        var below = await trainer.SubmitAsync(gradeUrl, new Dictionary<string, string>
        {
            ["Scores[0]"] = "2", ["Scores[1]"] = "3", ["Feedback"] = "ควรเพิ่มการวัดผล",
        }, handler: "Grade");
        Assert.Equal("/Teach/Grading", below.Location());
        var graded = await teacher.PageAsync(activityUrl);
        Assert.Contains("คะแนน 5 / 10", graded.Text("[data-testid=grade]"));
        Assert.Contains("ควรเพิ่มการวัดผล", graded.Text("[data-testid=feedback]"));
        Assert.Null(graded.QuerySelector("[data-testid=hand-in]")); // graded work is locked
        Assert.Equal("0%", (await teacher.PageAsync($"/Learn/Course/{courseId}")).Text("[data-testid=course-percent]"));

        await trainer.SubmitAsync(gradeUrl, new Dictionary<string, string>(), handler: "Reopen");
        await teacher.SubmitAsync(activityUrl, new Dictionary<string, string> { ["text"] = "แผนที่ 1 ฉบับปรับปรุง" }, handler: "Submit");
        await trainer.SubmitAsync(gradeUrl, new Dictionary<string, string> { ["Scores[0]"] = "4", ["Scores[1]"] = "5" }, handler: "Grade");

        var course = await teacher.PageAsync($"/Learn/Course/{courseId}");
        Assert.Equal("100%", course.Text("[data-testid=course-percent]"));
        Assert.NotNull(course.QuerySelector("[data-testid=course-complete]"));
        Assert.Equal(1, await app.DbAsync(db => db.AssignmentSubmissions.CountAsync(s => s.CourseId == courseId)));
    }

    [Fact]
    public async Task A_learner_cannot_grade_and_cannot_see_another_teachers_work()
    {
        var (courseId, activityUrl) = await PublishedAssignmentCourseAsync("งานของใครของมัน");
        var owner = app.NewClient();
        await owner.SignInOkAsync("assistant");
        await owner.EnrolAsync(courseId);
        await owner.SubmitAsync(activityUrl, new Dictionary<string, string> { ["text"] = "ความลับของฉัน" }, handler: "Submit");
        var id = await app.DbAsync(db => db.AssignmentSubmissions.Where(s => s.CourseId == courseId).Select(s => s.Id).SingleAsync());

        var other = app.NewClient();
        await other.SignInOkAsync("staff");
        var grade = await other.GetAsync($"/Teach/Grade/{id}");
        Assert.Contains("/Account/AccessDenied", grade.Headers.Location!.OriginalString);
        // Enrolled in the same course, another teacher still sees only their own (empty) work.
        await other.EnrolAsync(courseId);
        Assert.DoesNotContain("ความลับของฉัน", (await other.PageAsync(activityUrl)).Body!.TextContent);
    }
}
