using System.Security.Claims;
using Lms.Infrastructure.Notifications;
using Lms.Infrastructure.Persistence;
using Lms.Web.Realtime;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace Lms.Web.Notifications;

/// <summary>What the server calls on a person's open pages.</summary>
public interface INotificationClient
{
    /// <summary>A new notification arrived (the bell shows it).</summary>
    Task Notify(NotificationView notification);
    /// <summary>The person's number of unread notifications changed (or, on connecting, what it is now).</summary>
    Task UnreadCount(int count);
}

/// <summary>
/// The live side of the bell, at <c>/hubs/notifications</c>. Only signed-in people connect; each connection belongs to
/// its person (<see cref="PersonIdUserIdProvider"/>), and the server sends only to a person's own connections. Pages
/// call nothing here: on every (re)connection the hub tells the page the count it may have missed while away.
/// </summary>
[Authorize]
public sealed class NotificationHub(LmsDbContext db) : Hub<INotificationClient>
{
    public const string Path = "/hubs/notifications";

    public override async Task OnConnectedAsync()
    {
        var personId = Guid.Parse(Context.User!.FindFirstValue(ClaimTypes.NameIdentifier)!);
        await PersonGroups.JoinAsync(Context, Groups);
        await Clients.Caller.UnreadCount(await NotificationQueries.UnreadCountAsync(db, personId, Context.ConnectionAborted));
        await base.OnConnectedAsync();
    }
}

/// <summary>SignalR's "user" is the person: the same id as the sign-in cookie's NameIdentifier (the account shares the person's id).</summary>
public sealed class PersonIdUserIdProvider : IUserIdProvider
{
    public string? GetUserId(HubConnectionContext connection) => connection.User?.FindFirstValue(ClaimTypes.NameIdentifier);
}

/// <summary>Pushes through the hub to every page the person has open, on this instance (and, with a backplane, on all).</summary>
public sealed class HubNotificationPush(IHubContext<NotificationHub, INotificationClient> hub) : INotificationPush
{
    public async Task NotifyAsync(Guid personId, NotificationView view, int unreadCount, CancellationToken ct)
    {
        var person = hub.Clients.Group(PersonGroups.Of(personId));
        await person.Notify(view);
        await person.UnreadCount(unreadCount);
    }

    public Task UnreadCountAsync(Guid personId, int unreadCount, CancellationToken ct) =>
        hub.Clients.Group(PersonGroups.Of(personId)).UnreadCount(unreadCount);
}
