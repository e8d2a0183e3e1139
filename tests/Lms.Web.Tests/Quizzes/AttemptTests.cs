using System.Net;
using Lms.Domain.Quizzes;
using Lms.Infrastructure.Events;
using Lms.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Lms.Web.Tests.Quizzes;

/// <summary>Taking a quiz: answers saved as given, resumed after a closed tab, submitted exactly once whatever the browser does.</summary>
public sealed class AttemptTests(LmsAppFactory app) : IClassFixture<LmsAppFactory>
{
    [Fact]
    public async Task Answers_are_saved_as_given_and_a_reopened_quiz_resumes_the_same_attempt()
    {
        var quiz = await app.PublishedQuizCourseAsync("การวัดผลระหว่างเรียน", QuizSteps.TrueFalse(3));
        var teacher = app.NewClient();
        await teacher.SignInOkAsync("teacher");
        var attemptUrl = await teacher.StartQuizAsync(quiz);

        var saved = await teacher.SaveAnswerAsync(attemptUrl, 2, 1_000, ("answer", "false"));
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Contains("saved", await saved.Content.ReadAsStringAsync());

        // The tab is closed; the teacher comes back later (a new browser session) and presses the button again.
        var later = app.NewClient();
        await later.SignInOkAsync("teacher");
        var resumed = await later.StartQuizAsync(quiz, enrol: false);
        Assert.Equal(QuizSteps.AttemptId(attemptUrl), QuizSteps.AttemptId(resumed));
        var page = await later.PageAsync($"/Learn/Attempt/{QuizSteps.AttemptId(resumed)}/2");
        Assert.NotNull(page.QuerySelector("input[name='q2.answer'][value=false][checked]"));
        Assert.Equal(1, await app.DbAsync(db => db.QuizAttempts.CountAsync(a => a.QuizId == quiz.ActivityId)));
    }

    [Fact]
    public async Task A_late_save_does_not_put_back_an_older_answer()
    {
        var quiz = await app.PublishedQuizCourseAsync("ลำดับการบันทึก", QuizSteps.TrueFalse(1));
        var teacher = app.NewClient();
        await teacher.SignInOkAsync("assistant");
        var attemptUrl = await teacher.StartQuizAsync(quiz);
        await teacher.SaveAnswerAsync(attemptUrl, 1, 2_000, ("answer", "true"));
        var stale = await teacher.SaveAnswerAsync(attemptUrl, 1, 1_000, ("answer", "false"));
        Assert.Contains("stale", await stale.Content.ReadAsStringAsync());
        var answer = await app.DbAsync(db => db.AttemptQuestions.Where(q => q.AttemptId == QuizSteps.AttemptId(attemptUrl) && q.Slot == 1)
            .Select(q => q.Answer).SingleAsync());
        Assert.Equal("true", answer["answer"]);
    }

    [Fact]
    public async Task Parallel_starts_make_one_attempt_and_parallel_submits_grade_it_once()
    {
        var quiz = await app.PublishedQuizCourseAsync("กดซ้ำ", QuizSteps.TrueFalse(2));
        var teacher = app.NewClient();
        await teacher.SignInOkAsync("staff");
        await teacher.EnrolAsync(quiz.CourseId);
        var activity = await teacher.PageAsync(quiz.ActivityUrl);

        var starts = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ =>
            teacher.SubmitAsync(activity, quiz.ActivityUrl, new Dictionary<string, string>(), handler: "StartQuiz")));
        Assert.All(starts, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        var failed = starts.FirstOrDefault(r => !r.Location().StartsWith("/Learn/Attempt/"));
        Assert.True(failed is null, failed is null ? "" : failed.Location() + " " + (await teacher.PageAsync(failed.Location())).QuerySelector("[data-testid=activity-error]")?.TextContent);
        Assert.Single(starts.Select(r => r.Location()).Distinct());
        var attemptUrl = starts[0].Location();
        var attemptId = QuizSteps.AttemptId(attemptUrl);
        await teacher.SaveAnswerAsync(attemptUrl, 1, 1, ("answer", "true"));
        await teacher.SaveAnswerAsync(attemptUrl, 2, 1, ("answer", "true"));

        var summaryUrl = $"/Learn/Attempt/{attemptId}/Summary";
        var summary = await teacher.PageAsync(summaryUrl);
        var submits = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ =>
            teacher.SubmitAsync(summary, summaryUrl, new Dictionary<string, string>())));
        Assert.All(submits, r => Assert.Equal($"/Learn/Attempt/{attemptId}/Review", r.Location()));

        var attempts = await app.DbAsync(db => db.QuizAttempts.Where(a => a.QuizId == quiz.ActivityId).ToListAsync());
        var attempt = Assert.Single(attempts);
        Assert.Equal(AttemptState.Finished, attempt.State);
        Assert.Equal(2m, attempt.Mark);
        // The quiz activity completed once, and with it the course (its only activity), in the submitting request.
        var events = await app.DbAsync(db => db.Set<OutboxMessage>().Where(m => m.Type.EndsWith("ActivityCompleted")).Select(m => m.Payload).ToListAsync());
        Assert.Single(events, p => p.Contains(quiz.ActivityId.ToString()));
        var course = await teacher.PageAsync($"/Learn/Course/{quiz.CourseId}");
        Assert.Equal("100%", course.Text("[data-testid=course-percent]"));

        var review = await teacher.PageAsync($"/Learn/Attempt/{attemptId}/Review");
        Assert.Contains("2 จาก 2 คะแนน (100%)", review.Text("[data-testid=attempt-grade]"));
        Assert.Contains("ผ่าน", review.Text("[data-testid=attempt-result]"));
    }

    [Fact]
    public async Task A_teacher_never_sees_another_teachers_attempt()
    {
        var quiz = await app.PublishedQuizCourseAsync("ของใครของมัน", QuizSteps.TrueFalse(1));
        var owner = app.NewClient();
        await owner.SignInOkAsync("teacher");
        var attemptUrl = await owner.StartQuizAsync(quiz);
        await owner.SaveAnswerAsync(attemptUrl, 1, 5, ("answer", "false"));
        var id = QuizSteps.AttemptId(attemptUrl);

        var other = app.NewClient();
        await other.SignInOkAsync("assistant");
        await other.EnrolAsync(quiz.CourseId);
        foreach (var url in new[] { attemptUrl, $"/Learn/Attempt/{id}/Summary", $"/Learn/Attempt/{id}/Review" })
            Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(url)).StatusCode);

        // Posting into it with their own valid antiforgery token changes nothing.
        var activity = await other.PageAsync(quiz.ActivityUrl);
        var token = activity.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var save = await other.PostAsync($"/Learn/Attempt/{id}?handler=Save", new FormUrlEncodedContent(
            [new("slot", "1"), new("seq", "99"), new("q1.answer", "true"), new("__RequestVerificationToken", token)]));
        Assert.Equal(HttpStatusCode.NotFound, save.StatusCode);
        var submit = await other.PostAsync($"/Learn/Attempt/{id}/Summary", new FormUrlEncodedContent(
            [new("__RequestVerificationToken", token)]));
        Assert.Equal(HttpStatusCode.NotFound, submit.StatusCode);
        var stored = await app.DbAsync(db => db.QuizAttempts.Include(a => a.Questions).SingleAsync(a => a.Id == id));
        Assert.Equal(AttemptState.InProgress, stored.State);
        Assert.Equal("false", stored.Questions.Single().Answer["answer"]);
    }

    [Fact]
    public async Task Without_javascript_moving_between_pages_saves_the_page()
    {
        var quiz = await app.PublishedQuizCourseAsync("ไม่มีสคริปต์", QuizSteps.TrueFalse(2),
            new Dictionary<string, string> { ["Input.Title"] = "แบบทดสอบ", ["Input.QuestionsPerPage"] = "1", ["Input.AttemptsAllowed"] = "1",
                ["Input.PassPercent"] = "50" });
        var teacher = app.NewClient();
        await teacher.SignInOkAsync("teacher");
        var attemptUrl = await teacher.StartQuizAsync(quiz);
        var first = await teacher.SubmitAsync(attemptUrl, new Dictionary<string, string> { ["q1.answer"] = "true", ["go"] = "2" }, handler: "Page");
        Assert.EndsWith("/2", first.Location());
        var second = await teacher.SubmitAsync(first.Location(), new Dictionary<string, string> { ["q2.answer"] = "false", ["go"] = "summary" }, handler: "Page");
        Assert.EndsWith("/Summary", second.Location());
        var answers = await app.DbAsync(db => db.AttemptQuestions.Where(q => q.AttemptId == QuizSteps.AttemptId(attemptUrl))
            .OrderBy(q => q.Slot).Select(q => q.Answer).ToListAsync());
        Assert.Equal(["true", "false"], answers.Select(a => a["answer"]));
    }

    [Fact]
    public async Task Right_answers_and_feedback_stay_hidden_until_the_review_options_allow_them()
    {
        var quiz = await app.PublishedQuizCourseAsync("เฉลยหลังปิด", QuizSteps.TrueFalse(1), new Dictionary<string, string>
        {
            ["Input.Title"] = "แบบทดสอบ", ["Input.AttemptsAllowed"] = "1", ["Input.PassPercent"] = "50",
            ["Input.ShowScore"] = "AfterSubmit", ["Input.ShowFeedback"] = "AfterClose", ["Input.ShowRightAnswers"] = "AfterClose",
            ["Input.ClosesAtLocal"] = "2030-01-01T16:30",
        });
        var teacher = app.NewClient();
        await teacher.SignInOkAsync("staff");
        var attemptUrl = await teacher.StartQuizAsync(quiz);
        var taking = await (await teacher.GetAsync(attemptUrl)).Content.ReadAsStringAsync();
        // While answering, nothing of the key is in the page: no feedback texts, no marks of the choices.
        Assert.DoesNotContain("ลองทบทวนหน่วยที่ 2", taking);
        Assert.DoesNotContain("ถูกต้อง", taking);

        await teacher.SaveAnswerAsync(attemptUrl, 1, 1, ("answer", "false"));
        var id = QuizSteps.AttemptId(attemptUrl);
        await teacher.SubmitAsync($"/Learn/Attempt/{id}/Summary", new Dictionary<string, string>());
        var review = await teacher.PageAsync($"/Learn/Attempt/{id}/Review");
        Assert.Contains("0 จาก 1 คะแนน", review.Text("[data-testid=attempt-grade]"));
        Assert.Null(review.QuerySelector("[data-testid=right-answer]"));
        Assert.Null(review.QuerySelector("[data-testid=feedback]"));
        Assert.DoesNotContain("ลองทบทวนหน่วยที่ 2", review.Body!.TextContent);
    }

    [Fact]
    public async Task A_teacher_downloads_their_answers_with_the_rest_of_their_data()
    {
        var quiz = await app.PublishedQuizCourseAsync("ข้อมูลของฉัน", QuizSteps.TrueFalse(1), quizTitle: "แบบทดสอบ PDPA");
        var (_, userName) = await app.CreatePersonAsync([Lms.Domain.Organisation.SystemRole.Learner]);
        var teacher = app.NewClient();
        await teacher.SignInOkAsync(userName);
        var attemptUrl = await teacher.StartQuizAsync(quiz);
        await teacher.SaveAnswerAsync(attemptUrl, 1, 1, ("answer", "false"));

        var json = System.Text.Json.JsonDocument.Parse(await (await teacher.GetAsync("/Account/MyData?handler=Download")).Content.ReadAsStringAsync()).RootElement;
        var attempt = Assert.Single(json.GetProperty("QuizAttempts").EnumerateArray());
        Assert.Equal("แบบทดสอบ PDPA", attempt.GetProperty("Quiz").GetString());
        Assert.Equal("false", attempt.GetProperty("Answers")[0].GetProperty("Answer").GetProperty("answer").GetString());
        Assert.Single(json.GetProperty("Enrolments").EnumerateArray());
    }
}
