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
/// "The quiz closes soon": for each quiz of a published course (in its current version) that closes within the
/// window, its course's enrolled, incomplete, active learners who have no submitted attempt.
/// </summary>
public sealed class QuizClosingReminders(LmsDbContext db, CoursePublisher publisher, ReminderDelivery delivery,
    IOptions<ReminderOptions> options) : IReminderRule
{
    private const string Learners = """
        SELECT e.id, e.person_id
        FROM enrolments e JOIN people p ON p.id = e.person_id
        WHERE e.course_id = $1 AND e.completed_at_utc IS NULL AND p.is_active AND e.id > $2
          AND NOT EXISTS (SELECT 1 FROM quiz_attempts a WHERE a.quiz_id = $3 AND a.person_id = e.person_id AND a.state <> 0)
          AND NOT EXISTS (SELECT 1 FROM sent_reminders r
                          WHERE r.person_id = e.person_id AND r.kind = $4 AND r.occasion_key = $5)
        ORDER BY e.id
        LIMIT $6
        """;

    public NotificationKind Kind => NotificationKind.QuizClosing;

    public async Task<int> RunAsync(ReminderSettings settings, DateTime nowUtc, CancellationToken ct)
    {
        var hours = settings.QuizClosing.HoursBefore;
        var until = nowUtc.AddHours(hours);
        var quizzes = await db.Quizzes.AsNoTracking()
            .Where(q => q.ClosesAtUtc > nowUtc && q.ClosesAtUtc <= until)
            .Join(db.Courses.Where(c => c.Status == CourseStatus.Published), q => q.CourseId, c => c.Id,
                (q, c) => new { q.Id, q.CourseId, ClosesAt = q.ClosesAtUtc!.Value })
            .ToListAsync(ct);
        var sent = 0;
        foreach (var quiz in quizzes)
        {
            if (!QuizClosingReminder.IsDue(quiz.ClosesAt, nowUtc, hours)) continue;
            // Only a quiz learners can see: one in the version they are shown, not one still in the draft.
            var course = await publisher.CurrentAsync(quiz.CourseId, ct);
            var activity = course?.Activities.FirstOrDefault(a => a.Quiz == quiz.Id);
            if (course is null || activity is null) continue;
            var key = QuizClosingReminder.OccasionKey(quiz.Id, quiz.ClosesAt);
            var title = ReminderTexts.Title($"แบบทดสอบใกล้ปิด: {activity.Title}");
            var body = $"แบบทดสอบ “{activity.Title}” ในรายวิชา “{course.TitleTh}” จะปิด {ReminderTexts.DateAndTime(quiz.ClosesAt)} และคุณยังไม่ได้ทำให้เสร็จ";
            var link = $"/Learn/Activity/{course.Id}/{activity.Id}";
            var batchSize = options.Value.BatchSize;
            for (var after = Guid.Empty; ;)
            {
                var batch = await ReadAsync(db, Learners, r => (Enrolment: r.GetGuid(0), Person: r.GetGuid(1)), ct,
                    P(quiz.CourseId), P(after), P(quiz.Id), P((int)Kind), P(key), P(batchSize));
                // The quiz is the subject: it is what a learner's reminder is about.
                sent += await delivery.SendAllAsync(batch.Select(b => (new NotificationRequest(b.Person, Kind, key, title, body, link), quiz.Id)),
                    nowUtc, ct);
                if (batch.Count < batchSize) break;
                after = batch[^1].Enrolment;
            }
        }
        return sent;
    }
}
