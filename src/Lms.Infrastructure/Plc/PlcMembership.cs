using Lms.Domain.Common;
using Lms.Domain.Plc;
using Lms.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Lms.Infrastructure.Plc;

/// <summary>
/// Adding, re-roling and removing members, each under the group row's lock (the one plc_post_message takes): a message
/// is numbered either before a removal — and delivered to the person, who was still a member — or after it, and then
/// the person is not among its recipients. Uses the request's DbContext, so the audit log records who did it.
/// </summary>
public sealed class PlcMembership(LmsDbContext db, TimeProvider clock)
{
    public Task AddOrChangeAsync(Guid groupId, Guid personId, PlcRole role, CancellationToken ct) =>
        LockedAsync(groupId, g => g.AddMember(personId, role, clock.GetUtcNow().UtcDateTime), ct);

    public Task RemoveAsync(Guid groupId, Guid personId, CancellationToken ct) =>
        LockedAsync(groupId, g => g.RemoveMember(personId, clock.GetUtcNow().UtcDateTime), ct);

    private async Task LockedAsync(Guid groupId, Action<PlcGroup> change, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var group = await PlcLocks.LockGroupAsync(db, groupId, ct) ?? throw new DomainException("plc.group_not_found", "No such group.");
        change(group);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }
}
