using Lms.Domain.Enrolments;
using Lms.Domain.Notifications;
using Lms.Infrastructure.Courses;
using Lms.Infrastructure.Events;

namespace Lms.Infrastructure.Notifications.Reminders;

/// <summary>
/// Tells the teacher that a trainer graded their assignment. It hangs on the outbox: the event is saved in the grade's
/// own transaction, so neither a crash nor a failing notifier can lose it (the dispatcher retries), and each grading
/// is one occasion (a regrade after a reopen is another).
/// </summary>
public sealed class AssignmentGradedNotice(INotifier notifier, ReminderSettingsStore settings, CoursePublisher publisher)
    : IDomainEventHandler<AssignmentGraded>
{
    public async Task HandleAsync(AssignmentGraded graded, CancellationToken ct)
    {
        if (!(await settings.CurrentAsync(ct)).AssignmentGraded) return;
        var course = await publisher.CurrentAsync(graded.CourseId, ct);
        var activity = course?.Find(graded.ActivityId)?.Title ?? "งานที่มอบหมาย";
        var key = FormattableString.Invariant($"activity:{graded.ActivityId}:graded:{graded.OccurredAtUtc:yyyyMMddTHHmmss}");
        await notifier.NotifyAsync(new NotificationRequest(graded.PersonId, NotificationKind.AssignmentGraded, key,
            ReminderTexts.Title($"ตรวจงานแล้ว: {activity}"),
            $"วิทยากรตรวจงาน “{activity}” ในรายวิชา “{course?.TitleTh}” แล้ว ได้ {ReminderTexts.Number(graded.Grade)} จาก {ReminderTexts.Number(graded.MaxScore)} คะแนน",
            $"/Learn/Activity/{graded.CourseId}/{graded.ActivityId}"), ct);
    }
}
