using Npgsql;
using NpgsqlTypes;

namespace Lms.Infrastructure.Learning;

/// <summary>
/// The statement <see cref="ProgressWriter"/> runs for a batch. The changes travel as parallel arrays (one
/// element per change; the events as arrays of their own), so the text never varies and PostgreSQL
/// prepares it once per connection. A single statement is a single transaction: every part of every
/// saved change commits together, and the enrolments whose row version no longer matched write nothing.
/// </summary>
internal static class ProgressWriterSql
{
    public const string Statement = """
        WITH m AS (
            SELECT * FROM unnest($1::uuid[], $2::xid[], $3::uuid[], $4::timestamptz[], $5::timestamptz[], $6::integer[],
                                 $7::uuid[], $8::boolean[], $9::timestamptz[], $10::boolean[], $11::timestamptz[],
                                 $12::boolean[], $13::timestamptz[], $14::boolean[], $19::timestamptz[], $20::boolean[])
                AS m(enrolment_id, version, last_activity_id, last_activity_at, completed_at, completed_version,
                     activity_id, progress_is_new, first_viewed, first_viewed_changed, last_viewed, last_viewed_changed,
                     activity_completed, activity_completed_changed, quiz_passed, quiz_passed_changed)
        ),
        -- The row version check EF makes (xmin): an enrolment changed since it was read is left alone.
        saved AS (
            UPDATE enrolments e
            SET last_activity_id = m.last_activity_id, last_activity_at_utc = m.last_activity_at,
                completed_at_utc = m.completed_at, completed_version = m.completed_version
            FROM m
            WHERE e.id = m.enrolment_id AND e.xmin = m.version
            RETURNING e.id
        ),
        new_progress AS (
            INSERT INTO activity_progress (enrolment_id, activity_id, first_viewed_at_utc, last_viewed_at_utc, completed_at_utc,
                                           quiz_passed_at_utc)
            SELECT m.enrolment_id, m.activity_id, m.first_viewed, m.last_viewed, m.activity_completed, m.quiz_passed
            FROM m JOIN saved ON saved.id = m.enrolment_id
            WHERE m.progress_is_new
        ),
        -- Only the columns the change changed, as EF's UPDATE would: a grade saved meanwhile is kept.
        changed_progress AS (
            UPDATE activity_progress p
            SET first_viewed_at_utc = CASE WHEN m.first_viewed_changed THEN m.first_viewed ELSE p.first_viewed_at_utc END,
                last_viewed_at_utc = CASE WHEN m.last_viewed_changed THEN m.last_viewed ELSE p.last_viewed_at_utc END,
                completed_at_utc = CASE WHEN m.activity_completed_changed THEN m.activity_completed ELSE p.completed_at_utc END,
                quiz_passed_at_utc = CASE WHEN m.quiz_passed_changed THEN m.quiz_passed ELSE p.quiz_passed_at_utc END
            FROM m JOIN saved ON saved.id = m.enrolment_id
            WHERE NOT m.progress_is_new AND p.enrolment_id = m.enrolment_id AND p.activity_id = m.activity_id
        ),
        events AS (
            INSERT INTO outbox_messages (type, payload, occurred_at_utc, attempts)
            SELECT ev.type, ev.payload::jsonb, ev.occurred_at, 0
            FROM unnest($15::uuid[], $16::text[], $17::text[], $18::timestamptz[]) WITH ORDINALITY
                AS ev(enrolment_id, type, payload, occurred_at, n)
            JOIN saved ON saved.id = ev.enrolment_id
            ORDER BY ev.n
        )
        SELECT id FROM saved
        """;

    /// <summary>
    /// The same for one change with scalar parameters, for a change saved inside another transaction (a passing quiz
    /// submit): with arrays PostgreSQL plans the joins for a batch of unknown size, and for one change that meant scanning
    /// activity_progress (bench: ~320 µs of PostgreSQL per submit, against ~40 µs with the primary keys used directly).
    /// The text has either the insert or the update of the progress row, not both: PostgreSQL opens the table and every
    /// index a modifying CTE names even when it writes nothing (executor start-up was a tenth of its time in the submit
    /// burst). Two texts, each prepared once per connection.
    /// </summary>
    public static string SingleFor(ViewChange c) => c.ProgressIsNew ? SingleInsert : SingleUpdate;

    private static readonly string SingleInsert = Single(progressIsNew: true), SingleUpdate = Single(progressIsNew: false);

    private static string Single(bool progressIsNew) => $"""
        WITH saved AS (
            UPDATE enrolments e
            SET last_activity_id = $3, last_activity_at_utc = $4, completed_at_utc = $5, completed_version = $6
            WHERE e.id = $1 AND e.xmin = $2
            RETURNING e.id
        ),
        {(progressIsNew ? NewProgress : ChangedProgress)},
        {Events}
        SELECT id FROM saved
        """;

    private const string NewProgress = """
        new_progress AS (
            INSERT INTO activity_progress (enrolment_id, activity_id, first_viewed_at_utc, last_viewed_at_utc, completed_at_utc,
                                           quiz_passed_at_utc)
            SELECT $1, $7, $9, $11, $13, $15 FROM saved
        )
        """;

    private const string ChangedProgress = """
        changed_progress AS (
            UPDATE activity_progress p
            SET first_viewed_at_utc = CASE WHEN $10 THEN $9 ELSE p.first_viewed_at_utc END,
                last_viewed_at_utc = CASE WHEN $12 THEN $11 ELSE p.last_viewed_at_utc END,
                completed_at_utc = CASE WHEN $14 THEN $13 ELSE p.completed_at_utc END,
                quiz_passed_at_utc = CASE WHEN $16 THEN $15 ELSE p.quiz_passed_at_utc END
            WHERE p.enrolment_id = $1 AND p.activity_id = $7 AND EXISTS (SELECT 1 FROM saved)
        )
        """;

    private const string Events = """
        events AS (
            INSERT INTO outbox_messages (type, payload, occurred_at_utc, attempts)
            SELECT ev.type, ev.payload::jsonb, ev.occurred_at, 0
            FROM unnest($17::text[], $18::text[], $19::timestamptz[]) WITH ORDINALITY AS ev(type, payload, occurred_at, n)
            WHERE EXISTS (SELECT 1 FROM saved)
            ORDER BY ev.n
        )
        """;

    public static void AddSingleParameters(NpgsqlCommand cmd, ViewChange c)
    {
        var p = cmd.Parameters;
        p.Add(new NpgsqlParameter<Guid> { TypedValue = c.EnrolmentId });
        p.Add(new NpgsqlParameter<uint> { TypedValue = c.ExpectedVersion, NpgsqlDbType = NpgsqlDbType.Xid });
        p.Add(new NpgsqlParameter { Value = (object?)c.LastActivityId ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Uuid });
        p.Add(Time(c.LastActivityAtUtc));
        p.Add(Time(c.CompletedAtUtc));
        p.Add(new NpgsqlParameter { Value = (object?)c.CompletedVersion ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Integer });
        p.Add(new NpgsqlParameter<Guid> { TypedValue = c.ActivityId });
        p.Add(new NpgsqlParameter<bool> { TypedValue = c.ProgressIsNew });
        p.Add(Time(c.FirstViewedAtUtc));
        p.Add(new NpgsqlParameter<bool> { TypedValue = c.FirstViewedChanged });
        p.Add(Time(c.LastViewedAtUtc));
        p.Add(new NpgsqlParameter<bool> { TypedValue = c.LastViewedChanged });
        p.Add(Time(c.ActivityCompletedAtUtc));
        p.Add(new NpgsqlParameter<bool> { TypedValue = c.ActivityCompletedChanged });
        p.Add(Time(c.QuizPassedAtUtc));
        p.Add(new NpgsqlParameter<bool> { TypedValue = c.QuizPassedChanged });
        p.Add(new NpgsqlParameter<string[]> { TypedValue = c.Events.Select(e => e.Type).ToArray() });
        p.Add(new NpgsqlParameter<string[]> { TypedValue = c.Events.Select(e => e.Payload).ToArray() });
        p.Add(new NpgsqlParameter<DateTime[]> { TypedValue = c.Events.Select(e => e.OccurredAtUtc).ToArray() });

        static NpgsqlParameter Time(DateTime? t) => new() { Value = (object?)t ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.TimestampTz };
    }

    public static void AddParameters(NpgsqlCommand cmd, IReadOnlyList<ViewChange> changes)
    {
        T[] Each<T>(Func<ViewChange, T> f) => changes.Select(f).ToArray();
        var p = cmd.Parameters;
        p.Add(new NpgsqlParameter<Guid[]> { TypedValue = Each(c => c.EnrolmentId) });
        p.Add(new NpgsqlParameter<uint[]> { TypedValue = Each(c => c.ExpectedVersion), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Xid });
        p.Add(new NpgsqlParameter<Guid?[]> { TypedValue = Each(c => c.LastActivityId) });
        p.Add(new NpgsqlParameter<DateTime?[]> { TypedValue = Each(c => c.LastActivityAtUtc) });
        p.Add(new NpgsqlParameter<DateTime?[]> { TypedValue = Each(c => c.CompletedAtUtc) });
        p.Add(new NpgsqlParameter<int?[]> { TypedValue = Each(c => c.CompletedVersion) });
        p.Add(new NpgsqlParameter<Guid[]> { TypedValue = Each(c => c.ActivityId) });
        p.Add(new NpgsqlParameter<bool[]> { TypedValue = Each(c => c.ProgressIsNew) });
        p.Add(new NpgsqlParameter<DateTime?[]> { TypedValue = Each(c => c.FirstViewedAtUtc) });
        p.Add(new NpgsqlParameter<bool[]> { TypedValue = Each(c => c.FirstViewedChanged) });
        p.Add(new NpgsqlParameter<DateTime?[]> { TypedValue = Each(c => c.LastViewedAtUtc) });
        p.Add(new NpgsqlParameter<bool[]> { TypedValue = Each(c => c.LastViewedChanged) });
        p.Add(new NpgsqlParameter<DateTime?[]> { TypedValue = Each(c => c.ActivityCompletedAtUtc) });
        p.Add(new NpgsqlParameter<bool[]> { TypedValue = Each(c => c.ActivityCompletedChanged) });
        var events = changes.SelectMany(c => c.Events.Select(e => (c.EnrolmentId, e))).ToList();
        p.Add(new NpgsqlParameter<Guid[]> { TypedValue = events.Select(x => x.EnrolmentId).ToArray() });
        p.Add(new NpgsqlParameter<string[]> { TypedValue = events.Select(x => x.e.Type).ToArray() });
        p.Add(new NpgsqlParameter<string[]> { TypedValue = events.Select(x => x.e.Payload).ToArray() });
        p.Add(new NpgsqlParameter<DateTime[]> { TypedValue = events.Select(x => x.e.OccurredAtUtc).ToArray() });
        p.Add(new NpgsqlParameter<DateTime?[]> { TypedValue = Each(c => c.QuizPassedAtUtc) });
        p.Add(new NpgsqlParameter<bool[]> { TypedValue = Each(c => c.QuizPassedChanged) });
    }
}
