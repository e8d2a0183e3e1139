using Lms.Domain.Plc;
using Lms.Infrastructure.Plc;

namespace Lms.Web.Plc;

/// <summary>Membership changes made on the group pages, then told to the room at once (a removed person's open pages first).</summary>
public sealed class PlcMemberChanges(PlcMembership membership, PlcRoomBroadcaster room)
{
    public async Task AddOrChangeAsync(Guid groupId, Guid personId, PlcRole role, CancellationToken ct)
    {
        await membership.AddOrChangeAsync(groupId, personId, role, ct);
        await room.MembersChangedAsync(groupId, ct);
    }

    public async Task RemoveAsync(Guid groupId, Guid personId, CancellationToken ct)
    {
        await membership.RemoveAsync(groupId, personId, ct);
        await room.MemberRemovedAsync(groupId, personId, ct);
    }
}
