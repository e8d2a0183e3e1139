using Lms.Domain.Courses;
using Lms.Domain.Notifications;
using Lms.Domain.Notifications.Reminders;
using Lms.Infrastructure.Courses;
using Lms.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using static Lms.Infrastructure.Notifications.Reminders.SqlRows;

namespace Lms.Infrastructure.Notifications.Reminders;

/// <summary>
/// "Complete by" reminders: for each published course whose deadline is near, the one due occasion
/// (<see cref="DeadlineReminder.Due"/>) goes to its enrolled, incomplete, active learners who were enrolled by that
/// occasion's day and have not had it — read a batch at a time.
/// </summary>
public sealed class DeadlineReminders(LmsDbContext db, CoursePublisher publisher, ReminderDelivery delivery,
    IOptions<ReminderOptions> options) : IReminderRule
{
    private const string Learners = """
        SELECT e.id, e.person_id
        FROM enrolments e JOIN people p ON p.id = e.person_id
        WHERE e.course_id = $1 AND e.completed_at_utc IS NULL AND e.enrolled_at_utc < $2 AND p.is_active AND e.id > $3
          AND NOT EXISTS (SELECT 1 FROM sent_reminders r
                          WHERE r.person_id = e.person_id AND r.kind = $4 AND r.occasion_key = $5)
        ORDER BY e.id
        LIMIT $6
        """;

    public NotificationKind Kind => NotificationKind.EnrolmentDeadline;

    public async Task<int> RunAsync(ReminderSettings settings, DateTime nowUtc, CancellationToken ct)
    {
        var days = settings.Deadline.DaysBefore;
        if (days.Count == 0) return 0;
        // A day's margin either side of the local-day arithmetic; the pure rule decides exactly.
        var horizon = nowUtc.AddDays(days.Max() + 2);
        var courses = await db.Courses.AsNoTracking()
            .Where(c => c.Status == CourseStatus.Published && c.CompleteByUtc > nowUtc && c.CompleteByUtc <= horizon)
            .Select(c => new { c.Id, CompleteBy = c.CompleteByUtc!.Value })
            .ToListAsync(ct);
        var sent = 0;
        foreach (var course in courses)
        {
            if (DeadlineReminder.Due(course.CompleteBy, nowUtc, days) is not { } due) continue;
            if (await publisher.CurrentAsync(course.Id, ct) is not { } published) continue;
            var key = due.OccasionKey(course.Id);
            var (title, body) = Text(published.TitleTh, course.CompleteBy, due.DaysLeft);
            var link = $"/Learn/Course/{course.Id}";
            var batchSize = options.Value.BatchSize;
            for (var after = Guid.Empty; ;)
            {
                var batch = await ReadAsync(db, Learners, r => (Enrolment: r.GetGuid(0), Person: r.GetGuid(1)), ct,
                    P(course.Id), P(due.EnrolledBeforeUtc), P(after), P((int)Kind), P(key), P(batchSize));
                sent += await delivery.SendAllAsync(
                    batch.Select(b => (new NotificationRequest(b.Person, Kind, key, title, body, link), b.Enrolment)), nowUtc, ct);
                if (batch.Count < batchSize) break;
                after = batch[^1].Enrolment;
            }
        }
        return sent;
    }

    private static (string Title, string Body) Text(string course, DateTime completeByUtc, int daysLeft)
    {
        var lastDay = ReminderTexts.Date(completeByUtc.AddTicks(-1));
        return daysLeft == 0
            ? (ReminderTexts.Title($"วันนี้เป็นวันสุดท้าย: {course}"), $"วันนี้ ({lastDay}) เป็นวันสุดท้ายที่ต้องเรียนรายวิชา “{course}” ให้จบ")
            : (ReminderTexts.Title($"ใกล้ถึงกำหนดเรียนจบ: {course}"), $"ต้องเรียนรายวิชา “{course}” ให้จบภายใน {lastDay} (อีก {daysLeft} วัน)");
    }
}
