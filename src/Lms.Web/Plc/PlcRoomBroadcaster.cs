using Lms.Infrastructure.Plc;
using Lms.Web.Realtime;
using Microsoft.AspNetCore.SignalR;

namespace Lms.Web.Plc;

/// <summary>
/// Tells rooms what happened, from the hub and from pages (removing a member). Always addressed to people — the room's
/// active members as PostgreSQL has them now (through their <see cref="PersonGroups"/>), never to a group of the room,
/// so it works the same with several app instances on a backplane and a removed member is left out at once.
/// </summary>
public sealed class PlcRoomBroadcaster(IHubContext<PlcHub, IPlcClient> hub, PlcRoomQueries queries, PlcPresence presence)
{
    public Task MessageAsync(PlcMessageView message, IReadOnlyList<Guid> memberIds) =>
        memberIds.Count == 0 ? Task.CompletedTask : hub.Clients.Groups(PersonGroups.Of(memberIds)).MessageReceived(message);

    /// <summary>Sends the changed message again: facilitators get its text even when hidden, the others only that it is hidden.</summary>
    public async Task MessageChangedAsync(Guid groupId, Guid messageId, CancellationToken ct)
    {
        var (all, moderators) = await queries.RecipientsAsync(groupId, ct);
        if (await queries.MessageAsync(groupId, messageId, moderator: true, ct) is not { } forModerators) return;
        var forOthers = forModerators.ForMember();
        var others = all.Except(moderators).ToList();
        if (moderators.Count > 0) await hub.Clients.Groups(PersonGroups.Of(moderators)).MessageChanged(forModerators);
        if (others.Count > 0) await hub.Clients.Groups(PersonGroups.Of(others)).MessageChanged(forOthers);
    }

    public async Task PresenceAsync(Guid groupId, CancellationToken ct) =>
        await PresenceAsync(groupId, await presence.OnlineAsync(groupId, ct), ct);

    public async Task PresenceAsync(Guid groupId, IReadOnlyList<Guid> online, CancellationToken ct)
    {
        var (all, _) = await queries.RecipientsAsync(groupId, ct);
        if (all.Count > 0) await hub.Clients.Groups(PersonGroups.Of(all)).PresenceChanged(groupId, online);
    }

    public async Task TypingAsync(Guid groupId, Guid personId, CancellationToken ct)
    {
        var members = await queries.MembersAsync(groupId, ct);
        var name = members.FirstOrDefault(m => m.PersonId == personId)?.Name;
        var others = members.Where(m => m.PersonId != personId).Select(m => m.PersonId).ToList();
        if (name is not null && others.Count > 0) await hub.Clients.Groups(PersonGroups.Of(others)).Typing(groupId, personId, name);
    }

    public async Task MutedAsync(Guid groupId, Guid personId, DateTime? untilUtc, CancellationToken ct)
    {
        await hub.Clients.Group(PersonGroups.Of(personId)).MutedChanged(groupId, untilUtc);
        await MembersChangedAsync(groupId, ct);
    }

    public async Task RoomStateAsync(Guid groupId, bool isOpen, CancellationToken ct)
    {
        var (all, _) = await queries.RecipientsAsync(groupId, ct);
        if (all.Count > 0) await hub.Clients.Groups(PersonGroups.Of(all)).RoomStateChanged(groupId, isOpen);
    }

    public async Task MembersChangedAsync(Guid groupId, CancellationToken ct)
    {
        var (all, _) = await queries.RecipientsAsync(groupId, ct);
        if (all.Count > 0) await hub.Clients.Groups(PersonGroups.Of(all)).MembersChanged(groupId);
    }

    /// <summary>After a removal is committed: the person's open room pages say so, and they leave the online list.</summary>
    public async Task MemberRemovedAsync(Guid groupId, Guid personId, CancellationToken ct)
    {
        await presence.RemovePersonAsync(groupId, personId, ct);
        await hub.Clients.Group(PersonGroups.Of(personId)).RemovedFromRoom(groupId);
        await MembersChangedAsync(groupId, ct);
        await PresenceAsync(groupId, ct);
    }
}
