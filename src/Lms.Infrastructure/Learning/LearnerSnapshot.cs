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
    /// The same rows for the course of quiz attempt $1 (person $2), for the quiz submit's batch: it runs before the
    /// submit knows the course, so that a passing submit needs no read of its own. Without the bell's count (a submit
    /// shows no page).
    /// </summary>
    internal static readonly string SqlForAttempt = Select(course: "(SELECT course_id FROM quiz_attempts WHERE id = $1)", unread: "0");

    private static string Select(string course, string unread) => $"""
        SELECT c.published_version, c.complete_by_utc,
               e.id, e.source, e.enrolled_by, e.enrolled_at_utc, e.completed_at_utc, e.completed_version,
               e.last_activity_id, e.last_activity_at_utc, e.xmin,
               p.activity_id, p.first_viewed_at_utc, p.last_viewed_at_utc, p.submitted_at_utc, p.grade,
               p.graded_at_utc, p.quiz_passed_at_utc, p.completed_at_utc,
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
        var version = r.GetInt32(0);
        var completeBy = Nullable<DateTime>(r, 1);
        var unread = r.GetInt32(19);
        if (r.IsDBNull(2)) return new Rows(version, completeBy, unread, null, 0);
        // The enrolment's columns repeat on every row; take them from the first, progress from each.
        var (id, source, by, at, completed, completedVersion, lastId, lastAt) = (r.GetGuid(2),
            Enum.Parse<EnrolmentSource>(r.GetString(3)), Nullable<Guid>(r, 4), r.GetDateTime(5), Nullable<DateTime>(r, 6),
            Nullable<int>(r, 7), Nullable<Guid>(r, 8), Nullable<DateTime>(r, 9));
        var rowVersion = r.GetFieldValue<uint>(10);
        var progress = new List<ActivityProgress>();
        do
        {
            if (r.IsDBNull(11)) continue;
            progress.Add(ActivityProgress.Restore(id, r.GetGuid(11), Nullable<DateTime>(r, 12), Nullable<DateTime>(r, 13),
                Nullable<DateTime>(r, 14), Nullable<decimal>(r, 15), Nullable<DateTime>(r, 16), Nullable<DateTime>(r, 17),
                Nullable<DateTime>(r, 18)));
        } while (await r.ReadAsync(ct));
        var enrolment = Enrolment.Restore(id, courseId, personId, source, by, at, completed, completedVersion, lastId, lastAt, progress);
        return new Rows(version, completeBy, unread, enrolment, rowVersion);
    }

    /// <summary>The snapshot of rows read by <see cref="ReadRowsAsync"/>: the published version from the publisher's cache.</summary>
    internal async Task<LearnerSnapshot?> SnapshotOfAsync(Rows rows, Guid courseId, CancellationToken ct)
    {
        var course = await publisher.VersionAsync(courseId, rows.Version, ct);
        return course is null ? null : new LearnerSnapshot(course, rows.Enrolment, rows.RowVersion, rows.CompleteBy, rows.Unread);
    }

    private static T? Nullable<T>(NpgsqlDataReader r, int i) where T : struct => r.IsDBNull(i) ? null : r.GetFieldValue<T>(i);
}
