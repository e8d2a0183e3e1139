using Lms.Domain.Notifications;
using Lms.Domain.Notifications.Reminders;

namespace Lms.Infrastructure.Notifications.Reminders;

/// <summary>
/// One kind of reminder the scan sends. A rule finds its due occasions with set-based SQL (never every enrolment in
/// memory), sends each through <see cref="ReminderDelivery"/> and returns how many it sent.
/// <para>Register with <c>services.AddScoped&lt;IReminderRule, YourRule&gt;()</c>. The PLC feature adds its
/// "meeting tomorrow" rule this way: <see cref="NotificationKind.PlcMeetingTomorrow"/>, its settings in
/// <see cref="ReminderSettings.PlcMeeting"/>, when to send in <see cref="PlcMeetingReminder"/>, the occasion key from
/// <see cref="PlcMeetingReminder.OccasionKey"/>; and it answers in <see cref="ReminderRelevance"/>'s place for its kind
/// (an <c>INotificationRelevance</c> of its own: the meeting was cancelled or has started).</para>
/// </summary>
public interface IReminderRule
{
    NotificationKind Kind { get; }

    Task<int> RunAsync(ReminderSettings settings, DateTime nowUtc, CancellationToken ct);
}
