using System.Text.Json;
using Lms.Domain.Quizzes;
using Lms.Infrastructure.Persistence;
using Lms.Infrastructure.Quizzes;
using Lms.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lms.Web.Tests.Quizzes;

/// <summary>
/// The attempt pages read their attempt with one hand-written statement (AttemptReader) instead of EF, for speed. This
/// compares such a read with EF's, property by property, for an attempt in progress and a submitted one, so a column
/// added to the model but not to the statement (or read differently) fails here; and shows that a quiz edit is seen at once.
/// </summary>
public sealed class AttemptReaderTests(LmsAppFactory app) : IClassFixture<LmsAppFactory>
{
    [Fact]
    public async Task An_attempt_read_by_the_one_statement_reader_equals_EFs_read_of_it()
    {
        var quiz = await app.PublishedQuizCourseAsync("อ่านความพยายาม", QuizSteps.TrueFalse(4), new Dictionary<string, string>
        {
            ["Input.Title"] = "แบบทดสอบอ่าน", ["Input.TimeLimitMinutes"] = "30", ["Input.AttemptsAllowed"] = "1", ["Input.QuestionsPerPage"] = "2",
            ["Input.PassPercent"] = "50",
        });
        var teacher = app.NewClient();
        await teacher.SignInOkAsync("teacher");
        var attemptUrl = await teacher.StartQuizAsync(quiz);
        var id = QuizSteps.AttemptId(attemptUrl);
        await teacher.SaveAnswerAsync(attemptUrl, 1, 5, ("answer", "true"));
        await teacher.SaveAnswerAsync(attemptUrl, 3, 6, ("answer", "false"));
        var person = await app.DbAsync(db => db.QuizAttempts.Where(a => a.Id == id).Select(a => a.PersonId).SingleAsync());

        await AssertSameAsEfAsync(id, person);
        Assert.Null(await ReadAsync(id, Guid.NewGuid())); // someone else's attempt is not found

        await teacher.SubmitAsync($"/Learn/Attempt/{id}/Summary", new Dictionary<string, string>());
        await AssertSameAsEfAsync(id, person);

        // A designer renames the quiz: the next read has the new title (the cache is keyed by the quiz's row version).
        await app.DbAsync(db => db.Database.ExecuteSqlInterpolatedAsync($"UPDATE quizzes SET title = 'ชื่อใหม่' WHERE id = {quiz.ActivityId}"));
        Assert.Equal("ชื่อใหม่", (await ReadAsync(id, person))!.Quiz.Title);
    }

    private async Task<AttemptReader.Read?> ReadAsync(Guid id, Guid person)
    {
        AttemptReader.Read? read = null;
        await app.ScopeAsync(async sp => read = await sp.GetRequiredService<AttemptReader>().OwnAsync(id, person, default));
        return read;
    }

    private async Task AssertSameAsEfAsync(Guid id, Guid person)
    {
        var read = (await ReadAsync(id, person))!;
        var ef = await app.DbAsync(db => db.QuizAttempts.AsNoTracking().Include(a => a.Questions).SingleAsync(a => a.Id == id));
        var efQuiz = await app.DbAsync(db => db.Quizzes.AsNoTracking().SingleAsync(q => q.Id == ef.QuizId));
        var model = app.Services.GetRequiredService<IDbContextFactory<LmsDbContext>>().CreateDbContext().Model;
        var pairs = new (Type, object, object)[] { (typeof(QuizAttempt), ef, read.Attempt), (typeof(Quiz), efQuiz, read.Quiz) }
            .Concat(ef.Questions.Select(q => (typeof(AttemptQuestion), (object)q, (object)read.Attempt.Questions.Single(r => r.Slot == q.Slot))));
        foreach (var (entity, expected, actual) in pairs)
            foreach (var property in model.FindEntityType(entity)!.GetProperties().Where(p => p.PropertyInfo is not null))
            {
                var want = JsonSerializer.Serialize(property.PropertyInfo!.GetValue(expected));
                var got = JsonSerializer.Serialize(property.PropertyInfo.GetValue(actual));
                Assert.True(want == got, $"{entity.Name}.{property.Name}: EF {want}, reader {got}");
            }
        Assert.Equal(ef.Questions.Count, read.Attempt.Questions.Count);
        Assert.Equal(ef.Questions.OrderBy(q => q.Slot).Select(q => q.Slot), read.Attempt.Questions.Select(q => q.Slot));
        Assert.Equal(efQuiz.Slots.Count, read.Quiz.Slots.Count);
        Assert.Equal(0, read.UnreadNotifications);
    }
}
