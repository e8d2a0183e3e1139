using Lms.Domain.Enrolments;
using Lms.Domain.Organisation;
using Lms.Domain.Quizzes;
using Lms.Infrastructure.Courses;
using Lms.Infrastructure.Events;
using Lms.Infrastructure.Persistence;
using Lms.Infrastructure.Quizzes;
using Lms.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Lms.Web.Tests.Quizzes;

/// <summary>
/// Quiz submits are finished by group commit: the submits of several people in one transaction. Each must come out as if
/// it had been submitted alone — its own mark, its own completion and event — and a batch that cannot save one of them
/// must save none of them, so that each can be submitted again.
/// </summary>
public sealed class SubmitBatchTests(LmsAppFactory app) : IClassFixture<LmsAppFactory>
{
    private static readonly Dictionary<string, string> PassAtHalf = new()
    {
        ["Input.Title"] = "แบบทดสอบ", ["Input.AttemptsAllowed"] = "0", ["Input.QuestionsPerPage"] = "0", ["Input.PassPercent"] = "50",
    };

    private sealed record Teacher(Guid PersonId, HttpClient Client, Guid AttemptId);

    /// <summary>Teachers who each started the quiz and saved "true" for the first <c>rightAnswers[i]</c> of its 2 questions.</summary>
    private async Task<List<Teacher>> TeachersWhoAnsweredAsync(QuizSteps.QuizCourse quiz, params int[] rightAnswers)
    {
        var teachers = new List<Teacher>();
        foreach (var right in rightAnswers)
        {
            var (personId, userName) = await app.CreatePersonAsync([SystemRole.Learner]);
            var client = app.NewClient();
            await client.SignInOkAsync(userName);
            var attemptUrl = await client.StartQuizAsync(quiz);
            for (var slot = 1; slot <= 2; slot++)
                await client.SaveAnswerAsync(attemptUrl, slot, 1, ("answer", slot <= right ? "true" : "false"));
            teachers.Add(new Teacher(personId, client, QuizSteps.AttemptId(attemptUrl)));
        }
        return teachers;
    }

    private static SubmitBatch.Request Submit(Teacher t) => new(t.AttemptId, t.PersonId, ByTimer: false, DateTime.UtcNow);

    [Fact]
    public async Task Several_teachers_submitted_in_one_batch_each_get_their_own_mark_and_completion()
    {
        var quiz = await app.PublishedQuizCourseAsync("ส่งพร้อมกันหลายคน", QuizSteps.TrueFalse(2), PassAtHalf);
        var teachers = await TeachersWhoAnsweredAsync(quiz, 2, 0, 1, 2);
        var done = await TeachersWhoAnsweredAsync(quiz, 2);
        Assert.True(await SubmitThroughTheAppAsync(done[0]));
        var stranger = teachers[1] with { AttemptId = teachers[0].AttemptId }; // someone else's attempt: not found for them

        IReadOnlyList<SubmitBatch.Result> results = [];
        await app.ScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<LmsDbContext>();
            await db.Database.OpenConnectionAsync();
            await using var tx = await ((NpgsqlConnection)db.Database.GetDbConnection()).BeginTransactionAsync();
            results = await SubmitBatch.FinishAsync(tx, [.. teachers.Select(Submit), Submit(done[0]), Submit(stranger),
                new SubmitBatch.Request(Guid.NewGuid(), teachers[2].PersonId, false, DateTime.UtcNow)], sp.GetRequiredService<CoursePublisher>(), default);
            Assert.True(await SubmitBatch.RecordPassesAsync(tx, [.. results.Where(r => r.Pass is not null).Select(r => r.Pass!)], default));
            await tx.CommitAsync();
        });

        Assert.Equal([.. Enumerable.Repeat(SubmitBatch.Outcome.Finished, 4), SubmitBatch.Outcome.AlreadySubmitted,
            SubmitBatch.Outcome.NotFound, SubmitBatch.Outcome.NotFound], results.Select(r => r.Outcome));
        // Pass mark 50 %: 2 of 2 and 1 of 2 pass, 0 of 2 does not.
        Assert.Equal([true, false, true, true], results.Take(4).Select(r => r.Pass is not null));
        foreach (var (teacher, mark) in teachers.Zip([2m, 0m, 1m, 2m]))
        {
            var attempt = await app.DbAsync(db => db.QuizAttempts.AsNoTracking().SingleAsync(a => a.Id == teacher.AttemptId));
            Assert.Equal((AttemptState.Finished, mark), (attempt.State, attempt.Mark));
            var passed = mark >= 1m;
            var progress = await ProgressAsync(quiz, teacher.PersonId);
            Assert.Equal(passed, progress?.QuizPassedAtUtc is not null);
            Assert.Equal(passed, progress?.CompletedAtUtc is not null);
            Assert.Equal(passed ? 1 : 0, await CompletionEventsAsync(quiz, teacher.PersonId));
            var review = await teacher.Client.PageAsync($"/Learn/Attempt/{teacher.AttemptId}/Review");
            Assert.Contains($"{mark:0} จาก 2 คะแนน", review.Text("[data-testid=attempt-grade]"));
        }
        // The attempt submitted before the batch kept its one completion.
        Assert.Equal(1, await CompletionEventsAsync(quiz, done[0].PersonId));
    }

    [Fact]
    public async Task A_batch_whose_enrolment_changed_after_it_was_read_saves_nothing_and_each_submit_then_lands_once()
    {
        var quiz = await app.PublishedQuizCourseAsync("ลงทะเบียนเปลี่ยนระหว่างส่ง", QuizSteps.TrueFalse(2));
        var teachers = await TeachersWhoAnsweredAsync(quiz, 2, 2);

        await app.ScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<LmsDbContext>();
            await db.Database.OpenConnectionAsync();
            await using var tx = await ((NpgsqlConnection)db.Database.GetDbConnection()).BeginTransactionAsync();
            var results = await SubmitBatch.FinishAsync(tx, [.. teachers.Select(Submit)], sp.GetRequiredService<CoursePublisher>(), default);
            // Meanwhile the second teacher's enrolment moves on (their view of the course, saved by another request).
            await app.DbAsync(other => other.Database.ExecuteSqlInterpolatedAsync(
                $"UPDATE enrolments SET last_activity_at_utc = now() WHERE course_id = {quiz.CourseId} AND person_id = {teachers[1].PersonId}"));
            Assert.False(await SubmitBatch.RecordPassesAsync(tx, [.. results.Select(r => r.Pass!)], default));
            await tx.RollbackAsync();
        });
        foreach (var t in teachers)
            Assert.Equal(AttemptState.InProgress, await app.DbAsync(db => db.QuizAttempts.Where(a => a.Id == t.AttemptId).Select(a => a.State).SingleAsync()));

        // Submitted again (through the app's own path, all at once): each is finished and completed exactly once.
        var submitted = await Task.WhenAll(teachers.Concat(teachers).Select(SubmitThroughTheAppAsync));
        Assert.Equal(2, submitted.Count(s => s));
        foreach (var t in teachers)
        {
            Assert.NotNull((await ProgressAsync(quiz, t.PersonId))?.QuizPassedAtUtc);
            Assert.Equal(1, await CompletionEventsAsync(quiz, t.PersonId));
        }
    }

    private async Task<bool> SubmitThroughTheAppAsync(Teacher t)
    {
        var submitted = false;
        await app.ScopeAsync(async sp =>
            submitted = await sp.GetRequiredService<AttemptService>().SubmitAsync(t.AttemptId, t.PersonId, byTimer: false, default));
        return submitted;
    }

    private Task<ActivityProgress?> ProgressAsync(QuizSteps.QuizCourse quiz, Guid personId) =>
        app.DbAsync(db => db.Enrolments.AsNoTracking().Where(e => e.CourseId == quiz.CourseId && e.PersonId == personId)
            .SelectMany(e => e.Progress).Where(p => p.ActivityId == quiz.ActivityId).SingleOrDefaultAsync());

    private async Task<int> CompletionEventsAsync(QuizSteps.QuizCourse quiz, Guid personId)
    {
        var enrolmentId = await app.DbAsync(db => db.Enrolments.Where(e => e.CourseId == quiz.CourseId && e.PersonId == personId)
            .Select(e => e.Id).SingleAsync());
        var payloads = await app.DbAsync(db => db.Set<OutboxMessage>().Where(m => m.Type.EndsWith("ActivityCompleted"))
            .Select(m => m.Payload).ToListAsync());
        return payloads.Count(p => p.Contains(enrolmentId.ToString()) && p.Contains(quiz.ActivityId.ToString()));
    }
}
