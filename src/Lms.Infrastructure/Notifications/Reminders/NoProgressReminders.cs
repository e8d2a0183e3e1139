using Lms.Domain.Courses;
using Lms.Domain.Notifications;
using Lms.Domain.Notifications.Reminders;
using Lms.Infrastructure.Courses;
using Lms.Infrastructure.Persistence;
using Microsoft.Extensions.Options;
using static Lms.Infrastructure.Notifications.Reminders.SqlRows;

namespace Lms.Infrastructure.Notifications.Reminders;

/// <summary>
/// "No progress for N days": enrolled, incomplete, active learners of published courses whose last activity (or
/// enrolment, if they never started) is at least N days old. The SQL leaves out who was reminded in this idle spell
/// within the repeat period, so a run reads only new occasions; which round is due is the pure rule's
/// (<see cref="NoProgressReminder.Round"/>).
/// <para>No index serves the idle test on purpose: <c>last_activity_at_utc</c> changes with nearly every view, and an
/// index on it would turn those cheap in-page (HOT) updates into index writes on the busiest table. One sequential
/// pass over the incomplete enrolments every 15 minutes costs far less.</para>
/// </summary>
public sealed class NoProgressReminders(LmsDbContext db, CoursePublisher publisher, ReminderDelivery delivery,
    IOptions<ReminderOptions> options) : IReminderRule
{
    private const string Learners = """
        SELECT e.id, e.person_id, e.course_id, COALESCE(e.last_activity_at_utc, e.enrolled_at_utc) AS idle_since
        FROM enrolments e
        JOIN courses c ON c.id = e.course_id
        JOIN people p ON p.id = e.person_id
        WHERE e.completed_at_utc IS NULL AND c.status = 'Published' AND p.is_active
          AND COALESCE(e.last_activity_at_utc, e.enrolled_at_utc) <= $1
          AND e.id > $2
          AND NOT EXISTS (SELECT 1 FROM sent_reminders r
                          WHERE r.kind = $3 AND r.subject_id = e.id
                            AND r.sent_at_utc >= COALESCE(e.last_activity_at_utc, e.enrolled_at_utc)
                            AND ($4 = 0 OR r.sent_at_utc > $5))
        ORDER BY e.id
        LIMIT $6
        """;

    public NotificationKind Kind => NotificationKind.NoProgress;

    public async Task<int> RunAsync(ReminderSettings settings, DateTime nowUtc, CancellationToken ct)
    {
        var rule = settings.NoProgress;
        var batchSize = options.Value.BatchSize;
        var titles = new Dictionary<Guid, PublishedCourse?>();
        var sent = 0;
        for (var after = Guid.Empty; ;)
        {
            var batch = await ReadAsync(db, Learners, r => (Enrolment: r.GetGuid(0), Person: r.GetGuid(1), Course: r.GetGuid(2),
                    IdleSince: DateTime.SpecifyKind(r.GetDateTime(3), DateTimeKind.Utc)), ct,
                P(nowUtc.AddDays(-rule.AfterDays)), P(after), P((int)Kind), P(rule.RepeatEveryDays), P(nowUtc.AddDays(-rule.RepeatEveryDays)),
                P(batchSize));
            var due = new List<(NotificationRequest, Guid)>();
            foreach (var b in batch)
            {
                if (NoProgressReminder.Round(b.IdleSince, nowUtc, rule.AfterDays, rule.RepeatEveryDays) is not { } round) continue;
                if (!titles.TryGetValue(b.Course, out var course)) titles[b.Course] = course = await publisher.CurrentAsync(b.Course, ct);
                if (course is null) continue;
                var idleDays = (int)(nowUtc - b.IdleSince).TotalDays;
                due.Add((new NotificationRequest(b.Person, Kind, NoProgressReminder.OccasionKey(b.Enrolment, b.IdleSince, round),
                    ReminderTexts.Title($"ไม่ได้เข้าเรียนมา {idleDays} วันแล้ว: {course.TitleTh}"),
                    $"คุณยังเรียนรายวิชา “{course.TitleTh}” ไม่จบ และไม่ได้เข้าเรียนตั้งแต่ {ReminderTexts.Date(b.IdleSince)} เรียนต่อจากที่ค้างไว้ได้เลย",
                    $"/Learn/Course/{b.Course}"), b.Enrolment));
            }
            sent += await delivery.SendAllAsync(due, nowUtc, ct);
            if (batch.Count < batchSize) break;
            after = batch[^1].Enrolment;
        }
        return sent;
    }
}
