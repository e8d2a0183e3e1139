using Lms.Domain.Notifications;

namespace Lms.Infrastructure.Notifications;

/// <summary>
/// "A reminder is never sent after the thing is done — check at send time." An e-mail may leave hours
/// after its notification was stored (quiet hours, the daily digest), so the sending job asks every
/// registered relevance check first and drops the e-mail when one says the occasion has passed
/// (the course was completed, the quiz attempt submitted …). Register with
/// <c>services.AddScoped&lt;INotificationRelevance, YourCheck&gt;()</c>; a check answers true for kinds it does not know.
/// </summary>
public interface INotificationRelevance
{
    Task<bool> IsStillRelevantAsync(Guid personId, NotificationKind kind, string occasionKey, CancellationToken ct);
}
