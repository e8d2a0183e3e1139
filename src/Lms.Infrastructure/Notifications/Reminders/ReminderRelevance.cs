using System.Globalization;
using Lms.Domain.Notifications;
using Lms.Domain.Quizzes;
using Lms.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Lms.Infrastructure.Notifications.Reminders;

/// <summary>
/// "Never after the thing is done", asked again when a delayed e-mail is about to leave: a deadline or no-progress
/// reminder only while the enrolment is incomplete (and the deadline not passed, or the learner still idle since that
/// spell began); a quiz reminder only while the quiz is open and the learner has not submitted an attempt.
/// Other kinds, and keys it cannot read, stay relevant.
/// </summary>
public sealed class ReminderRelevance(LmsDbContext db, TimeProvider clock) : INotificationRelevance
{
    public async Task<bool> IsStillRelevantAsync(Guid personId, NotificationKind kind, string occasionKey, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var parts = occasionKey.Split(':');
        switch (kind)
        {
            case NotificationKind.EnrolmentDeadline when parts is ["course", var c, ..] && Guid.TryParse(c, out var courseId):
                return await IncompleteAsync(personId, courseId, ct)
                       && await db.Courses.AnyAsync(x => x.Id == courseId && x.CompleteByUtc > now, ct);

            case NotificationKind.NoProgress when parts is ["enrolment", var e, "idle", var since, _] && Guid.TryParse(e, out var enrolmentId)
                && DateTime.TryParseExact(since, "yyyyMMddTHHmmss", CultureInfo.InvariantCulture,
                    DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var idleSince):
                var enrolment = await db.Enrolments.AsNoTracking().Where(x => x.Id == enrolmentId && x.PersonId == personId)
                    .Select(x => new { x.CompletedAtUtc, Last = x.LastActivityAtUtc ?? x.EnrolledAtUtc }).FirstOrDefaultAsync(ct);
                // The key keeps whole seconds; anything later than that second is progress.
                return enrolment is { CompletedAtUtc: null } && enrolment.Last < idleSince.AddSeconds(1);

            case NotificationKind.QuizClosing when parts is ["quiz", var q, ..] && Guid.TryParse(q, out var quizId):
                var quiz = await db.Quizzes.AsNoTracking().Where(x => x.Id == quizId)
                    .Select(x => new { x.CourseId, x.ClosesAtUtc }).FirstOrDefaultAsync(ct);
                if (quiz is null || quiz.ClosesAtUtc <= now) return false;
                var submitted = await db.QuizAttempts.AnyAsync(
                    a => a.QuizId == quizId && a.PersonId == personId && a.State != AttemptState.InProgress, ct);
                return !submitted && await IncompleteAsync(personId, quiz.CourseId, ct);

            default:
                return true;
        }
    }

    private Task<bool> IncompleteAsync(Guid personId, Guid courseId, CancellationToken ct) =>
        db.Enrolments.AnyAsync(e => e.CourseId == courseId && e.PersonId == personId && e.CompletedAtUtc == null, ct);
}
