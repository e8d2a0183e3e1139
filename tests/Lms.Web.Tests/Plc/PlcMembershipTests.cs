using Lms.Domain.Plc;
using Lms.Web.Plc;
using Lms.Web.Tests.Support;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lms.Web.Tests.Plc;

/// <summary>Membership is read from PostgreSQL on every hub call, and a removed member stops receiving at once.</summary>
public sealed class PlcMembershipTests(LmsAppFactory app) : IClassFixture<LmsAppFactory>
{
    [Fact]
    public async Task A_stranger_cannot_join_read_or_post()
    {
        var facilitator = await app.NewTeacherAsync();
        var stranger = await app.NewTeacherAsync();
        var group = await app.NewGroupAsync(facilitator);
        await using var rf = await app.OpenRoomClientAsync(facilitator);
        await rf.JoinAsync(group);
        Assert.True((await rf.SendAsync(group, "เฉพาะสมาชิก")).Ok);
        await using var rs = await app.OpenRoomClientAsync(stranger);

        var join = await Assert.ThrowsAsync<HubException>(() => rs.JoinAsync(group));
        Assert.Contains("ไม่ได้เป็นสมาชิก", join.Message);
        var send = await rs.SendAsync(group, "แอบส่ง");
        Assert.False(send.Ok);
        Assert.Equal("plc.not_member", send.ErrorCode);
        Assert.Equal("คุณไม่ได้เป็นสมาชิกของกลุ่ม PLC นี้", send.Error);
        await Assert.ThrowsAsync<HubException>(() => rs.Connection.InvokeAsync<PlcHistoryResult>("LoadOlder", group, 100L));
        await Assert.ThrowsAsync<HubException>(() => rs.Connection.InvokeAsync<PlcSearchResult>("Search", group, "สมาชิก"));
        await rs.QuietForAsync(TimeSpan.FromMilliseconds(300), 0);
        Assert.Equal(1, await app.DbAsync(db => db.PlcMessages.CountAsync(m => m.GroupId == group)));
    }

    [Fact]
    public async Task A_removed_member_stops_receiving_at_once_is_told_and_is_refused()
    {
        var facilitator = await app.NewTeacherAsync();
        var member = await app.NewTeacherAsync();
        var group = await app.NewGroupAsync(facilitator, member);
        await using var rf = await app.OpenRoomClientAsync(facilitator);
        await using var rm = await app.OpenRoomClientAsync(member);
        await rf.JoinAsync(group);
        await rm.JoinAsync(group);
        Assert.True((await rf.SendAsync(group, "ก่อนถูกนำออก")).Ok);
        await rm.WaitUntilAsync(r => r.Received.Count == 1, "the message before removal");

        await app.ScopeAsync(sp => sp.GetRequiredService<PlcMemberChanges>().RemoveAsync(group, member.Id, CancellationToken.None));

        await rm.WaitUntilAsync(r => r.RemovedFrom.Contains(group), "'you were removed'");
        Assert.True((await rf.SendAsync(group, "หลังถูกนำออก")).Ok);
        await rf.WaitUntilAsync(r => r.Received.Count == 2, "the facilitator's own second message");
        await rm.QuietForAsync(TimeSpan.FromMilliseconds(500), 1);
        var send = await rm.SendAsync(group, "ยังส่งได้ไหม");
        Assert.Equal("plc.not_member", send.ErrorCode);
        await Assert.ThrowsAsync<HubException>(() => rm.JoinAsync(group, 0));
        Assert.False(await app.DbAsync(db => db.PlcMessages.AnyAsync(m => m.AuthorId == member.Id)));
    }

    [Fact]
    public async Task Messages_sent_while_a_member_is_being_removed_reach_them_only_if_numbered_before()
    {
        var facilitator = await app.NewTeacherAsync();
        var member = await app.NewTeacherAsync();
        var group = await app.NewGroupAsync(facilitator, member);
        await using var rf = await app.OpenRoomClientAsync(facilitator);
        await using var rm = await app.OpenRoomClientAsync(member);
        await rf.JoinAsync(group);
        await rm.JoinAsync(group);

        // The facilitator keeps sending until 10 messages after the removal has been committed, and the removal starts
        // once the first messages are through, so it surely falls among the sends (a fixed delay did not, once sends got fast).
        var removed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var sent = 0;
        var sending = Task.Run(async () =>
        {
            for (var after = 0; after < 10; sent++)
            {
                Assert.True((await rf.SendAsync(group, $"ข้อความ {sent}")).Ok);
                if (removed.Task.IsCompleted) after++;
            }
        });
        await rf.WaitUntilAsync(r => r.Received.Count >= 5, "the first messages");
        await app.ScopeAsync(sp => sp.GetRequiredService<PlcMemberChanges>().RemoveAsync(group, member.Id, CancellationToken.None));
        removed.SetResult();
        await sending;
        await rf.WaitUntilAsync(r => r.Received.Count == sent, $"all {sent}");
        await Task.Delay(500);

        // What the removed member got is exactly a prefix of the room: nothing after the removal, no gap before it.
        var got = rm.Received.Select(m => m.Sequence).OrderBy(s => s).ToList();
        Assert.Equal(Enumerable.Range(1, got.Count).Select(i => (long)i), got);
        Assert.True(got.Count < sent, "the removal happened during the sends");
    }

    [Fact]
    public async Task A_member_added_back_catches_up_and_receives_again()
    {
        var facilitator = await app.NewTeacherAsync();
        var member = await app.NewTeacherAsync();
        var group = await app.NewGroupAsync(facilitator, member);
        await app.ScopeAsync(sp => sp.GetRequiredService<PlcMemberChanges>().RemoveAsync(group, member.Id, CancellationToken.None));
        await app.ScopeAsync(sp => sp.GetRequiredService<PlcMemberChanges>().AddOrChangeAsync(group, member.Id, PlcRole.Recorder, CancellationToken.None));
        await using var rm = await app.OpenRoomClientAsync(member);
        var join = await rm.JoinAsync(group);
        Assert.Equal(PlcRole.Recorder, join.MyRole);
    }
}
