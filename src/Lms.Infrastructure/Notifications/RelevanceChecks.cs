using Lms.Domain.Notifications;

namespace Lms.Infrastructure.Notifications;

/// <summary>Asks every registered <see cref="INotificationRelevance"/>; one "no longer relevant" is enough to drop an e-mail.</summary>
public sealed class RelevanceChecks(IEnumerable<INotificationRelevance> checks)
{
    public async Task<bool> StillRelevantAsync(Guid personId, NotificationKind kind, string occasionKey, CancellationToken ct)
    {
        foreach (var check in checks)
            if (!await check.IsStillRelevantAsync(personId, kind, occasionKey, ct)) return false;
        return true;
    }
}
