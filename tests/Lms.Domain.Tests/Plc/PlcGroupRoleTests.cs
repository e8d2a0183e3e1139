using Lms.Domain.Calendar;
using Lms.Domain.Common;
using Lms.Domain.Plc;

namespace Lms.Domain.Tests.Plc;

public class PlcGroupRoleTests
{
    private static readonly DateTime Now = new(2026, 11, 24, 3, 0, 0, DateTimeKind.Utc);

    private static (PlcGroup Group, Guid Facilitator, Guid Recorder, Guid Member, Guid Mentor) Group()
    {
        var g = new PlcGroup(Guid.NewGuid(), "PLC ภาษาไทย", Guid.NewGuid(), null, new FiscalYear(2570), Guid.NewGuid(), Now);
        var (f, r, m, e) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        g.AddMember(f, PlcRole.Facilitator, Now);
        g.AddMember(r, PlcRole.Recorder, Now);
        g.AddMember(m, PlcRole.Member, Now);
        g.AddMember(e, PlcRole.Mentor, Now);
        return (g, f, r, m, e);
    }

    [Fact]
    public void The_facilitator_and_the_recorder_record_meetings_and_nobody_else()
    {
        var (g, f, r, m, e) = Group();
        Assert.True(g.CanRecordMeetings(f));
        Assert.True(g.CanRecordMeetings(r));
        Assert.False(g.CanRecordMeetings(m));
        Assert.False(g.CanRecordMeetings(e));
        Assert.False(g.CanRecordMeetings(Guid.NewGuid()));
    }

    [Fact]
    public void Only_the_facilitator_moderates()
    {
        var (g, f, r, _, _) = Group();
        Assert.True(g.CanModerate(f));
        Assert.False(g.CanModerate(r));
    }

    [Fact]
    public void A_removed_recorder_can_no_longer_record()
    {
        var (g, _, r, _, _) = Group();
        g.RemoveMember(r, Now.AddDays(1));
        Assert.False(g.CanRecordMeetings(r));
        Assert.False(g.IsMember(r));
    }

    [Fact]
    public void The_last_facilitator_cannot_be_removed()
    {
        var (g, f, _, _, _) = Group();
        Assert.Equal("plc.last_facilitator", Assert.Throws<DomainException>(() => g.RemoveMember(f, Now)).Code);
    }

    [Fact]
    public void A_group_of_no_school_is_a_network()
    {
        var g = new PlcGroup(Guid.NewGuid(), "เครือข่าย PLC คณิตศาสตร์", null, null, new FiscalYear(2570), Guid.NewGuid(), Now);
        Assert.True(g.IsNetwork);
    }
}
