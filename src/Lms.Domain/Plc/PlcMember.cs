using Lms.Domain.Common;

namespace Lms.Domain.Plc;

/// <summary>
/// A person's place in a PLC group. A removed member's row stays (who was in the group when, for the audit and the
/// logbook) with <see cref="RemovedAtUtc"/> set; the room treats them as a stranger from that moment.
/// </summary>
public sealed class PlcMember
{
    public Guid GroupId { get; private set; }
    public Guid PersonId { get; private set; }
    public PlcRole Role { get; private set; }
    public DateTime JoinedAtUtc { get; private set; }
    public DateTime? RemovedAtUtc { get; private set; }
    /// <summary>A muted member still reads the room but cannot post until this time (null: not muted).</summary>
    public DateTime? MutedUntilUtc { get; private set; }
    /// <summary>The highest message sequence the member has seen in the room: unread = the room's last sequence minus this.</summary>
    public long LastReadSequence { get; private set; }

    private PlcMember() { }

    internal PlcMember(Guid groupId, Guid personId, PlcRole role, DateTime nowUtc)
    {
        if (personId == Guid.Empty) throw new DomainException("plc.member_required", "A member needs a person.");
        GroupId = groupId;
        PersonId = personId;
        JoinedAtUtc = nowUtc;
        ChangeRole(role);
    }

    public bool IsActive => RemovedAtUtc is null;

    public bool IsMutedAt(DateTime nowUtc) => MutedUntilUtc is { } until && until > nowUtc;

    internal void ChangeRole(PlcRole role)
    {
        if (!Enum.IsDefined(role)) throw new DomainException("plc.role_invalid", $"Unknown PLC role {role}.");
        Role = role;
    }

    internal void Remove(DateTime nowUtc) => RemovedAtUtc ??= nowUtc;

    /// <summary>A member added back after removal keeps their read position (they saw those messages).</summary>
    internal void Restore(PlcRole role, DateTime nowUtc)
    {
        ChangeRole(role);
        RemovedAtUtc = null;
        JoinedAtUtc = nowUtc;
        MutedUntilUtc = null;
    }

    internal void Mute(DateTime untilUtc) => MutedUntilUtc = untilUtc;

    internal void Unmute() => MutedUntilUtc = null;

    /// <summary>Reading is monotonic: an older tab reporting an older position never makes messages unread again.</summary>
    public void MarkRead(long sequence)
    {
        if (sequence > LastReadSequence) LastReadSequence = sequence;
    }
}
