using System.Net;
using Lms.Domain.Questions;
using Lms.Domain.Quizzes;
using Lms.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Lms.Web.Tests.QuizReports;

/// <summary>Essays go to the trainer's grading queue; the attempt's grade is final, and the quiz complete, once they are marked.</summary>
public sealed class EssayGradingTests(LmsAppFactory app) : IClassFixture<LmsAppFactory>
{
    private const string Answer = "<script>alert('x')</script> ครูควรให้ข้อมูลย้อนกลับทันทีหลังการประเมิน";

    private static readonly QuestionContent[] Questions =
    [
        QuizSteps.TrueFalse(1)[0],
        new EssayQuestion
        {
            Name = "เรียงความ", Text = "อธิบายการประเมินเพื่อพัฒนาผู้เรียน", GraderInfo = "ให้คะแนนเต็มเมื่อยกตัวอย่างจากชั้นเรียนได้",
        },
    ];

    /// <summary>The demo teacher answers both questions (the true/false one right) and submits; returns the attempt.</summary>
    private async Task<(QuizSteps.QuizCourse Quiz, Guid AttemptId, HttpClient Teacher)> SubmittedEssayAsync(string title)
    {
        var quiz = await app.PublishedQuizCourseAsync(title, Questions);
        var teacher = app.NewClient();
        await teacher.SignInOkAsync("teacher");
        var attemptUrl = await teacher.StartQuizAsync(quiz);
        await teacher.SaveAnswerAsync(attemptUrl, 1, 1, ("answer", "true"));
        await teacher.SaveAnswerAsync(attemptUrl, 2, 1, ("answer", Answer));
        var id = QuizSteps.AttemptId(attemptUrl);
        var submitted = await teacher.SubmitAsync($"/Learn/Attempt/{id}/Summary", new Dictionary<string, string>());
        Assert.Equal($"/Learn/Attempt/{id}/Review", submitted.Location());
        return (quiz, id, teacher);
    }

    [Fact]
    public async Task A_trainer_grades_the_essay_and_the_teacher_then_sees_the_final_mark_and_the_comment()
    {
        var (quiz, id, teacher) = await SubmittedEssayAsync("การเขียนตอบเชิงประเมิน");
        var review = await teacher.PageAsync($"/Learn/Attempt/{id}/Review");
        Assert.Equal("รอวิทยากรตรวจคำตอบแบบเขียน", review.Text("[data-testid=attempt-grade]"));

        var trainer = app.NewClient();
        await trainer.SignInOkAsync("trainer");
        var queue = await trainer.PageAsync("/Teach/Grading");
        var row = Assert.Single(queue.QuerySelectorAll("[data-testid=quiz-to-grade]"), r => r.TextContent.Contains("การเขียนตอบเชิงประเมิน"));
        Assert.Contains("กิ่งก้อย", row.TextContent);
        Assert.Contains("สุโขทัยวิทยาคม", row.TextContent);
        Assert.Contains("แบบทดสอบ", row.TextContent);
        var gradeUrl = row.QuerySelector("a")!.GetAttribute("href")!;
        Assert.Equal($"/Teach/QuizGrade/{id}/2", gradeUrl);

        var page = await trainer.PageAsync(gradeUrl);
        Assert.Contains("อธิบายการประเมินเพื่อพัฒนาผู้เรียน", page.Text(".question"));
        Assert.Contains("ให้คะแนนเต็มเมื่อยกตัวอย่างจากชั้นเรียนได้", page.Text("[data-testid=grader-info]"));
        Assert.Contains("เต็ม 1", page.Text("label[for=mark]"));
        // The answer is shown as the teacher typed it, as text: their markup never becomes part of the page.
        Assert.Equal(Answer, page.QuerySelector("textarea[name='q2.answer']")!.TextContent);
        Assert.Null(page.QuerySelector(".question script"));
        Assert.Equal("รอตรวจ", page.Text("[data-testid=attempt-state]"));

        var saved = await trainer.SubmitAsync(page, gradeUrl, new Dictionary<string, string> { ["Mark"] = "0.5", ["Comment"] = "ยกตัวอย่างได้ดี ควรเพิ่มเกณฑ์" });
        Assert.Equal("/Teach/Grading", saved.Location());
        var after = await trainer.PageAsync("/Teach/Grading");
        Assert.Contains("ตรวจคำตอบแบบเขียนของการทำแบบทดสอบครั้งนี้ครบแล้ว ได้ 1.5 จาก 2 คะแนน (75%)", after.Text(".notice.success"));
        Assert.DoesNotContain(after.QuerySelectorAll("[data-testid=quiz-to-grade]"), r => r.TextContent.Contains("การเขียนตอบเชิงประเมิน"));
        var graded = await trainer.PageAsync("/Teach/Grading?showGraded=true");
        Assert.Single(graded.QuerySelectorAll("[data-testid=quiz-to-grade]"), r => r.TextContent.Contains("การเขียนตอบเชิงประเมิน"));

        var attempt = await app.DbAsync(db => db.QuizAttempts.SingleAsync(a => a.Id == id));
        Assert.Equal(AttemptState.Finished, attempt.State);
        Assert.Equal(1.5m, attempt.Mark);
        // 75 % passes the quiz's 60 %: the activity completed in the grading request, and with it the course.
        var passed = await app.DbAsync(db => db.Enrolments.Include(e => e.Progress)
            .Where(e => e.CourseId == quiz.CourseId && e.PersonId == attempt.PersonId).SingleAsync());
        Assert.NotNull(passed.ProgressByActivity[quiz.ActivityId].QuizPassedAtUtc);
        Assert.NotNull(passed.CompletedAtUtc);

        review = await teacher.PageAsync($"/Learn/Attempt/{id}/Review");
        Assert.Contains("1.5 จาก 2 คะแนน (75%)", review.Text("[data-testid=attempt-grade]"));
        Assert.Contains("ยกตัวอย่างได้ดี ควรเพิ่มเกณฑ์", review.Text("[data-testid=grader-comment]"));
        var activity = await teacher.PageAsync(quiz.ActivityUrl);
        Assert.Contains("75%", activity.Text("[data-testid=quiz-grade]"));
    }

    [Fact]
    public async Task A_mark_that_is_not_a_number_or_above_the_question_s_marks_is_refused_in_Thai()
    {
        var (_, id, _) = await SubmittedEssayAsync("คะแนนไม่ถูกต้อง");
        var trainer = app.NewClient();
        await trainer.SignInOkAsync("trainer");
        var url = $"/Teach/QuizGrade/{id}/2";
        foreach (var (mark, message) in new[]
                 {
                     ("", "กรุณากรอกคะแนน"), ("ห้า", "คะแนนต้องเป็นตัวเลขที่มีทศนิยมไม่เกินสองตำแหน่ง เช่น 7.5"),
                     ("0.125", "คะแนนต้องเป็นตัวเลขที่มีทศนิยมไม่เกินสองตำแหน่ง เช่น 7.5"), ("5", "คะแนนต้องอยู่ระหว่าง 0 ถึง 1"),
                     ("-1", "คะแนนต้องอยู่ระหว่าง 0 ถึง 1"),
                 })
        {
            var refused = await trainer.SubmitAsync(url, new Dictionary<string, string> { ["Mark"] = mark, ["Comment"] = "ลองใหม่" });
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            var page = await refused.HtmlAsync();
            Assert.Equal(message, page.Text("[data-testid=mark-error]"));
            Assert.Equal("ลองใหม่", page.QuerySelector("textarea[name=Comment]")!.TextContent);
        }
        var attempt = await app.DbAsync(db => db.QuizAttempts.SingleAsync(a => a.Id == id));
        Assert.Equal(AttemptState.NeedsGrading, attempt.State);
    }

    [Fact]
    public async Task Teachers_cannot_open_the_grading_page_and_graders_never_see_an_attempt_in_progress()
    {
        var (quiz, id, teacher) = await SubmittedEssayAsync("สิทธิ์การตรวจ");
        foreach (var url in new[] { $"/Teach/QuizGrade/{id}/2", "/Teach/Grading" })
        {
            var refused = await teacher.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
            Assert.Contains("/Account/AccessDenied", refused.Location());
        }

        var other = app.NewClient();
        await other.SignInOkAsync("assistant");
        var open = QuizSteps.AttemptId(await other.StartQuizAsync(quiz));
        var trainer = app.NewClient();
        await trainer.SignInOkAsync("trainer");
        Assert.Equal(HttpStatusCode.NotFound, (await trainer.GetAsync($"/Teach/QuizGrade/{open}/2")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await trainer.GetAsync($"/Teach/QuizGrade/{id}/9")).StatusCode);
    }
}
