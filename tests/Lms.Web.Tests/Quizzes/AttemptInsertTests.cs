using System.Text.Json;
using Lms.Domain.Quizzes;
using Lms.Infrastructure.Persistence;
using Lms.Infrastructure.Quizzes;
using Lms.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lms.Web.Tests.Quizzes;

/// <summary>
/// The start of an attempt is written with one hand-written statement (AttemptInsert) instead of EF, for speed.
/// This reads a started attempt back through EF and compares every mapped property with what was built in memory,
/// so a column added to the model but not to the statement (or written differently) fails here.
/// </summary>
public sealed class AttemptInsertTests(LmsAppFactory app) : IClassFixture<LmsAppFactory>
{
    [Fact]
    public async Task An_attempt_written_by_the_set_based_insert_reads_back_through_EF_unchanged()
    {
        var quiz = await app.PublishedQuizCourseAsync("แบบทดสอบการบันทึก", QuizSteps.TrueFalse(5),
            new Dictionary<string, string>
            {
                ["Input.Title"] = "แบบทดสอบการบันทึก", ["Input.TimeLimitMinutes"] = "30", ["Input.AttemptsAllowed"] = "1",
                ["Input.QuestionsPerPage"] = "0", ["Input.PassPercent"] = "50",
            });
        var person = await app.DbAsync(db => db.People.Where(p => p.FirstName != "").Select(p => p.Id).FirstAsync());
        QuizAttempt started = null!;
        await app.ScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<LmsDbContext>();
            var q = await db.Quizzes.AsNoTracking().FirstAsync(x => x.CourseId == quiz.CourseId);
            started = await sp.GetRequiredService<AttemptService>().StartOrResumeAsync(q, person, default);
        });

        var stored = await app.DbAsync(db => db.QuizAttempts.AsNoTracking().Include(a => a.Questions).FirstAsync(a => a.Id == started.Id));
        var model = app.Services.GetRequiredService<IDbContextFactory<LmsDbContext>>().CreateDbContext().Model;
        foreach (var (entity, expected, actual) in new (Type, object, object)[] { (typeof(QuizAttempt), started, stored) }
                     .Concat(started.Questions.Select(q => (typeof(AttemptQuestion), (object)q, (object)stored.Questions.Single(s => s.Slot == q.Slot)))))
        {
            foreach (var property in model.FindEntityType(entity)!.GetProperties().Where(p => p.PropertyInfo is not null))
            {
                var want = JsonSerializer.Serialize(ToMicroseconds(property.PropertyInfo!.GetValue(expected)));
                var got = JsonSerializer.Serialize(ToMicroseconds(property.PropertyInfo.GetValue(actual)));
                Assert.True(want == got, $"{entity.Name}.{property.Name}: built {want}, stored {got}");
            }
        }
        Assert.Equal(5, stored.Questions.Count);
        Assert.Contains(stored.Questions, q => q.Layout is not null);
        Assert.NotNull(stored.DeadlineUtc);
        Assert.Equal(AttemptState.InProgress, stored.State);
    }

    /// <summary>PostgreSQL keeps microseconds and numeric(10,4) adds trailing zeros (EF's own writes do the same).</summary>
    private static object? ToMicroseconds(object? value) => value switch
    {
        DateTime t => new DateTime(t.Ticks - t.Ticks % 10, t.Kind),
        decimal d => d.ToString("0.############", System.Globalization.CultureInfo.InvariantCulture),
        _ => value,
    };
}
