using Lms.Domain.Calendar;
using Lms.Domain.Common;
using Lms.Domain.Organisation;

namespace Lms.Domain.Plc;

/// <summary>
/// A professional learning community (ชุมชนแห่งการเรียนรู้ทางวิชาชีพ): teachers of one school, or a network across
/// schools (<see cref="SchoolId"/> null), for one fiscal year. The group owns its live room: the room's message
/// counter (<see cref="LastSequence"/>, taken under this row's lock so messages of a room are numbered 1, 2, 3 … with
/// no gap), whether it is closed, and its members.
/// </summary>
public sealed class PlcGroup
{
    public const int MaxNameLength = 200;

    private readonly List<PlcMember> members = [];

    public Guid Id { get; private set; }
    public string Name { get; private set; } = "";
    /// <summary>Null for a cross-school network (เครือข่าย), whose meetings a supervisor approves.</summary>
    public Guid? SchoolId { get; private set; }
    public SubjectArea? SubjectArea { get; private set; }
    /// <summary>The Buddhist-Era fiscal year the group works in (its hours count there).</summary>
    public int FiscalYear { get; private set; }
    public Guid CreatedBy { get; private set; }
    public DateTime CreatedAtUtc { get; private set; }
    /// <summary>The sequence number of the room's last message (0: no message yet).</summary>
    public long LastSequence { get; private set; }
    public DateTime? RoomClosedAtUtc { get; private set; }
    public Guid? RoomClosedBy { get; private set; }

    public IReadOnlyList<PlcMember> Members => members;

    private PlcGroup() { }

    public PlcGroup(Guid id, string name, Guid? schoolId, SubjectArea? subjectArea, FiscalYear fiscalYear, Guid createdBy, DateTime nowUtc)
    {
        if (id == Guid.Empty) throw new DomainException("plc.id_required", "A PLC group needs an id.");
        Id = id;
        CreatedBy = createdBy;
        CreatedAtUtc = nowUtc;
        Change(name, schoolId, subjectArea, fiscalYear);
    }

    public bool IsNetwork => SchoolId is null;
    public bool IsRoomOpen => RoomClosedAtUtc is null;
    public FiscalYear Year => new(FiscalYear);

    public void Change(string name, Guid? schoolId, SubjectArea? subjectArea, FiscalYear fiscalYear)
    {
        var clean = Text.Required(name, "plc.name_required", MaxNameLength);
        if (subjectArea is { } area && !Enum.IsDefined(area)) throw new DomainException("person.subject_invalid", "Unknown subject area.");
        if (fiscalYear.BuddhistYear is < 2500 or > 2700) throw new DomainException("plc.year_invalid", "Unlikely fiscal year.");
        if (schoolId == Guid.Empty) schoolId = null;
        (Name, SchoolId, SubjectArea, FiscalYear) = (clean, schoolId, subjectArea, fiscalYear.BuddhistYear);
    }

    /// <summary>The member as of now, or null for a stranger or a removed member.</summary>
    public PlcMember? ActiveMember(Guid personId) => members.FirstOrDefault(m => m.PersonId == personId && m.IsActive);

    public bool IsMember(Guid personId) => ActiveMember(personId) is not null;

    public bool CanModerate(Guid personId) => ActiveMember(personId)?.Role.MayModerate() == true;

    public bool CanRecordMeetings(Guid personId) => ActiveMember(personId)?.Role.MayRecordMeetings() == true;

    /// <summary>Adds a person, changes the role of a present member, or brings a removed member back.</summary>
    public PlcMember AddMember(Guid personId, PlcRole role, DateTime nowUtc)
    {
        var existing = members.FirstOrDefault(m => m.PersonId == personId);
        if (existing is null)
        {
            var member = new PlcMember(Id, personId, role, nowUtc);
            members.Add(member);
            return member;
        }
        if (existing.IsActive)
        {
            EnsureFacilitatorStays(existing, role);
            existing.ChangeRole(role);
        }
        else existing.Restore(role, nowUtc);
        return existing;
    }

    /// <summary>Removal takes effect at once: the room stops sending to them and refuses their calls.</summary>
    public void RemoveMember(Guid personId, DateTime nowUtc)
    {
        var member = ActiveMember(personId) ?? throw new DomainException("plc.not_member", "That person is not a member of the group.");
        EnsureFacilitatorStays(member, null);
        member.Remove(nowUtc);
    }

    public void Mute(Guid moderatorId, Guid personId, DateTime untilUtc, DateTime nowUtc)
    {
        EnsureModerator(moderatorId);
        if (personId == moderatorId) throw new DomainException("plc.mute_self", "A facilitator cannot mute themselves.");
        if (untilUtc <= nowUtc) throw new DomainException("plc.mute_until_invalid", "Muting must end in the future.");
        var member = ActiveMember(personId) ?? throw new DomainException("plc.not_member", "That person is not a member of the group.");
        member.Mute(untilUtc);
    }

    public void Unmute(Guid moderatorId, Guid personId)
    {
        EnsureModerator(moderatorId);
        (ActiveMember(personId) ?? throw new DomainException("plc.not_member", "That person is not a member of the group.")).Unmute();
    }

    public void CloseRoom(Guid moderatorId, DateTime nowUtc)
    {
        EnsureModerator(moderatorId);
        if (RoomClosedAtUtc is not null) return;
        RoomClosedAtUtc = nowUtc;
        RoomClosedBy = moderatorId;
    }

    public void ReopenRoom(Guid moderatorId)
    {
        EnsureModerator(moderatorId);
        RoomClosedAtUtc = null;
        RoomClosedBy = null;
    }

    /// <summary>Why this member may not post now, as a domain error code, or null when they may.</summary>
    public string? WhyCannotPost(Guid personId, DateTime nowUtc)
    {
        var member = ActiveMember(personId);
        if (member is null) return "plc.not_member";
        if (!IsRoomOpen) return "plc.room_closed";
        if (member.IsMutedAt(nowUtc)) return "plc.muted";
        return null;
    }

    public void EnsureModerator(Guid personId)
    {
        if (!CanModerate(personId)) throw new DomainException("plc.not_facilitator", "Only the group's facilitator may do that.");
    }

    /// <summary>A group that has a facilitator keeps one: the last cannot be removed or made an ordinary member.</summary>
    private void EnsureFacilitatorStays(PlcMember member, PlcRole? newRole)
    {
        if (member.Role != PlcRole.Facilitator || newRole == PlcRole.Facilitator) return;
        if (members.Count(m => m.IsActive && m.Role == PlcRole.Facilitator) == 1)
            throw new DomainException("plc.last_facilitator", "A group keeps at least one facilitator; appoint another first.");
    }
}
