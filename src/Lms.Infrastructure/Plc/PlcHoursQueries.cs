using Lms.Domain.Calendar;
using Lms.Domain.Organisation;
using Lms.Domain.Plc;
using Lms.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using static Lms.Infrastructure.Notifications.Reminders.SqlRows;

namespace Lms.Infrastructure.Plc;

/// <summary>One person's PLC hours in a fiscal year, as the hours report lists them.</summary>
public sealed record PlcPersonHours(Guid PersonId, string Name, Position Position, Guid SchoolId, string SchoolCode, string School,
    decimal ApprovedHours, decimal PendingHours, int ApprovedMeetings);

/// <summary>
/// PLC hours, added up by PostgreSQL. Each attendee of a meeting earns its duration (rounded to hundredths of an hour per
/// meeting, as <see cref="PlcMeeting.Hours"/>) in the fiscal year of its start; approved meetings count, submitted ones
/// show as waiting. A person's meetings are found through the GIN index on <c>attendee_ids</c> (<c>@&gt;</c>, <c>&amp;&amp;</c>).
/// </summary>
public sealed class PlcHoursQueries(LmsDbContext db)
{
    private const string Hours = "round(m.duration_minutes::numeric / 60, 2)";

    private static readonly string PersonSql = $"""
        SELECT coalesce((SELECT s.yearly_target_hours FROM plc_settings s WHERE s.id = 1), $4),
               coalesce(sum({Hours}) FILTER (WHERE m.status = {(int)PlcMeetingStatus.Approved}), 0),
               coalesce(sum({Hours}) FILTER (WHERE m.status = {(int)PlcMeetingStatus.Submitted}), 0)
        FROM plc_meetings m
        WHERE m.attendee_ids @> ARRAY[$1]::uuid[] AND m.starts_at_utc >= $2 AND m.starts_at_utc < $3
        """;

    // Positions are stored by name. Teachers and assistant teachers are listed with 0 hours too (the report is also who has not started); anyone else
    // of a school appears once they attended a meeting.
    private static readonly string ReportSql = $"""
        WITH h AS (
            SELECT a.person_id,
                   sum({Hours}) FILTER (WHERE m.status = {(int)PlcMeetingStatus.Approved}) AS approved,
                   sum({Hours}) FILTER (WHERE m.status = {(int)PlcMeetingStatus.Submitted}) AS pending,
                   count(*) FILTER (WHERE m.status = {(int)PlcMeetingStatus.Approved}) AS meetings
            FROM plc_meetings m CROSS JOIN LATERAL unnest(m.attendee_ids) AS a(person_id)
            WHERE m.status IN ({(int)PlcMeetingStatus.Submitted}, {(int)PlcMeetingStatus.Approved})
              AND m.starts_at_utc >= $2 AND m.starts_at_utc < $3
              AND ($1::uuid IS NULL OR m.attendee_ids && ARRAY(SELECT x.id FROM people x WHERE x.school_id = $1))
            GROUP BY a.person_id)
        SELECT p.id, p.title || p.first_name || ' ' || p.last_name, p.position, s.id, s.code, s.name_th,
               coalesce(h.approved, 0), coalesce(h.pending, 0), coalesce(h.meetings, 0)::int
        FROM people p
        JOIN schools s ON s.id = p.school_id
        LEFT JOIN h ON h.person_id = p.id
        WHERE ($1::uuid IS NULL OR p.school_id = $1) AND p.is_active
          AND (p.position IN ('{nameof(Position.AssistantTeacher)}', '{nameof(Position.Teacher)}') OR h.person_id IS NOT NULL)
        ORDER BY s.code, p.first_name, p.last_name, p.id
        """;

    /// <summary>The person's approved and waiting hours in the year against the office's target.</summary>
    public async Task<PlcHoursProgress> OfPersonAsync(Guid personId, FiscalYear year, CancellationToken ct)
    {
        var rows = await ReadAsync(db, PersonSql, r => new PlcHoursProgress(r.GetDecimal(1), r.GetDecimal(2), r.GetDecimal(0)), ct,
            P(personId), P(year.StartUtc), P(year.EndUtcExclusive), P(PlcSettings.Default.YearlyTargetHours));
        return rows[0];
    }

    /// <summary>Per person of one school (or of every school when <paramref name="schoolId"/> is null), by school code and name.</summary>
    public Task<List<PlcPersonHours>> ReportAsync(Guid? schoolId, FiscalYear year, CancellationToken ct) =>
        ReadAsync(db, ReportSql, r => new PlcPersonHours(r.GetGuid(0), r.GetString(1), Enum.Parse<Position>(r.GetString(2)), r.GetGuid(3),
                r.GetString(4), r.GetString(5), r.GetDecimal(6), r.GetDecimal(7), r.GetInt32(8)), ct,
            new Npgsql.NpgsqlParameter<Guid?> { TypedValue = schoolId, NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Uuid },
            P(year.StartUtc), P(year.EndUtcExclusive));

    /// <summary>The meetings the person attended (any status), through the GIN index; compose filters on the result.</summary>
    public IQueryable<PlcMeeting> Attended(Guid personId) =>
        // xmin is a system column: "*" leaves it out, and the entity maps it as its row version.
        db.PlcMeetings.FromSqlInterpolated($"SELECT m.*, m.xmin FROM plc_meetings m WHERE m.attendee_ids @> ARRAY[{personId}]::uuid[]").AsNoTracking();
}
