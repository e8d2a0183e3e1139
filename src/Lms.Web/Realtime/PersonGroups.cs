using System.Security.Claims;
using Microsoft.AspNetCore.SignalR;

namespace Lms.Web.Realtime;

/// <summary>
/// Every hub connection joins a SignalR group named after its person, and the server addresses people through those
/// groups instead of <c>Clients.User(s)</c>. Why: SignalR's one-instance lifetime manager answers <c>Clients.Users</c>
/// by testing every open connection of the hub, so a room message to 10 people scanned all 1,000+ connections — a
/// quarter of the app's CPU in the PLC bench; a group is a dictionary lookup. With the Redis backplane both are one
/// channel per person. SignalR drops a connection's groups when it closes, so a person's group is their open pages.
/// </summary>
public static class PersonGroups
{
    public static string Of(Guid personId) => "person:" + personId.ToString("N");
    public static IReadOnlyList<string> Of(IEnumerable<Guid> personIds) => personIds.Select(Of).ToList();

    /// <summary>Joins the calling connection to its person's group (from <c>OnConnectedAsync</c>, before any send).</summary>
    public static Task JoinAsync(HubCallerContext context, IGroupManager groups) =>
        groups.AddToGroupAsync(context.ConnectionId, Of(Guid.Parse(context.User!.FindFirstValue(ClaimTypes.NameIdentifier)!)),
            context.ConnectionAborted);
}
