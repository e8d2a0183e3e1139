using Lms.Domain.Notifications;

namespace Lms.Infrastructure.Notifications;

/// <summary>What a person's open pages are sent about a new notification (and what the centre lists).</summary>
/// <param name="Url">Where a click goes: the centre's "open" address, which marks it read and then follows its link.</param>
public sealed record NotificationView(Guid Id, NotificationKind Kind, string Title, string Body, string Url, DateTime CreatedAtUtc, bool IsRead)
{
    public static string OpenUrl(Guid id) => $"/Notifications/Open/{id}";
}

/// <summary>
/// Pushes to the pages a person has open, live. Implemented by the web app over SignalR; a push is best effort
/// (a page that is not open gets the count when it next loads), so callers never fail because of it.
/// </summary>
public interface INotificationPush
{
    Task NotifyAsync(Guid personId, NotificationView view, int unreadCount, CancellationToken ct);
    Task UnreadCountAsync(Guid personId, int unreadCount, CancellationToken ct);
}
