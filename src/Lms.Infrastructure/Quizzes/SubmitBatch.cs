using Lms.Domain.Quizzes;
using Lms.Infrastructure.Courses;
using Lms.Infrastructure.Learning;
using Npgsql;
using NpgsqlTypes;

namespace Lms.Infrastructure.Quizzes;

/// <summary>
/// The SQL side of submitting quiz attempts, for one attempt or many at once (<see cref="SubmitWriter"/>'s group commit):
/// the same three statements and one progress write whatever the number, so PostgreSQL's per-statement and
/// per-transaction work is shared by all the attempts of a batch. The caller owns the transaction.
/// </summary>
public static class SubmitBatch
{
    /// <param name="NowUtc">When the person submitted (a timer submit is dated at the deadline instead).</param>
    public sealed record Request(Guid AttemptId, Guid PersonId, bool ByTimer, DateTime NowUtc);

    /// <summary>GradeHere: a stored grade is not the one of its stored answer (saved before grading on save), so the
    /// attempt is left as it is for the domain model to grade.</summary>
    public enum Outcome { NotFound, AlreadySubmitted, GradeHere, Finished }

    /// <param name="Pass">What passing the quiz records on the enrolment (null: not passed, or nothing new).</param>
    public sealed record Result(Outcome Outcome, ViewChange? Pass = null);

    /// <summary>
    /// One round trip: lock the attempts' rows in id order (waits for saves in flight and for parallel submits; the same
    /// order in every batch, so two batches never deadlock on them) with each person's other attempts at the quiz; then —
    /// in a new statement, so it sees what those saves committed — finish each with the sum of its stored grades when every
    /// one of them is current; and the enrolments in the attempts' courses, read after the finish in the same transaction.
    /// Then works out, in the domain model, what each passing attempt records on its enrolment.
    /// </summary>
    internal static async Task<IReadOnlyList<Result>> FinishAsync(NpgsqlTransaction tx, IReadOnlyList<Request> requests,
        CoursePublisher publisher, CancellationToken ct)
    {
        var ids = requests.Select(r => r.AttemptId).ToArray();
        var persons = requests.Select(r => r.PersonId).ToArray();
        await using var batch = new NpgsqlBatch(tx.Connection, tx);
        batch.BatchCommands.Add(Command(LockSql, ids, persons));
        var finish = Command(FinishSql, ids, persons);
        finish.Parameters.Add(new NpgsqlParameter<bool[]> { TypedValue = requests.Select(r => r.ByTimer).ToArray() });
        finish.Parameters.Add(new NpgsqlParameter<DateTime[]>
        {
            TypedValue = requests.Select(r => r.NowUtc).ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz,
        });
        batch.BatchCommands.Add(finish);
        batch.BatchCommands.Add(Command(LearnerSnapshotReader.SqlForAttempts, ids, persons));

        await using var r = await batch.ExecuteReaderAsync(ct);
        // Everything is keyed by (attempt, person): an attempt is found only for its own person.
        var states = new Dictionary<(Guid, Guid), AttemptState>();
        var others = new Dictionary<(Guid, Guid), List<(Guid Id, int Number, AttemptState State, decimal MaxMark, decimal? Mark)>>();
        while (await r.ReadAsync(ct))
        {
            var key = (r.GetGuid(0), r.GetGuid(1));
            states[key] = (AttemptState)r.GetInt32(2);
            if (!others.TryGetValue(key, out var list)) others[key] = list = [];
            if (!r.IsDBNull(3))
                list.Add((r.GetGuid(3), r.GetInt32(4), (AttemptState)r.GetInt32(5), r.GetDecimal(6), r.IsDBNull(7) ? null : r.GetDecimal(7)));
        }
        await r.NextResultAsync(ct);
        var finished = new Dictionary<(Guid, Guid), Finished>();
        while (await r.ReadAsync(ct))
        {
            var (id, personId, quizId) = (r.GetGuid(0), r.GetGuid(1), r.GetGuid(5));
            var attempt = QuizAttempt.Restore(id, quizId, personId, r.GetInt32(4), (AttemptState)r.GetInt32(2), r.GetDecimal(7),
                r.IsDBNull(3) ? null : r.GetDecimal(3));
            var earlier = others[(id, personId)].Select(o => QuizAttempt.Restore(o.Id, quizId, personId, o.Number, o.State, o.MaxMark, o.Mark));
            finished[(id, personId)] = new Finished(attempt, r.GetGuid(6), (GradingMethod)r.GetInt32(8), r.GetDecimal(9), [.. earlier]);
        }
        await r.NextResultAsync(ct);
        var enrolments = await LearnerSnapshotReader.RowsBuilder.ReadByPairAsync(r, ct);
        await r.DisposeAsync();

        var results = new List<Result>(requests.Count);
        foreach (var request in requests)
        {
            var id = (request.AttemptId, request.PersonId);
            if (!states.TryGetValue(id, out var state)) results.Add(new Result(Outcome.NotFound));
            else if (state != AttemptState.InProgress) results.Add(new Result(Outcome.AlreadySubmitted));
            else if (!finished.TryGetValue(id, out var f)) results.Add(new Result(Outcome.GradeHere));
            else
            {
                var rows = enrolments.TryGetValue(id, out var b) ? b.Build(f.CourseId, request.PersonId) : null;
                results.Add(new Result(Outcome.Finished, await PassAsync(f, rows, publisher, request.NowUtc, ct)));
            }
        }
        return results;
    }

    private sealed record Finished(QuizAttempt Attempt, Guid CourseId, GradingMethod Method, decimal PassPercent,
        IReadOnlyList<QuizAttempt> Others);

    /// <summary>When the person's quiz grade now passes: "quiz passed" on their enrolment, as the learner pages record it.</summary>
    private static async Task<ViewChange?> PassAsync(Finished f, LearnerSnapshotReader.Rows? rows, CoursePublisher publisher,
        DateTime now, CancellationToken ct)
    {
        if (QuizGrade.Of(f.Method, [.. f.Others, f.Attempt]) is not { } grade || !Quiz.PassesAt(f.PassPercent, grade)) return null;
        if (rows is not { Enrolment: { } enrolment }) return null;
        if (await publisher.VersionAsync(f.CourseId, rows.Version, ct) is not { } course) return null;
        if (course.Activities.FirstOrDefault(a => a.Quiz == f.Attempt.QuizId) is not { } activity) return null;
        if (enrolment.ProgressByActivity.TryGetValue(activity.Id, out var p) && p.QuizPassedAtUtc is not null) return null;
        return ViewChange.RecordQuizPassed(enrolment, rows.RowVersion, course.Outline(), activity.Id, now);
    }

    /// <summary>
    /// Records the passes in the same transaction (progress rows, the completions they make and their outbox events).
    /// False when an enrolment changed since it was read: the caller rolls back and tries again.
    /// </summary>
    internal static async Task<bool> RecordPassesAsync(NpgsqlTransaction tx, IReadOnlyList<ViewChange> passes, CancellationToken ct)
    {
        if (passes.Count == 0) return true;
        // Enrolment rows are updated in id order, the same in every batch (as the attempts are locked).
        var ordered = passes.OrderBy(c => c.EnrolmentId).ToList();
        await using var cmd = new NpgsqlCommand(ordered.Count == 1 ? ProgressWriterSql.SingleFor(ordered[0]) : ProgressWriterSql.Statement,
            tx.Connection, tx);
        if (ordered.Count == 1) ProgressWriterSql.AddSingleParameters(cmd, ordered[0]);
        else ProgressWriterSql.AddParameters(cmd, ordered);
        var saved = 0;
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct)) saved++;
        return saved == ordered.Count;
    }

    private static NpgsqlBatchCommand Command(string sql, Guid[] ids, Guid[] persons)
    {
        var c = new NpgsqlBatchCommand(sql);
        c.Parameters.Add(new NpgsqlParameter<Guid[]> { TypedValue = ids });
        c.Parameters.Add(new NpgsqlParameter<Guid[]> { TypedValue = persons });
        return c;
    }

    // Each attempt row locked, with one row per other attempt of the person at the same quiz (NULLs when there is none).
    private const string LockSql = """
        SELECT a.id, a.person_id, a.state, o.id, o.number, o.state, o.max_mark, o.mark
        FROM unnest($1::uuid[], $2::uuid[]) AS r(id, person_id)
        JOIN quiz_attempts a ON a.id = r.id AND a.person_id = r.person_id
        LEFT JOIN quiz_attempts o ON o.quiz_id = a.quiz_id AND o.person_id = a.person_id AND o.id <> a.id
        ORDER BY a.id
        FOR UPDATE OF a
        """;

    // An attempt's mark is the sum of its questions' earned marks, each rounded to 4 places as AttemptQuestion.EarnedMark
    // rounds (decimal Math.Round: half to even; PostgreSQL's round() goes half away from zero, hence the CASE). An essay
    // waiting for a person earns nothing yet and leaves the attempt NeedsGrading (1); otherwise it is Finished (2).
    // Timer submits are dated at the deadline, as QuizAttempt.Submit dates them. An attempt without questions is left to
    // the domain model (no row in g).
    private const string FinishSql = """
        WITH r AS (
            SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::boolean[], $4::timestamptz[]) AS r(id, person_id, by_timer, now)
        ),
        g AS (
            SELECT q.attempt_id,
                   bool_and(coalesce(q.graded_sequence = q.sequence, false)) AS current,
                   coalesce(bool_or(q.grade_state = 'NeedsGrading'), false) AS pending,
                   coalesce(sum(CASE WHEN abs(x * 10000 - trunc(x * 10000)) = 0.5 AND mod(trunc(x * 10000), 2) = 0
                                     THEN trunc(x, 4) ELSE round(x, 4) END), 0) AS mark
            FROM (SELECT attempt_id, graded_sequence, sequence, grade_state, fraction * max_mark AS x
                  FROM attempt_questions WHERE attempt_id = ANY($1)) q
            GROUP BY q.attempt_id
        )
        UPDATE quiz_attempts a
        SET state = CASE WHEN g.pending THEN 1 ELSE 2 END, mark = g.mark,
            submitted_at_utc = CASE WHEN r.by_timer AND a.deadline_utc < r.now THEN a.deadline_utc ELSE r.now END,
            submitted_by_timer = r.by_timer
        FROM r JOIN g ON g.attempt_id = r.id
        WHERE a.id = r.id AND a.person_id = r.person_id AND a.state = 0 AND g.current
        RETURNING a.id, a.person_id, a.state, a.mark, a.number, a.quiz_id, a.course_id, a.max_mark,
                  (SELECT grading_method FROM quizzes WHERE id = a.quiz_id), (SELECT pass_percent FROM quizzes WHERE id = a.quiz_id)
        """;
}
