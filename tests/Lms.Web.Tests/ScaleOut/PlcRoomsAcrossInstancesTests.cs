using Lms.Domain.Organisation;
using Lms.Web.Plc;
using Lms.Web.Tests.Plc;
using Lms.Web.Tests.Support;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Lms.Web.Tests.ScaleOut;

/// <summary>
/// PLC rooms served by two app instances behind one Redis: members talk to each other whichever instance their page is
/// connected to, a page that was away catches up on its own instance, and a removal made on one instance holds on both.
/// </summary>
public sealed class PlcRoomsAcrossInstancesTests(TwoInstances instances) : IClassFixture<TwoInstances>
{
    private async Task<(PlcPerson Person, BrowserOn Browser)> TeacherOnAsync(LmsAppFactory instance)
    {
        var (id, login) = await instances.A.CreatePersonAsync([SystemRole.Learner]);
        var browser = await BrowserOn.SignedInAsync(instance, login);
        return (new PlcPerson(id, login, browser.Client, browser.Cookies), browser);
    }

    private static async Task<RoomClient> OpenRoomAsync(BrowserOn browser, PlcPerson person)
    {
        var connection = browser.Hub(PlcHub.Path);
        var room = new RoomClient(connection, person);
        await connection.StartAsync();
        return room;
    }

    [Fact]
    public async Task A_message_sent_through_one_instance_reaches_a_member_on_the_other_in_order_and_catches_up_after_a_reconnect()
    {
        var (somchai, onA) = await TeacherOnAsync(instances.A);
        var (malee, onB) = await TeacherOnAsync(instances.B);
        using var _ = onA;
        using var __ = onB;
        var group = await instances.A.NewGroupAsync(somchai, malee);
        await using var roomA = await OpenRoomAsync(onA, somchai);
        var roomB = await OpenRoomAsync(onB, malee);
        await roomA.JoinAsync(group);
        await roomB.JoinAsync(group);

        for (var i = 1; i <= 5; i++) Assert.True((await roomA.SendAsync(group, $"ข้อความที่ {i} จากโรงเรียนสุโขทัยวิทยาคม")).Ok);
        await roomB.WaitUntilAsync(r => r.Received.Count == 5, "the five messages sent through the other instance");
        Assert.Equal([1, 2, 3, 4, 5], roomB.Received.Select(m => m.Sequence));
        Assert.Equal("ข้อความที่ 1 จากโรงเรียนสุโขทัยวิทยาคม", roomB.Received[0].Body);

        // Malee's phone sleeps; three messages are sent meanwhile; her page reconnects (to instance B again) and asks
        // for what came after the last number it showed.
        await roomB.DisposeAsync();
        for (var i = 6; i <= 8; i++) Assert.True((await roomA.SendAsync(group, $"ข้อความที่ {i}")).Ok);
        await using var again = await OpenRoomAsync(onB, malee);
        var joined = await again.JoinAsync(group, after: 5);
        Assert.Equal([6, 7, 8], joined.Messages.Select(m => m.Sequence));
        Assert.Equal(["ข้อความที่ 6", "ข้อความที่ 7", "ข้อความที่ 8"], joined.Messages.Select(m => m.Body));

        // And live again from there.
        Assert.True((await roomA.SendAsync(group, "ข้อความที่ 9")).Ok);
        await again.WaitUntilAsync(r => r.Received.Any(m => m.Sequence == 9), "message 9, live");
        Assert.Equal(["ข้อความที่ 9"], again.Received.Select(m => m.Body));
    }

    [Fact]
    public async Task A_member_removed_on_one_instance_stops_receiving_on_the_other()
    {
        var (facilitator, onA) = await TeacherOnAsync(instances.A);
        var (member, onB) = await TeacherOnAsync(instances.B);
        using var _ = onA;
        using var __ = onB;
        var group = await instances.A.NewGroupAsync(facilitator, member);
        await using var roomA = await OpenRoomAsync(onA, facilitator);
        await using var roomB = await OpenRoomAsync(onB, member);
        await roomA.JoinAsync(group);
        await roomB.JoinAsync(group);
        Assert.True((await roomA.SendAsync(group, "ก่อนออกจากกลุ่ม")).Ok);
        await roomB.WaitUntilAsync(r => r.Received.Count == 1, "the message before the removal");

        // Removed on instance A, as the group page there does it (stored, then told through A's hub context).
        await instances.A.ScopeAsync(sp =>
            sp.GetRequiredService<PlcMemberChanges>().RemoveAsync(group, member.Id, CancellationToken.None));
        await roomB.WaitUntilAsync(r => r.RemovedFrom.Contains(group), "that they were removed from the room");

        Assert.True((await roomA.SendAsync(group, "หลังออกจากกลุ่ม")).Ok);
        await roomB.QuietForAsync(TimeSpan.FromMilliseconds(500), expectedReceived: 1);
        var refused = await roomB.SendAsync(group, "ยังส่งได้ไหม");
        Assert.False(refused.Ok);
        Assert.Equal("plc.not_member", refused.ErrorCode);
    }

    [Fact]
    public async Task Who_is_online_and_who_is_typing_show_on_the_other_instance()
    {
        var (somchai, onA) = await TeacherOnAsync(instances.A);
        var (malee, onB) = await TeacherOnAsync(instances.B);
        using var _ = onA;
        using var __ = onB;
        var group = await instances.A.NewGroupAsync(somchai, malee);
        await using var roomA = await OpenRoomAsync(onA, somchai);
        await roomA.JoinAsync(group);
        await using var roomB = await OpenRoomAsync(onB, malee);
        var joined = await roomB.JoinAsync(group);
        Assert.Contains(somchai.Id, joined.OnlineIds); // presence is in PostgreSQL, not in one instance's memory

        await roomA.WaitUntilAsync(r => r.Presence.Any(p => p.Group == group && p.Online.Contains(malee.Id)),
            "Malee, connected to the other instance, online");
        await roomB.Connection.InvokeAsync("Typing", group);
        await roomA.WaitUntilAsync(r => r.TypingSignals.Contains((group, malee.Id)), "Malee typing");
    }
}
