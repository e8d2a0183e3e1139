using Lms.Domain.Notifications;
using Microsoft.Extensions.Logging;

namespace Lms.Infrastructure.Notifications.Reminders;

/// <summary>
/// Stand-in until the notification centre's <c>Notifier</c> is registered: writes each notification to the log so the
/// app starts and reminders can be followed, and nothing reaches anyone. Registered with TryAdd, so the real notifier
/// replaces it wherever it is registered; remove this class when the notification centre is merged.
/// </summary>
public sealed class LogOnlyNotifier(ILogger<LogOnlyNotifier> log) : INotifier
{
    public Task<bool> NotifyAsync(NotificationRequest request, CancellationToken ct)
    {
        log.LogInformation("Notification (not delivered: no notification centre) {Kind} {Occasion} for {Person}: {Title}",
            request.Kind, request.OccasionKey, request.PersonId, request.Title);
        return Task.FromResult(true);
    }
}
