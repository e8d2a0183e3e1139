using Lms.Web.Plc;
using Lms.Web.Tests.Support;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;

namespace Lms.Web.Tests.Plc;

/// <summary>The facilitator hides, mutes, pins and closes; the checks are made in PostgreSQL at the moment of the action.</summary>
public sealed class PlcModerationTests(LmsAppFactory app) : IClassFixture<LmsAppFactory>
{
    [Fact]
    public async Task A_hidden_message_is_kept_shown_as_hidden_to_members_and_readable_by_the_facilitator()
    {
        var facilitator = await app.NewTeacherAsync();
        var member = await app.NewTeacherAsync();
        var group = await app.NewGroupAsync(facilitator, member);
        await using var rf = await app.OpenRoomClientAsync(facilitator);
        await using var rm = await app.OpenRoomClientAsync(member);
        await rf.JoinAsync(group);
        await rm.JoinAsync(group);
        var sent = PlcSteps.Message(group, "ข้อความไม่เหมาะสม");
        Assert.True((await rm.SendAsync(sent)).Ok);

        var byMember = await rm.Connection.InvokeAsync<PlcActionResult>("Hide", group, sent.Id, "ไม่สุภาพ");
        Assert.Equal("plc.not_facilitator", byMember.ErrorCode);
        var hide = await rf.Connection.InvokeAsync<PlcActionResult>("Hide", group, sent.Id, "ไม่สุภาพ");
        Assert.True(hide.Ok);

        await rm.WaitUntilAsync(r => r.Changed.Any(m => m.Id == sent.Id && m.Hidden), "the message hidden");
        await rf.WaitUntilAsync(r => r.Changed.Any(m => m.Id == sent.Id && m.Hidden), "the message hidden");
        var memberView = rm.Changed.Last(m => m.Id == sent.Id);
        Assert.Equal("", memberView.Body);
        Assert.Equal("", memberView.Html);
        Assert.Equal("ข้อความไม่เหมาะสม", rf.Changed.Last(m => m.Id == sent.Id).Body);
        var rejoin = await rm.JoinAsync(group, 0);
        Assert.True(rejoin.Messages.Single().Hidden);
        Assert.Equal("", rejoin.Messages.Single().Body);
        Assert.Empty((await rm.Connection.InvokeAsync<PlcSearchResult>("Search", group, "ไม่เหมาะสม")).Hits);
        Assert.Single((await rf.Connection.InvokeAsync<PlcSearchResult>("Search", group, "ไม่เหมาะสม")).Hits);
        Assert.Equal("ข้อความไม่เหมาะสม", await app.DbAsync(db => db.PlcMessages.Where(m => m.Id == sent.Id).Select(m => m.Body).SingleAsync()));

        Assert.True((await rf.Connection.InvokeAsync<PlcActionResult>("Unhide", group, sent.Id)).Ok);
        await rm.WaitUntilAsync(r => r.Changed.Last(m => m.Id == sent.Id) is { Hidden: false, Body: "ข้อความไม่เหมาะสม" }, "the message shown again");
    }

    [Fact]
    public async Task A_muted_member_reads_but_cannot_post_until_unmuted()
    {
        var facilitator = await app.NewTeacherAsync();
        var member = await app.NewTeacherAsync();
        var group = await app.NewGroupAsync(facilitator, member);
        await using var rf = await app.OpenRoomClientAsync(facilitator);
        await using var rm = await app.OpenRoomClientAsync(member);
        await rf.JoinAsync(group);
        await rm.JoinAsync(group);

        Assert.True((await rf.Connection.InvokeAsync<PlcActionResult>("Mute", group, member.Id, 60)).Ok);
        await rm.WaitUntilAsync(r => r.Mutes.Any(m => m.Group == group && m.Until is not null), "'you are muted'");
        var refused = await rm.SendAsync(group, "ขอพูดหน่อย");
        Assert.Equal("plc.muted", refused.ErrorCode);
        Assert.True((await rf.SendAsync(group, "ผู้อำนวยความสะดวกพูด")).Ok);
        await rm.WaitUntilAsync(r => r.Received.Count == 1, "the facilitator's message");
        Assert.True((await rm.JoinAsync(group)).MutedUntilUtc is not null);

        Assert.Contains(await app.DbAsync(db => db.AuditEntries.Where(a => a.EntityType == "PlcMember" && a.EntityId == $"{group},{member.Id}").ToListAsync()),
            a => a.ActorName == facilitator.UserName && a.After!.Contains("MutedUntilUtc"));
        Assert.True((await rf.Connection.InvokeAsync<PlcActionResult>("Unmute", group, member.Id)).Ok);
        Assert.True((await rm.SendAsync(group, "ขอบคุณครับ")).Ok);
        Assert.Equal("plc.mute_self", (await rf.Connection.InvokeAsync<PlcActionResult>("Mute", group, facilitator.Id, 10)).ErrorCode);
        Assert.Equal("plc.mute_until_invalid", (await rf.Connection.InvokeAsync<PlcActionResult>("Mute", group, member.Id, 0)).ErrorCode);
    }

    [Fact]
    public async Task A_closed_room_is_read_only_for_everybody_until_reopened()
    {
        var facilitator = await app.NewTeacherAsync();
        var member = await app.NewTeacherAsync();
        var group = await app.NewGroupAsync(facilitator, member);
        await using var rf = await app.OpenRoomClientAsync(facilitator);
        await using var rm = await app.OpenRoomClientAsync(member);
        await rf.JoinAsync(group);
        await rm.JoinAsync(group);

        Assert.False((await rm.Connection.InvokeAsync<PlcActionResult>("CloseRoom", group)).Ok);
        Assert.True((await rf.Connection.InvokeAsync<PlcActionResult>("CloseRoom", group)).Ok);
        await rm.WaitUntilAsync(r => r.RoomStates.Contains((group, false)), "'room closed'");
        Assert.Equal("plc.room_closed", (await rm.SendAsync(group, "ยังส่งได้ไหม")).ErrorCode);
        Assert.Equal("plc.room_closed", (await rf.SendAsync(group, "ผู้ดูแลก็ส่งไม่ได้")).ErrorCode);
        Assert.False((await rm.JoinAsync(group)).IsOpen);

        Assert.True((await rf.Connection.InvokeAsync<PlcActionResult>("ReopenRoom", group)).Ok);
        await rm.WaitUntilAsync(r => r.RoomStates.Contains((group, true)), "'room open'");
        Assert.True((await rm.SendAsync(group, "เปิดแล้ว")).Ok);
        Assert.Equal(1, await app.DbAsync(db => db.PlcMessages.CountAsync(m => m.GroupId == group)));
    }

    [Fact]
    public async Task The_facilitator_pins_a_message_that_everyone_sees_pinned()
    {
        var facilitator = await app.NewTeacherAsync();
        var member = await app.NewTeacherAsync();
        var group = await app.NewGroupAsync(facilitator, member);
        await using var rf = await app.OpenRoomClientAsync(facilitator);
        await using var rm = await app.OpenRoomClientAsync(member);
        await rf.JoinAsync(group);
        await rm.JoinAsync(group);
        var rule = PlcSteps.Message(group, "นัดประชุมทุกวันพุธ 15:30 น.");
        Assert.True((await rf.SendAsync(rule)).Ok);

        Assert.Equal("plc.not_facilitator", (await rm.Connection.InvokeAsync<PlcActionResult>("Pin", group, rule.Id)).ErrorCode);
        Assert.True((await rf.Connection.InvokeAsync<PlcActionResult>("Pin", group, rule.Id)).Ok);
        await rm.WaitUntilAsync(r => r.Changed.Any(m => m.Id == rule.Id && m.Pinned), "the pinned message");
        Assert.Equal([rule.Id], (await rm.JoinAsync(group)).Pinned.Select(m => m.Id));

        Assert.True((await rf.Connection.InvokeAsync<PlcActionResult>("Unpin", group, rule.Id)).Ok);
        Assert.Empty((await rm.JoinAsync(group)).Pinned);
    }

    [Fact]
    public async Task Reactions_toggle_and_only_the_offered_ones_are_accepted()
    {
        var facilitator = await app.NewTeacherAsync();
        var member = await app.NewTeacherAsync();
        var group = await app.NewGroupAsync(facilitator, member);
        await using var rf = await app.OpenRoomClientAsync(facilitator);
        await using var rm = await app.OpenRoomClientAsync(member);
        await rf.JoinAsync(group);
        await rm.JoinAsync(group);
        var idea = PlcSteps.Message(group, "ลองใช้ใบงานแบบกลุ่มดีไหมครับ");
        Assert.True((await rf.SendAsync(idea)).Ok);

        Assert.True((await rm.Connection.InvokeAsync<PlcActionResult>("React", group, idea.Id, "👍")).Ok);
        Assert.True((await rf.Connection.InvokeAsync<PlcActionResult>("React", group, idea.Id, "👍")).Ok);
        await rf.WaitUntilAsync(r => r.Changed.LastOrDefault(m => m.Id == idea.Id)?.Reactions.SingleOrDefault()?.Count == 2, "two 👍");
        Assert.True((await rm.Connection.InvokeAsync<PlcActionResult>("React", group, idea.Id, "👍")).Ok); // again: taken back
        await rf.WaitUntilAsync(r => r.Changed.Last(m => m.Id == idea.Id).Reactions.Single() is { Count: 1 } one && one.PersonIds.Single() == facilitator.Id, "one 👍");
        Assert.Equal("plc.reaction_invalid", (await rm.Connection.InvokeAsync<PlcActionResult>("React", group, idea.Id, "💩")).ErrorCode);
    }
}
