using System.Text.Json;
using Lms.Domain.Questions;
using Lms.Domain.Quizzes;
using Lms.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Npgsql;

namespace Lms.Infrastructure.Quizzes;

/// <summary>
/// Reads a person's attempt for its pages with one statement: the attempt, its questions, the quiz's row version and the
/// bell's unread count. The quiz's settings come from a cache keyed by that row version, so an edit (a new xmin) is seen
/// at once and an unchanged quiz costs no query. Through EF the same page took three queries (attempt with questions,
/// quiz, bell) and EF's materialisation of twenty rows with JSON columns: at the start of a training day 250 teachers
/// open their first page in the same second, so this is on the hot path of the quiz storm (bench/results, issue 5).
/// Columns are the ones EF maps (QuizConfiguration); AttemptReaderTests compares a read with EF's, property by property.
/// </summary>
public sealed class AttemptReader(LmsDbContext db, IMemoryCache cache)
{
    public sealed record Read(QuizAttempt Attempt, Quiz Quiz, int UnreadNotifications);

    // One row per question, ordered by slot; the attempt's and the quiz's columns repeat on each.
    private const string Sql = """
        SELECT a.quiz_id, a.course_id, a.number, a.state, a.seed, a.started_at_utc, a.deadline_utc, a.submitted_at_utc,
               a.submitted_by_timer, a.max_mark, a.mark, a.questions_per_page, z.xmin,
               (SELECT count(*)::int FROM notifications n WHERE n.person_id = $2 AND n.read_at_utc IS NULL),
               q.slot, q.page, q.question_id, q.version, q.max_mark, q.layout::text, q.answer::text, q.sequence, q.saved_at_utc,
               q.grade_state, q.fraction, q.feedback, q.grader_comment, q.graded_by, q.graded_at_utc, q.graded_sequence
        FROM quiz_attempts a
        JOIN quizzes z ON z.id = a.quiz_id
        JOIN attempt_questions q ON q.attempt_id = a.id
        WHERE a.id = $1 AND a.person_id = $2
        ORDER BY q.slot
        """;

    /// <summary>The person's attempt, or null when there is none of theirs with that id.</summary>
    public async Task<Read?> OwnAsync(Guid attemptId, Guid personId, CancellationToken ct)
    {
        QuizAttempt attempt;
        Guid quizId;
        uint quizVersion;
        int unread;
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var cmd = new NpgsqlCommand(Sql, (NpgsqlConnection)db.Database.GetDbConnection());
            cmd.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = attemptId });
            cmd.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = personId });
            await using var r = await cmd.ExecuteReaderAsync(ct);
            if (!await r.ReadAsync(ct)) return null;
            quizId = r.GetGuid(0);
            var (courseId, number, state, seed, started, deadline, submitted, byTimer, maxMark, mark, perPage) = (r.GetGuid(1),
                r.GetInt32(2), (AttemptState)r.GetInt32(3), r.GetInt32(4), r.GetDateTime(5), Nullable<DateTime>(r, 6),
                Nullable<DateTime>(r, 7), r.GetBoolean(8), r.GetDecimal(9), Nullable<decimal>(r, 10), r.GetInt32(11));
            quizVersion = r.GetFieldValue<uint>(12);
            unread = r.GetInt32(13);
            var questions = new List<AttemptQuestion>(24);
            do
            {
                questions.Add(AttemptQuestion.Restore(attemptId, r.GetInt32(14), r.GetInt32(15), r.GetGuid(16), r.GetInt32(17),
                    r.GetDecimal(18), JsonSerializer.Deserialize<QuestionLayout>(r.GetString(19), JsonColumn.Options)!,
                    JsonSerializer.Deserialize<Dictionary<string, string>>(r.GetString(20), JsonColumn.Options)!, r.GetInt64(21),
                    Nullable<DateTime>(r, 22), Enum.Parse<GradeState>(r.GetString(23)), Nullable<decimal>(r, 24),
                    r.GetFieldValue<string[]>(25), r.GetString(26), Nullable<Guid>(r, 27), Nullable<DateTime>(r, 28), Nullable<long>(r, 29)));
            } while (await r.ReadAsync(ct));
            attempt = QuizAttempt.Restore(attemptId, quizId, courseId, personId, number, state, seed, started, deadline, submitted, byTimer,
                maxMark, mark, perPage, questions);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
        return new Read(attempt, await QuizAsync(quizId, quizVersion, ct), unread);
    }

    /// <summary>The quiz as of row version <paramref name="version"/>: from the cache, or read (and kept) when it changed.</summary>
    public async Task<Quiz> QuizAsync(Guid quizId, uint version, CancellationToken ct)
    {
        if (cache.TryGetValue(("quiz", quizId), out (uint Version, Quiz Quiz) hit) && hit.Version == version) return hit.Quiz;
        var read = await db.Quizzes.AsNoTracking().Where(q => q.Id == quizId)
            .Select(q => new { Quiz = q, Version = EF.Property<uint>(q, ConcurrencyToken.PropertyName) }).FirstAsync(ct);
        cache.Set(("quiz", quizId), (read.Version, read.Quiz), new MemoryCacheEntryOptions { SlidingExpiration = TimeSpan.FromMinutes(30), Size = 1 });
        return read.Quiz;
    }

    private static T? Nullable<T>(NpgsqlDataReader r, int i) where T : struct => r.IsDBNull(i) ? null : r.GetFieldValue<T>(i);
}
