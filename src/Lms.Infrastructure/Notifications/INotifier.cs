using Lms.Domain.Notifications;

namespace Lms.Infrastructure.Notifications;

/// <summary>
/// One notification for one person about one occasion. <paramref name="OccasionKey"/> names the occasion
/// (e.g. <c>enrolment:{id}:deadline:7d</c>, <c>certificate:{id}</c>): the same person, kind and occasion
/// is stored once, so a retried job or a second reminder run never notifies twice.
/// Title and body are the Thai text shown in the bell and the e-mail; <paramref name="Link"/> is an
/// app-relative URL straight to the thing (e.g. <c>/Learn/Course/{id}</c>).
/// </summary>
public sealed record NotificationRequest(Guid PersonId, NotificationKind Kind, string OccasionKey,
    string Title, string Body, string Link);

/// <summary>Stores a notification, pushes it to the person's open pages and e-mails it as they chose.</summary>
public interface INotifier
{
    /// <returns>true when this call stored it; false when that occasion was already notified (or the person is not
    /// active: nothing is stored for someone who cannot sign in). Call it after your own change is committed: it
    /// writes through a connection of its own. A link that is not app-relative is refused (DomainException).</returns>
    Task<bool> NotifyAsync(NotificationRequest request, CancellationToken ct);
}
