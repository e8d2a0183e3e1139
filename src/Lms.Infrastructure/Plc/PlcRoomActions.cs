using Lms.Domain.Common;
using Lms.Domain.Plc;
using Lms.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Lms.Infrastructure.Plc;

/// <summary>
/// What members and facilitators do to a room besides posting: react, hide/unhide, pin/unpin, mute/unmute, close and
/// reopen. Each runs in a transaction that first locks the room's group row (the lock plc_post_message takes), reads
/// the caller's membership and role at that moment, and applies the domain's rule; a refusal is a DomainException.
/// </summary>
public sealed class PlcRoomActions(IDbContextFactory<LmsDbContext> contexts, TimeProvider clock)
{
    /// <summary>Adds the person's reaction, or takes it back if they had given it. True when it is now there.</summary>
    public async Task<bool> ToggleReactionAsync(Guid groupId, Guid messageId, Guid personId, string emoji, CancellationToken ct)
    {
        if (!PlcReaction.Allowed.Contains(emoji, StringComparer.Ordinal)) throw new DomainException("plc.reaction_invalid", "That reaction is not offered.");
        return await InRoomAsync(groupId, null, async (db, group) =>
        {
            if (!group.IsMember(personId)) throw NotMember();
            var message = await MessageAsync(db, groupId, messageId, ct);
            if (message.IsHidden) throw new DomainException("plc.message_hidden", "That message is hidden.");
            var existing = await db.PlcReactions.FirstOrDefaultAsync(r => r.MessageId == messageId && r.PersonId == personId && r.Emoji == emoji, ct);
            if (existing is not null)
            {
                db.PlcReactions.Remove(existing);
                return false;
            }
            db.PlcReactions.Add(new PlcReaction(messageId, personId, emoji, clock.GetUtcNow().UtcDateTime));
            return true;
        }, ct);
    }

    public Task HideAsync(Guid groupId, Guid messageId, Guid moderatorId, string? reason, CancellationToken ct) =>
        OnMessageAsync(groupId, messageId, moderatorId, m => m.Hide(moderatorId, reason, clock.GetUtcNow().UtcDateTime), ct);

    public Task UnhideAsync(Guid groupId, Guid messageId, Guid moderatorId, CancellationToken ct) =>
        OnMessageAsync(groupId, messageId, moderatorId, m => m.Unhide(), ct);

    public Task PinAsync(Guid groupId, Guid messageId, Guid moderatorId, CancellationToken ct) =>
        OnMessageAsync(groupId, messageId, moderatorId, m => m.Pin(moderatorId, clock.GetUtcNow().UtcDateTime), ct);

    public Task UnpinAsync(Guid groupId, Guid messageId, Guid moderatorId, CancellationToken ct) =>
        OnMessageAsync(groupId, messageId, moderatorId, m => m.Unpin(), ct);

    /// <summary>Mutes a member until <paramref name="untilUtc"/>; returns the time.</summary>
    public Task MuteAsync(Guid groupId, Guid moderatorId, Guid personId, DateTime untilUtc, CancellationToken ct) =>
        InRoomAsync(groupId, moderatorId, (_, group) =>
        {
            group.Mute(moderatorId, personId, untilUtc, clock.GetUtcNow().UtcDateTime);
            return Task.FromResult(true);
        }, ct);

    public Task UnmuteAsync(Guid groupId, Guid moderatorId, Guid personId, CancellationToken ct) =>
        InRoomAsync(groupId, moderatorId, (_, group) =>
        {
            group.Unmute(moderatorId, personId);
            return Task.FromResult(true);
        }, ct);

    public Task CloseAsync(Guid groupId, Guid moderatorId, CancellationToken ct) =>
        InRoomAsync(groupId, moderatorId, (_, group) =>
        {
            group.CloseRoom(moderatorId, clock.GetUtcNow().UtcDateTime);
            return Task.FromResult(true);
        }, ct);

    public Task ReopenAsync(Guid groupId, Guid moderatorId, CancellationToken ct) =>
        InRoomAsync(groupId, moderatorId, (_, group) =>
        {
            group.ReopenRoom(moderatorId);
            return Task.FromResult(true);
        }, ct);

    private Task OnMessageAsync(Guid groupId, Guid messageId, Guid moderatorId, Action<PlcMessage> change, CancellationToken ct) =>
        InRoomAsync(groupId, null, async (db, group) =>
        {
            if (!group.IsMember(moderatorId)) throw NotMember();
            group.EnsureModerator(moderatorId);
            change(await MessageAsync(db, groupId, messageId, ct));
            return true;
        }, ct);

    private static async Task<PlcMessage> MessageAsync(LmsDbContext db, Guid groupId, Guid messageId, CancellationToken ct) =>
        await db.PlcMessages.FirstOrDefaultAsync(m => m.Id == messageId && m.GroupId == groupId, ct)
        ?? throw new DomainException("plc.message_not_found", "That message is not in this room.");

    private static DomainException NotMember() => new("plc.not_member", "You are not a member of this group.");

    /// <summary>
    /// Runs <paramref name="work"/> on the group (with its members) under the group row's lock, then commits. Changes to
    /// the group or a membership (mute, close) are audited under <paramref name="actorId"/>'s sign-in name.
    /// </summary>
    private async Task<T> InRoomAsync<T>(Guid groupId, Guid? actorId, Func<LmsDbContext, PlcGroup, Task<T>> work, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        if (actorId is { } id)
            db.AuditActor = new PlcAuditActor(id, await db.Users.Where(u => u.Id == id).Select(u => u.UserName).FirstOrDefaultAsync(ct) ?? "?");
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var group = await PlcLocks.LockGroupAsync(db, groupId, ct) ?? throw NotMember();
        var result = await work(db, group);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return result;
    }
}

/// <summary>The member acting in a room (the hub has no HTTP request for the usual audit actor).</summary>
internal sealed record PlcAuditActor(Guid? Id, string Name) : Auditing.IAuditActor;

public static class PlcLocks
{
    /// <summary>
    /// Loads the group with its members after locking its row (FOR UPDATE, as plc_post_message does), so a change of
    /// membership, role, mute or the room's state and the numbering of a message happen one after the other.
    /// Call inside a transaction. Null when there is no such group.
    /// </summary>
    public static async Task<PlcGroup?> LockGroupAsync(LmsDbContext db, Guid groupId, CancellationToken ct)
    {
        var locked = await db.Database.SqlQuery<Guid>($"SELECT id AS \"Value\" FROM plc_groups WHERE id = {groupId} FOR UPDATE").ToListAsync(ct);
        if (locked.Count == 0) return null;
        return await db.PlcGroups.Include(g => g.Members).FirstAsync(g => g.Id == groupId, ct);
    }
}
