using System.Net;
using System.Text.Json;
using Lms.Domain.Questions;
using Lms.Domain.Quizzes;
using Lms.Infrastructure.Persistence;
using Lms.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lms.Web.Tests.Quizzes;

/// <summary>
/// Answers are graded as they are saved, so that submitting only adds up the stored grades: the grades must be exactly
/// what grading at the submit gave, by the attempt's own question versions, and never visible before the submit.
/// </summary>
public sealed class GradeOnSaveTests(LmsAppFactory app) : IClassFixture<LmsAppFactory>
{
    private static readonly Dictionary<string, string> AnyNumberOfAttempts = new()
    {
        ["Input.Title"] = "แบบทดสอบ", ["Input.AttemptsAllowed"] = "0", ["Input.QuestionsPerPage"] = "0", ["Input.PassPercent"] = "50",
    };

    [Fact]
    public async Task A_saved_answer_is_stored_with_its_grade_which_the_teacher_sees_only_after_submitting()
    {
        var quiz = await app.PublishedQuizCourseAsync("ตรวจทันทีที่บันทึก", QuizSteps.TrueFalse(2));
        var (_, userName) = await app.CreatePersonAsync([Lms.Domain.Organisation.SystemRole.Learner]);
        var teacher = app.NewClient();
        await teacher.SignInOkAsync(userName);
        var attemptUrl = await teacher.StartQuizAsync(quiz);
        var id = QuizSteps.AttemptId(attemptUrl);
        await teacher.SaveAnswerAsync(attemptUrl, 1, 7_000, ("answer", "true"));

        var stored = await app.DbAsync(db => db.AttemptQuestions.AsNoTracking().Where(q => q.AttemptId == id).OrderBy(q => q.Slot).ToListAsync());
        Assert.Equal((GradeState.Correct, 1m, 7_000L), (stored[0].GradeState, stored[0].Fraction!.Value, stored[0].GradedSequence!.Value));
        Assert.Equal(["ถูกต้อง"], stored[0].Feedback);
        Assert.Equal((GradeState.NotAnswered, true), (stored[1].GradeState, stored[1].HasCurrentGrade));

        // "My data" while the attempt is open has the answer, not whether it is right.
        var during = await MyAnswersAsync(teacher);
        Assert.Equal("true", during[0].GetProperty("Answer").GetProperty("answer").GetString());
        Assert.Equal(JsonValueKind.Null, during[0].GetProperty("Fraction").ValueKind);

        await teacher.SubmitAsync($"/Learn/Attempt/{id}/Summary", new Dictionary<string, string>());
        Assert.Equal(1m, (await MyAnswersAsync(teacher))[0].GetProperty("Fraction").GetDecimal());
        Assert.Equal(1m, await app.DbAsync(db => db.QuizAttempts.Where(a => a.Id == id).Select(a => a.Mark).SingleAsync()));
    }

    [Fact]
    public async Task A_submit_after_the_question_was_edited_still_grades_by_the_attempts_version()
    {
        var quiz = await app.PublishedQuizCourseAsync("แก้ข้อสอบระหว่างสอบ", QuizSteps.TrueFalse(1));
        var teacher = app.NewClient();
        await teacher.SignInOkAsync("teacher");
        var attemptUrl = await teacher.StartQuizAsync(quiz);
        var id = QuizSteps.AttemptId(attemptUrl);
        await teacher.SaveAnswerAsync(attemptUrl, 1, 1, ("answer", "true"));

        // The designer turns the key round while the teacher is still answering: a new version, "false" is right now.
        await app.ScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<LmsDbContext>();
            var question = await db.Questions.Include(q => q.Versions).SingleAsync(q => q.Id == quiz.QuestionIds[0]);
            question.Revise(((TrueFalseQuestion)question.Current.Content) with { CorrectAnswer = false }, null, DateTime.UtcNow);
            await db.SaveChangesAsync();
        });
        // A later save of the same answer is still graded by version 1, the attempt's.
        await teacher.SaveAnswerAsync(attemptUrl, 1, 2, ("answer", "true"));
        await teacher.SubmitAsync($"/Learn/Attempt/{id}/Summary", new Dictionary<string, string>());

        var attempt = await app.DbAsync(db => db.QuizAttempts.AsNoTracking().Include(a => a.Questions).SingleAsync(a => a.Id == id));
        Assert.Equal(1, attempt.Questions.Single().Version);
        Assert.Equal((AttemptState.Finished, 1m, GradeState.Correct), (attempt.State, attempt.Mark!.Value, attempt.Questions.Single().GradeState));
        var review = await teacher.PageAsync($"/Learn/Attempt/{id}/Review");
        Assert.Contains("1 จาก 1 คะแนน (100%)", review.Text("[data-testid=attempt-grade]"));
    }

    [Fact]
    public async Task An_attempt_saved_before_answers_were_graded_on_save_is_graded_at_the_submit()
    {
        var quiz = await app.PublishedQuizCourseAsync("คำตอบก่อนปรับระบบ", QuizSteps.TrueFalse(3));
        var teacher = app.NewClient();
        await teacher.SignInOkAsync("assistant");
        var attemptUrl = await teacher.StartQuizAsync(quiz);
        var id = QuizSteps.AttemptId(attemptUrl);
        await teacher.SaveAnswerAsync(attemptUrl, 1, 1, ("answer", "true"));
        await teacher.SaveAnswerAsync(attemptUrl, 2, 1, ("answer", "false"));
        // As the rows of an attempt in progress look after the upgrade: answers, no grade of them.
        await app.DbAsync(db => db.Database.ExecuteSqlInterpolatedAsync(
            $"UPDATE attempt_questions SET graded_sequence = NULL, grade_state = 'NotAnswered', fraction = NULL, feedback = '{{}}' WHERE attempt_id = {id}"));

        await teacher.SubmitAsync($"/Learn/Attempt/{id}/Summary", new Dictionary<string, string>());
        var attempt = await app.DbAsync(db => db.QuizAttempts.AsNoTracking().Include(a => a.Questions).SingleAsync(a => a.Id == id));
        Assert.Equal((AttemptState.Finished, 1m), (attempt.State, attempt.Mark!.Value));
        Assert.Equal([GradeState.Correct, GradeState.Wrong, GradeState.NotAnswered], attempt.Questions.OrderBy(q => q.Slot).Select(q => q.GradeState));
        Assert.All(attempt.Questions, q => Assert.True(q.HasCurrentGrade));
    }

    [Fact]
    public async Task The_mark_adds_up_each_questions_marks_rounded_as_the_domain_rounds_them()
    {
        // Two right choices worth half each; one of them ticked earns 0.5 of the question's mark.
        var halves = new MultipleChoiceQuestion
        {
            Name = "สองคำตอบ", Text = "ข้อใดเป็นการเรียนรู้เชิงรุก (เลือกได้หลายข้อ)", Single = false,
            Choices = [new("การอภิปรายกลุ่ม", 0.5m), new("การทำโครงงาน", 0.5m), new("การจดตามคำบอก", 0m)],
        };
        var quiz = await app.PublishedQuizCourseAsync("การปัดเศษคะแนน", [halves]);
        var teacher = app.NewClient();
        await teacher.SignInOkAsync("staff");
        var attemptUrl = await teacher.StartQuizAsync(quiz);
        var id = QuizSteps.AttemptId(attemptUrl);
        // A mark whose half ends in 5 at the fifth place: 0.61725. The domain's decimal rounding (half to even) gives
        // 0.6172, PostgreSQL's round() 0.6173; the stored mark must be the domain's.
        await app.DbAsync(db => db.Database.ExecuteSqlInterpolatedAsync(
            $"UPDATE attempt_questions SET max_mark = 1.2345 WHERE attempt_id = {id}; UPDATE quiz_attempts SET max_mark = 1.2345 WHERE id = {id}"));
        await teacher.SaveAnswerAsync(attemptUrl, 1, 1, ("answer", "0"));
        await teacher.SubmitAsync($"/Learn/Attempt/{id}/Summary", new Dictionary<string, string>());

        var attempt = await app.DbAsync(db => db.QuizAttempts.AsNoTracking().Include(a => a.Questions).SingleAsync(a => a.Id == id));
        Assert.Equal(0.5m, attempt.Questions.Single().Fraction);
        Assert.Equal(0.6172m, attempt.Questions.Single().EarnedMark);
        Assert.Equal(0.6172m, attempt.Mark);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_passing_submit_completes_the_quiz_activity_and_the_course_with_their_events(bool openedTheActivityFirst)
    {
        var quiz = await app.PublishedQuizCourseAsync("ผ่านแล้วจบหลักสูตร", QuizSteps.TrueFalse(2));
        var teacher = app.NewClient();
        await teacher.SignInOkAsync("teacher");
        var attemptUrl = await teacher.StartQuizAsync(quiz);
        var id = QuizSteps.AttemptId(attemptUrl);
        await teacher.SaveAnswerAsync(attemptUrl, 1, 1, ("answer", "true"));
        await teacher.SaveAnswerAsync(attemptUrl, 2, 1, ("answer", "true"));
        // Opened first: the activity page's view left a progress row that the submit updates. Otherwise no row yet (as
        // for a teacher sent straight to the attempt): the submit inserts it.
        if (!openedTheActivityFirst)
            await app.DbAsync(db => db.Database.ExecuteSqlInterpolatedAsync($"DELETE FROM activity_progress WHERE activity_id = {quiz.ActivityId}"));
        else
            Assert.Equal(1, await app.DbAsync(db => db.Set<Lms.Domain.Enrolments.ActivityProgress>().CountAsync(p => p.ActivityId == quiz.ActivityId)));

        await teacher.SubmitAsync($"/Learn/Attempt/{id}/Summary", new Dictionary<string, string>());
        var progress = await app.DbAsync(db => db.Enrolments.AsNoTracking().Include(e => e.Progress)
            .SingleAsync(e => e.CourseId == quiz.CourseId && e.Progress.Any(p => p.ActivityId == quiz.ActivityId)));
        var row = progress.Progress.Single(p => p.ActivityId == quiz.ActivityId);
        Assert.NotNull(row.QuizPassedAtUtc);
        Assert.Equal(row.QuizPassedAtUtc, row.CompletedAtUtc);
        Assert.Equal(row.CompletedAtUtc, progress.CompletedAtUtc);
        var events = (await app.DbAsync(db => db.Set<Lms.Infrastructure.Events.OutboxMessage>().Where(m => m.Type.EndsWith("Completed"))
            .Select(m => new { m.Type, m.Payload }).ToListAsync())).Where(m => m.Payload.Contains(progress.Id.ToString())).Select(m => m.Type).ToList();
        Assert.Single(events, t => t.EndsWith("ActivityCompleted"));
        Assert.Single(events, t => t.EndsWith("CourseCompleted"));
        Assert.Equal("100%", (await teacher.PageAsync($"/Learn/Course/{quiz.CourseId}")).Text("[data-testid=course-percent]"));
    }

    [Fact]
    public async Task A_save_racing_the_submit_is_either_counted_in_the_grade_or_refused()
    {
        var quiz = await app.PublishedQuizCourseAsync("บันทึกพร้อมส่ง", QuizSteps.TrueFalse(2), AnyNumberOfAttempts);
        var teacher = app.NewClient();
        await teacher.SignInOkAsync("director");
        await teacher.EnrolAsync(quiz.CourseId);
        for (var round = 0; round < 5; round++)
        {
            var started = await teacher.SubmitAsync(quiz.ActivityUrl, new Dictionary<string, string>(), handler: "StartQuiz");
            var attemptUrl = started.Location();
            var id = QuizSteps.AttemptId(attemptUrl);
            await teacher.SaveAnswerAsync(attemptUrl, 1, 1, ("answer", "true"));
            var summaryUrl = $"/Learn/Attempt/{id}/Summary";
            var summary = await teacher.PageAsync(summaryUrl);

            var token = summary.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
            var save = teacher.PostAsync($"/Learn/Attempt/{id}?handler=Save", new FormUrlEncodedContent(
                [new("slot", "2"), new("seq", "1"), new("q2.answer", "true"), new("__RequestVerificationToken", token)]));
            var submit = teacher.SubmitAsync(summary, summaryUrl, new Dictionary<string, string>());
            await Task.WhenAll(save, submit);

            var reply = await save;
            var saved = reply.StatusCode == HttpStatusCode.OK && (await reply.Content.ReadAsStringAsync()).Contains("saved");
            var attempt = await app.DbAsync(db => db.QuizAttempts.AsNoTracking().Include(a => a.Questions).SingleAsync(a => a.Id == id));
            Assert.Equal(AttemptState.Finished, attempt.State);
            Assert.Equal(saved ? 2m : 1m, attempt.Mark);
            Assert.Equal(saved, attempt.Questions.Single(q => q.Slot == 2).IsAnswered);
        }
    }

    private static async Task<List<JsonElement>> MyAnswersAsync(HttpClient teacher)
    {
        var json = JsonDocument.Parse(await (await teacher.GetAsync("/Account/MyData?handler=Download")).Content.ReadAsStringAsync()).RootElement;
        return [.. json.GetProperty("QuizAttempts")[0].GetProperty("Answers").EnumerateArray()];
    }
}
