using Lms.Domain.Courses;
using Lms.Domain.Enrolments;
using Lms.Infrastructure.Courses;
using Lms.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Lms.Infrastructure.Learning;

/// <summary>
/// A learner's course as they see it now: the current published version, their enrolment with all its
/// progress (null when not enrolled) and the enrolment's row version, for a change to be saved against;
/// and the course's completion deadline, a live setting of the course rather than of the published version.
/// </summary>
/// <para><see cref="UnreadNotifications"/> rides along for the layout's bell, so the learner pages need no query of their own for it.</para>
public sealed record LearnerSnapshot(PublishedCourse Course, Enrolment? Enrolment, uint EnrolmentVersion, DateTime? CompleteByUtc = null,
    int UnreadNotifications = 0);

/// <summary>
/// Reads a <see cref="LearnerSnapshot"/> with one statement: which version is current, the enrolment and its
/// progress rows. The learner pages (course, activity) need exactly this on every view; EF would take two
/// queries and its query pipeline for it, which was most of the pages' database time. The published
/// version itself comes from <see cref="CoursePublisher"/>'s cache. Uses the request's pooled connection.
/// </summary>
public sealed class LearnerSnapshotReader(LmsDbContext db, CoursePublisher publisher)
{
    // One row per progress row (or one row with NULL progress columns); no rows when the course has no
    // published version. Column order is what Read below expects.
    internal static readonly string Sql = Select(course: "$1",
        unread: "(SELECT count(*)::int FROM notifications n WHERE n.person_id = $2 AND n.read_at_utc IS NULL)");

    /// <summary>
    /// The same rows for the courses of many quiz attempts ($1 attempt ids, $2 their persons), for the quiz submits'
    /// group commit; each row ends with its attempt's id and person (columns 20, 21). Rows come in no particular order; an
    /// attempt not of the person given with it has none.
    /// </summary>
    internal const string SqlForAttempts = $"""
        SELECT {Columns}, 0 AS unread, r.id, r.person_id
        FROM unnest($1::uuid[], $2::uuid[]) AS r(id, person_id)
        JOIN quiz_attempts qa ON qa.id = r.id AND qa.person_id = r.person_id
        JOIN courses c ON c.id = qa.course_id AND c.published_version > 0
        LEFT JOIN enrolments e ON e.course_id = c.id AND e.person_id = r.person_id
        LEFT JOIN activity_progress p ON p.enrolment_id = e.id
        """;

    private const string Columns = """
        c.published_version, c.complete_by_utc,
               e.id, e.source, e.enrolled_by, e.enrolled_at_utc, e.completed_at_utc, e.completed_version,
               e.last_activity_id, e.last_activity_at_utc, e.xmin,
               p.activity_id, p.first_viewed_at_utc, p.last_viewed_at_utc, p.submitted_at_utc, p.grade,
               p.graded_at_utc, p.quiz_passed_at_utc, p.completed_at_utc
        """;

    private static string Select(string course, string unread) => $"""
        SELECT {Columns},
               {unread} AS unread
        FROM courses c
        LEFT JOIN enrolments e ON e.course_id = c.id AND e.person_id = $2
        LEFT JOIN activity_progress p ON p.enrolment_id = e.id
        WHERE c.id = {course} AND c.published_version > 0
        """;

    /// <summary>Null when the course has no published version (or does not exist).</summary>
    public async Task<LearnerSnapshot?> ReadAsync(Guid courseId, Guid personId, CancellationToken ct)
    {
        Rows? rows;
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var cmd = new NpgsqlCommand(Sql, (NpgsqlConnection)db.Database.GetDbConnection());
            AddParameters(cmd.Parameters, courseId, personId);
            await using var r = await cmd.ExecuteReaderAsync(ct);
            rows = await ReadRowsAsync(r, courseId, personId, ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
        return rows is null ? null : await SnapshotOfAsync(rows, courseId, ct);
    }

    /// <summary>The parameters of <see cref="Sql"/>, for code that runs it in a batch of its own statements.</summary>
    internal static void AddParameters(NpgsqlParameterCollection p, Guid courseId, Guid personId)
    {
        p.Add(new NpgsqlParameter<Guid> { TypedValue = courseId });
        p.Add(new NpgsqlParameter<Guid> { TypedValue = personId });
    }

    internal sealed record Rows(int Version, DateTime? CompleteBy, int Unread, Enrolment? Enrolment, uint RowVersion);

    /// <summary>Reads <see cref="Sql"/>'s result set (the reader is at its start); null when it has no rows.</summary>
    internal static async Task<Rows?> ReadRowsAsync(NpgsqlDataReader r, Guid courseId, Guid personId, CancellationToken ct)
    {
        if (!await r.ReadAsync(ct)) return null;
        var rows = new RowsBuilder(r);
        while (await r.ReadAsync(ct)) rows.Add(r);
        return rows.Build(courseId, personId);
    }

    /// <summary>
    /// One snapshot's rows as they are read (in <see cref="Sql"/>'s column order; more columns may follow): the course's and
    /// the enrolment's columns repeat on every row and are taken from the first, a progress row from each.
    /// </summary>
    internal sealed class RowsBuilder
    {
        private readonly int version, unread;
        private readonly DateTime? completeBy;
        private readonly (Guid Id, EnrolmentSource Source, Guid? By, DateTime At, DateTime? Completed, int? CompletedVersion,
            Guid? LastId, DateTime? LastAt, uint RowVersion)? enrolment;
        private readonly List<ActivityProgress> progress = [];

        public RowsBuilder(NpgsqlDataReader r)
        {
            version = r.GetInt32(0);
            completeBy = Nullable<DateTime>(r, 1);
            unread = r.GetInt32(19);
            if (!r.IsDBNull(2))
                enrolment = (r.GetGuid(2), Enum.Parse<EnrolmentSource>(r.GetString(3)), Nullable<Guid>(r, 4), r.GetDateTime(5),
                    Nullable<DateTime>(r, 6), Nullable<int>(r, 7), Nullable<Guid>(r, 8), Nullable<DateTime>(r, 9), r.GetFieldValue<uint>(10));
            Add(r);
        }

        public void Add(NpgsqlDataReader r)
        {
            if (enrolment is not { } e || r.IsDBNull(11)) return;
            progress.Add(ActivityProgress.Restore(e.Id, r.GetGuid(11), Nullable<DateTime>(r, 12), Nullable<DateTime>(r, 13),
                Nullable<DateTime>(r, 14), Nullable<decimal>(r, 15), Nullable<DateTime>(r, 16), Nullable<DateTime>(r, 17),
                Nullable<DateTime>(r, 18)));
        }

        public Rows Build(Guid courseId, Guid personId) => enrolment is not { } e
            ? new Rows(version, completeBy, unread, null, 0)
            : new Rows(version, completeBy, unread, Enrolment.Restore(e.Id, courseId, personId, e.Source, e.By, e.At, e.Completed,
                e.CompletedVersion, e.LastId, e.LastAt, progress), e.RowVersion);
    }

    /// <summary>The snapshot of rows read by <see cref="ReadRowsAsync"/>: the published version from the publisher's cache.</summary>
    internal async Task<LearnerSnapshot?> SnapshotOfAsync(Rows rows, Guid courseId, CancellationToken ct)
    {
        var course = await publisher.VersionAsync(courseId, rows.Version, ct);
        return course is null ? null : new LearnerSnapshot(course, rows.Enrolment, rows.RowVersion, rows.CompleteBy, rows.Unread);
    }

    private static T? Nullable<T>(NpgsqlDataReader r, int i) where T : struct => r.IsDBNull(i) ? null : r.GetFieldValue<T>(i);
}
