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
/// Reads a <see cref="LearnerSnapshot"/>: which version is current, the enrolment and its progress rows, and the bell's
/// count, with one statement — shared with the reads of other requests that arrive meanwhile
/// (<see cref="LearnerSnapshotBatcher"/>). The learner pages (course, activity) need exactly this on every view. The
/// published version itself comes from <see cref="CoursePublisher"/>'s cache.
/// </summary>
public sealed class LearnerSnapshotReader(CoursePublisher publisher, LearnerSnapshotBatcher batcher)
{
    /// <summary>
    /// The snapshot rows of many (course, person) pairs ($1 courses, $2 persons): one row per progress row (or one with
    /// NULL progress columns), each ending with its pair (columns 20, 21), in no particular order; none for a course without
    /// a published version. Each join is a LATERAL subquery behind OFFSET 0, so that PostgreSQL looks each pair up by its
    /// indexes whatever number of pairs it guesses the arrays hold (a guess of many once made it scan activity_progress).
    /// </summary>
    internal static readonly string SqlForPeople = $"""
        SELECT {Columns}, u.unread, r.course_id, r.person_id
        FROM unnest($1::uuid[], $2::uuid[]) AS r(course_id, person_id)
        CROSS JOIN LATERAL (SELECT count(*)::int AS unread FROM notifications
                            WHERE person_id = r.person_id AND read_at_utc IS NULL) u
        {Joins(course: "r.course_id")}
        """;

    /// <summary>
    /// The same rows for the courses of many quiz attempts ($1 attempt ids, $2 their persons), for the quiz submits'
    /// group commit; each row ends with its attempt's id and person (columns 20, 21), in no particular order; an attempt
    /// not of the person given with it has none. No bell count (a submit shows no page).
    /// </summary>
    internal static readonly string SqlForAttempts = $"""
        SELECT {Columns}, 0 AS unread, r.id, r.person_id
        FROM unnest($1::uuid[], $2::uuid[]) AS r(id, person_id)
        JOIN LATERAL (SELECT course_id FROM quiz_attempts WHERE id = r.id AND person_id = r.person_id OFFSET 0) qa ON true
        {Joins(course: "qa.course_id")}
        """;

    // The course (published only), r.person_id's enrolment in it and its progress rows, each looked up by index.
    private static string Joins(string course) => $"""
        JOIN LATERAL (SELECT id, published_version, complete_by_utc FROM courses
                      WHERE id = {course} AND published_version > 0 OFFSET 0) c ON true
        LEFT JOIN LATERAL (SELECT *, xmin FROM enrolments WHERE course_id = {course} AND person_id = r.person_id OFFSET 0) e ON true
        LEFT JOIN LATERAL (SELECT * FROM activity_progress WHERE enrolment_id = e.id OFFSET 0) p ON true
        """;

    // Column order is what RowsBuilder expects.
    private const string Columns = """
        c.published_version, c.complete_by_utc,
               e.id, e.source, e.enrolled_by, e.enrolled_at_utc, e.completed_at_utc, e.completed_version,
               e.last_activity_id, e.last_activity_at_utc, e.xmin,
               p.activity_id, p.first_viewed_at_utc, p.last_viewed_at_utc, p.submitted_at_utc, p.grade,
               p.graded_at_utc, p.quiz_passed_at_utc, p.completed_at_utc
        """;

    /// <summary>Null when the course has no published version (or does not exist).</summary>
    public async Task<LearnerSnapshot?> ReadAsync(Guid courseId, Guid personId, CancellationToken ct)
    {
        var rows = await batcher.ReadAsync(courseId, personId, ct);
        return rows is null ? null : await SnapshotOfAsync(rows, courseId, ct);
    }

    /// <summary>What the snapshot statement read for one (course, person), before the published version is looked up.</summary>
    public sealed record Rows(int Version, DateTime? CompleteBy, int Unread, Enrolment? Enrolment, uint RowVersion);

    /// <summary>
    /// One snapshot's rows as they are read (in <see cref="Columns"/>' order, then the bell's count; more may follow): the course's and
    /// the enrolment's columns repeat on every row and are taken from the first, a progress row from each.
    /// </summary>
    internal sealed class RowsBuilder
    {
        private readonly int version, unread;
        private readonly DateTime? completeBy;
        private readonly (Guid Id, EnrolmentSource Source, Guid? By, DateTime At, DateTime? Completed, int? CompletedVersion,
            Guid? LastId, DateTime? LastAt, uint RowVersion)? enrolment;
        private readonly List<(Guid ActivityId, DateTime? FirstViewed, DateTime? LastViewed, DateTime? Submitted, decimal? Grade,
            DateTime? Graded, DateTime? QuizPassed, DateTime? Completed)> progress = [];

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
            if (enrolment is null || r.IsDBNull(11)) return;
            progress.Add((r.GetGuid(11), Nullable<DateTime>(r, 12), Nullable<DateTime>(r, 13), Nullable<DateTime>(r, 14),
                Nullable<decimal>(r, 15), Nullable<DateTime>(r, 16), Nullable<DateTime>(r, 17), Nullable<DateTime>(r, 18)));
        }

        /// <summary>
        /// Reads a result of one of the grouped statements (<see cref="SqlForPeople"/>, <see cref="SqlForAttempts"/>): its
        /// rows collected per the pair in columns 20 and 21, whatever order they come in.
        /// </summary>
        public static async Task<Dictionary<(Guid, Guid), RowsBuilder>> ReadByPairAsync(NpgsqlDataReader r, CancellationToken ct)
        {
            var rows = new Dictionary<(Guid, Guid), RowsBuilder>();
            while (await r.ReadAsync(ct))
            {
                var key = (r.GetGuid(20), r.GetGuid(21));
                if (rows.TryGetValue(key, out var b)) b.Add(r);
                else rows[key] = new RowsBuilder(r);
            }
            return rows;
        }

        /// <summary>A new enrolment object on each call (its reader may change it), as if read on its own.</summary>
        public Rows Build(Guid courseId, Guid personId) => enrolment is not { } e
            ? new Rows(version, completeBy, unread, null, 0)
            : new Rows(version, completeBy, unread, Enrolment.Restore(e.Id, courseId, personId, e.Source, e.By, e.At, e.Completed,
                e.CompletedVersion, e.LastId, e.LastAt,
                [.. progress.Select(p => ActivityProgress.Restore(e.Id, p.ActivityId, p.FirstViewed, p.LastViewed, p.Submitted, p.Grade,
                    p.Graded, p.QuizPassed, p.Completed))]), e.RowVersion);
    }

    /// <summary>The snapshot of rows read for it: the published version from the publisher's cache.</summary>
    internal async Task<LearnerSnapshot?> SnapshotOfAsync(Rows rows, Guid courseId, CancellationToken ct)
    {
        var course = await publisher.VersionAsync(courseId, rows.Version, ct);
        return course is null ? null : new LearnerSnapshot(course, rows.Enrolment, rows.RowVersion, rows.CompleteBy, rows.Unread);
    }

    private static T? Nullable<T>(NpgsqlDataReader r, int i) where T : struct => r.IsDBNull(i) ? null : r.GetFieldValue<T>(i);
}
