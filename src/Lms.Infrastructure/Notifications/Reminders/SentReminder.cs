using Lms.Domain.Notifications;

namespace Lms.Infrastructure.Notifications.Reminders;

/// <summary>
/// The reminder scan's ledger (table <c>sent_reminders</c>): one row per person and occasion it has notified. It lets
/// the scan's SQL skip what was already sent — so a run over thousands of enrolments reads only what is new — while
/// the notifier's own (person, kind, occasion) key stays the final guard against a second notification.
/// <see cref="SubjectId"/> is the enrolment, quiz or meeting the occasion is about.
/// </summary>
public sealed class SentReminder
{
    public Guid PersonId { get; set; }
    public NotificationKind Kind { get; set; }
    public string OccasionKey { get; set; } = "";
    public Guid SubjectId { get; set; }
    public DateTime SentAtUtc { get; set; }
}
