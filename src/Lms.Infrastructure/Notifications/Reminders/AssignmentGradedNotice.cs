using System.Globalization;
using Lms.Domain.Enrolments;
using Lms.Domain.Notifications;
using Lms.Infrastructure.Courses;
using Lms.Infrastructure.Events;
using Lms.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Lms.Infrastructure.Notifications.Reminders;

/// <summary>
/// Tells the teacher that a trainer graded their assignment: the score and the trainer's comment, linking to the
/// activity. It hangs on the outbox rather than following the save in the page: the event is committed with the grade,
/// so neither a crash after the commit nor a failing notifier can lose it (the dispatcher retries). Each grading is
/// one occasion (the submission and the moment it was graded), so a regrade after a reopen is told again and a
/// retried dispatch is not. Administrators can switch it off (<see cref="Domain.Notifications.Reminders.ReminderSettings.AssignmentGraded"/>).
/// </summary>
public sealed class AssignmentGradedNotice(INotifier notifier, ReminderSettingsStore settings, CoursePublisher publisher, LmsDbContext db)
    : IDomainEventHandler<AssignmentGraded>
{
    private const int FeedbackShown = 1500;

    public async Task HandleAsync(AssignmentGraded graded, CancellationToken ct)
    {
        if (!(await settings.CurrentAsync(ct)).AssignmentGraded) return;
        var submission = await db.AssignmentSubmissions.AsNoTracking()
            .Where(s => s.EnrolmentId == graded.EnrolmentId && s.ActivityId == graded.ActivityId)
            .Select(s => new { s.Id, s.Feedback }).FirstOrDefaultAsync(ct);
        if (submission is null) return;
        var course = await publisher.CurrentAsync(graded.CourseId, ct);
        var activity = course?.Find(graded.ActivityId)?.Title ?? "งานที่มอบหมาย";
        if (activity.Length > 150) activity = activity[..150] + "…";
        var body = string.Create(CultureInfo.InvariantCulture, $"คะแนน {graded.Grade:0.##} / {graded.MaxScore:0.##}");
        if (!string.IsNullOrWhiteSpace(submission.Feedback))
            body += "\nความเห็นของวิทยากร: " + (submission.Feedback.Length > FeedbackShown ? submission.Feedback[..FeedbackShown] + "…" : submission.Feedback);
        await notifier.NotifyAsync(new NotificationRequest(graded.PersonId, NotificationKind.AssignmentGraded,
            string.Create(CultureInfo.InvariantCulture, $"submission:{submission.Id}:graded:{graded.OccurredAtUtc.Ticks}"),
            $"งาน \"{activity}\" ได้รับการตรวจแล้ว", body, $"/Learn/Activity/{graded.CourseId}/{graded.ActivityId}"), ct);
    }
}
