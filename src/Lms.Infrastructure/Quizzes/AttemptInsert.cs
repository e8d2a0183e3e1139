using System.Text.Json;
using Lms.Domain.Quizzes;
using Lms.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace Lms.Infrastructure.Quizzes;

/// <summary>
/// Writes a new attempt and all its questions in one statement: the attempt row, then its questions from arrays
/// with <c>unnest</c>. Through EF the same start was 21 tracked entities and a 21-statement batch (~5 ms of the
/// ~7.7 ms a start cost); 250 teachers press "start" in the same second at a training day, so this is the hot path
/// of the quiz storm (bench/results, issue 5). Columns are the ones EF maps (QuizConfiguration); the round-trip
/// test (AttemptInsertTests) reads an inserted attempt back through EF and compares every property.
/// </summary>
public static class AttemptInsert
{
    private const string Sql = """
        WITH attempt AS (
            INSERT INTO quiz_attempts (id, course_id, deadline_utc, mark, max_mark, number, person_id, questions_per_page,
                                       quiz_id, seed, started_at_utc, state, submitted_at_utc, submitted_by_timer)
            VALUES (@id, @course_id, @deadline_utc, @mark, @max_mark, @number, @person_id, @questions_per_page,
                    @quiz_id, @seed, @started_at_utc, @state, @submitted_at_utc, @submitted_by_timer)
            RETURNING id)
        INSERT INTO attempt_questions (attempt_id, slot, page, question_id, version, max_mark, layout, answer, sequence,
                                       saved_at_utc, grade_state, fraction, feedback, grader_comment, graded_by, graded_at_utc,
                                       graded_sequence)
        SELECT attempt.id, q.slot, q.page, q.question_id, q.version, q.max_mark, q.layout::jsonb, q.answer::jsonb, q.sequence,
               q.saved_at_utc, q.grade_state, q.fraction, ARRAY(SELECT jsonb_array_elements_text(q.feedback::jsonb)),
               q.grader_comment, q.graded_by, q.graded_at_utc, q.graded_sequence
        FROM attempt, unnest(@slot, @page, @question_id, @version, @q_max_mark, @layout, @answer, @sequence, @saved_at_utc,
                             @grade_state, @fraction, @feedback, @grader_comment, @graded_by, @graded_at_utc, @graded_sequence)
             AS q(slot, page, question_id, version, max_mark, layout, answer, sequence, saved_at_utc, grade_state, fraction,
                  feedback, grader_comment, graded_by, graded_at_utc, graded_sequence)
        """;

    /// <summary>
    /// Inserts on the context's connection and transaction (or as a statement of its own, when none is open). Unique
    /// violations come out as <see cref="PostgresException"/>.
    /// </summary>
    public static async Task ExecuteAsync(LmsDbContext db, QuizAttempt a, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await InsertAsync(db, a, ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static async Task InsertAsync(LmsDbContext db, QuizAttempt a, CancellationToken ct)
    {
        var qs = a.Questions;
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await using var command = new NpgsqlCommand(Sql, connection)
        {
            Transaction = (NpgsqlTransaction?)db.Database.CurrentTransaction?.GetDbTransaction(),
        };
        var p = command.Parameters;
        p.AddWithValue("id", a.Id);
        p.AddWithValue("course_id", a.CourseId);
        p.Add(Nullable("deadline_utc", NpgsqlDbType.TimestampTz, a.DeadlineUtc));
        p.Add(Nullable("mark", NpgsqlDbType.Numeric, a.Mark));
        p.AddWithValue("max_mark", a.MaxMark);
        p.AddWithValue("number", a.Number);
        p.AddWithValue("person_id", a.PersonId);
        p.AddWithValue("questions_per_page", a.QuestionsPerPage);
        p.AddWithValue("quiz_id", a.QuizId);
        p.AddWithValue("seed", a.Seed);
        p.AddWithValue("started_at_utc", NpgsqlDbType.TimestampTz, a.StartedAtUtc);
        p.AddWithValue("state", (int)a.State);
        p.Add(Nullable("submitted_at_utc", NpgsqlDbType.TimestampTz, a.SubmittedAtUtc));
        p.AddWithValue("submitted_by_timer", a.SubmittedByTimer);

        p.AddWithValue("slot", qs.Select(q => q.Slot).ToArray());
        p.AddWithValue("page", qs.Select(q => q.Page).ToArray());
        p.AddWithValue("question_id", qs.Select(q => q.QuestionId).ToArray());
        p.AddWithValue("version", qs.Select(q => q.Version).ToArray());
        p.AddWithValue("q_max_mark", qs.Select(q => q.MaxMark).ToArray());
        // jsonb travels as text and is cast in SQL; serialised exactly as the EF column converter does.
        p.AddWithValue("layout", qs.Select(q => JsonSerializer.Serialize(q.Layout, JsonColumn.Options)).ToArray());
        p.AddWithValue("answer", qs.Select(q => JsonSerializer.Serialize(q.Answer, JsonColumn.Options)).ToArray());
        p.AddWithValue("sequence", qs.Select(q => q.Sequence).ToArray());
        p.AddWithValue("saved_at_utc", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz, qs.Select(q => q.SavedAtUtc).ToArray());
        p.AddWithValue("grade_state", qs.Select(q => q.GradeState.ToString()).ToArray());
        p.AddWithValue("fraction", NpgsqlDbType.Array | NpgsqlDbType.Numeric, qs.Select(q => q.Fraction).ToArray());
        // A text[] per row cannot ride in a 2-D array through unnest (it would flatten): one JSON array each.
        p.AddWithValue("feedback", qs.Select(q => JsonSerializer.Serialize(q.Feedback)).ToArray());
        p.AddWithValue("grader_comment", qs.Select(q => q.GraderComment).ToArray());
        p.AddWithValue("graded_by", NpgsqlDbType.Array | NpgsqlDbType.Uuid, qs.Select(q => q.GradedBy).ToArray());
        p.AddWithValue("graded_at_utc", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz, qs.Select(q => q.GradedAtUtc).ToArray());
        p.AddWithValue("graded_sequence", NpgsqlDbType.Array | NpgsqlDbType.Bigint, qs.Select(q => q.GradedSequence).ToArray());
        await command.ExecuteNonQueryAsync(ct);
    }

    private static NpgsqlParameter Nullable<T>(string name, NpgsqlDbType type, T? value) where T : struct =>
        new(name, type) { Value = value is { } v ? v : DBNull.Value };
}
