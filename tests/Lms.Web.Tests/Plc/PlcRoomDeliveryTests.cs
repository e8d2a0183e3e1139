using Lms.Web.Tests.Support;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;

namespace Lms.Web.Tests.Plc;

/// <summary>The room's promise: every message stored before it is shown, in one gapless order for everybody, never lost, never doubled.</summary>
public sealed class PlcRoomDeliveryTests(LmsAppFactory app) : IClassFixture<LmsAppFactory>
{
    [Fact]
    public async Task A_new_message_arrives_live_exactly_as_a_catch_up_shows_it()
    {
        var a = await app.NewTeacherAsync();
        var b = await app.NewTeacherAsync();
        var stranger = await app.NewTeacherAsync();
        var group = await app.NewGroupAsync(a, b);
        await using var ra = await app.OpenRoomClientAsync(a);
        await using var rb = await app.OpenRoomClientAsync(b);
        await ra.JoinAsync(group);
        await rb.JoinAsync(group);

        // Mentions of a member, of the author and of a stranger: only the member's is kept, live as in the row.
        var sent = PlcSteps.Message(group, "**สรุป**ผลการสังเกตการสอน [แผน](https://example.go.th/plan)\nบรรทัดที่สอง",
            mentions: [b.Id, a.Id, stranger.Id]);
        Assert.True((await ra.SendAsync(sent)).Ok);
        await rb.WaitUntilAsync(x => x.Received.Any(m => m.Id == sent.Id), "the message");
        var live = rb.Received.Single(m => m.Id == sent.Id);
        var stored = (await rb.JoinAsync(group)).Messages.Single(m => m.Id == sent.Id);

        Assert.Equal(stored with { Attachments = [], Reactions = [], MentionIds = [] }, live with { Attachments = [], Reactions = [], MentionIds = [] });
        Assert.Equal(stored.MentionIds, live.MentionIds);
        Assert.Equal([b.Id], live.MentionIds);
        Assert.Contains("<strong>สรุป</strong>", live.Html);
        Assert.False(string.IsNullOrEmpty(live.AuthorName));
    }

    [Fact]
    public async Task Three_members_sending_at_once_all_see_the_same_gapless_order()
    {
        var a = await app.NewTeacherAsync();
        var b = await app.NewTeacherAsync();
        var c = await app.NewTeacherAsync();
        var group = await app.NewGroupAsync(a, b, c);
        await using var ra = await app.OpenRoomClientAsync(a);
        await using var rb = await app.OpenRoomClientAsync(b);
        await using var rc = await app.OpenRoomClientAsync(c);
        foreach (var r in new[] { ra, rb, rc }) await r.JoinAsync(group);

        const int each = 15;
        var sends = new[] { ra, rb, rc }.Select(r => Task.Run(async () =>
        {
            for (var i = 0; i < each; i++)
            {
                var result = await r.SendAsync(group, $"{r.Person.UserName} ข้อความที่ {i}");
                Assert.True(result.Ok, result.Error);
            }
        })).ToList();
        await Task.WhenAll(sends);

        foreach (var r in new[] { ra, rb, rc })
            await r.WaitUntilAsync(x => x.Received.Count(m => m.GroupId == group) >= 3 * each, "all 45 messages");
        var orders = new[] { ra, rb, rc }.Select(r => r.Received.Where(m => m.GroupId == group).OrderBy(m => m.Sequence)
            .Select(m => (m.Sequence, m.Id)).ToList()).ToList();
        Assert.Equal(Enumerable.Range(1, 3 * each).Select(i => (long)i), orders[0].Select(o => o.Sequence));
        Assert.Equal(orders[0], orders[1]);
        Assert.Equal(orders[0], orders[2]);
        Assert.All(new[] { ra, rb, rc }, r => Assert.Equal(3 * each, r.Received.Count(m => m.GroupId == group)));
        // Each sender's own messages keep the order they were sent in.
        foreach (var r in new[] { ra, rb, rc })
        {
            var mine = ra.Received.Where(m => m.AuthorId == r.Person.Id).OrderBy(m => m.Sequence).Select(m => m.Body).ToList();
            Assert.Equal(Enumerable.Range(0, each).Select(i => $"{r.Person.UserName} ข้อความที่ {i}"), mine);
        }
    }

    [Fact]
    public async Task A_page_that_was_away_catches_up_from_its_last_sequence_in_order()
    {
        var a = await app.NewTeacherAsync();
        var b = await app.NewTeacherAsync();
        var group = await app.NewGroupAsync(a, b);
        await using var ra = await app.OpenRoomClientAsync(a);
        await ra.JoinAsync(group);
        var rb = await app.OpenRoomClientAsync(b);
        await rb.JoinAsync(group);
        Assert.True((await ra.SendAsync(group, "สวัสดีครับ")).Ok);
        await rb.WaitUntilAsync(r => r.Received.Count == 1, "the first message");
        var lastSeen = rb.Received.Max(m => m.Sequence);
        await rb.DisposeAsync(); // the phone goes to sleep

        for (var i = 1; i <= 4; i++) Assert.True((await ra.SendAsync(group, $"ระหว่างที่ไม่อยู่ {i}")).Ok);

        await using var back = await app.OpenRoomClientAsync(b);
        var join = await back.JoinAsync(group, lastSeen);
        Assert.Equal(["ระหว่างที่ไม่อยู่ 1", "ระหว่างที่ไม่อยู่ 2", "ระหว่างที่ไม่อยู่ 3", "ระหว่างที่ไม่อยู่ 4"], join.Messages.Select(m => m.Body));
        Assert.Equal([2L, 3, 4, 5], join.Messages.Select(m => m.Sequence));
        Assert.Equal(5, join.LastSequence);
        Assert.False(join.HasMore);
    }

    [Fact]
    public async Task A_retried_send_is_stored_once_and_answered_as_a_duplicate()
    {
        var a = await app.NewTeacherAsync();
        var b = await app.NewTeacherAsync();
        var group = await app.NewGroupAsync(a, b);
        await using var ra = await app.OpenRoomClientAsync(a);
        await using var rb = await app.OpenRoomClientAsync(b);
        await ra.JoinAsync(group);
        await rb.JoinAsync(group);
        var input = PlcSteps.Message(group, "ส่งซ้ำเพราะสัญญาณหลุด");

        var first = await ra.SendAsync(input);
        // The browser lost the answer and sends again with the same id, twice at once.
        var retries = await Task.WhenAll(ra.SendAsync(input), ra.SendAsync(input));

        Assert.True(first.Ok);
        Assert.False(first.Duplicate);
        Assert.All(retries, r => Assert.True(r.Ok && r.Duplicate && r.Sequence == first.Sequence));
        await rb.WaitUntilAsync(r => r.Received.Count >= 1, "the message");
        await rb.QuietForAsync(TimeSpan.FromMilliseconds(500), 1);
        Assert.Equal(1, await app.DbAsync(db => db.PlcMessages.CountAsync(m => m.GroupId == group)));
    }

    [Fact]
    public async Task Markdown_lite_is_rendered_and_script_never_reaches_the_page()
    {
        var a = await app.NewTeacherAsync();
        var group = await app.NewGroupAsync(a);
        await using var ra = await app.OpenRoomClientAsync(a);
        await ra.JoinAsync(group);
        Assert.True((await ra.SendAsync(group, "**สำคัญ** _เอียง_ `code`\nบรรทัดใหม่ [ลิงก์](javascript:alert(1)) <script>alert(1)</script> [ดี](https://obec.go.th)")).Ok);

        await ra.WaitUntilAsync(r => r.Received.Count == 1, "the message");
        var html = ra.Received[0].Html;
        Assert.Contains("<strong>สำคัญ</strong>", html);
        Assert.Contains("<em>เอียง</em>", html);
        Assert.Contains("<code>code</code>", html);
        Assert.Contains("<br>", html);
        Assert.Contains("href=\"https://obec.go.th\"", html);
        Assert.DoesNotContain("javascript:", html);
        Assert.DoesNotContain("<script", html);
    }

    [Fact]
    public async Task History_goes_back_fifty_at_a_time()
    {
        var a = await app.NewTeacherAsync();
        var group = await app.NewGroupAsync(a);
        await using var ra = await app.OpenRoomClientAsync(a);
        await ra.JoinAsync(group);
        for (var i = 1; i <= 60; i++) Assert.True((await ra.SendAsync(group, $"ข้อความ {i}")).Ok);

        var newest = await ra.Connection.InvokeAsync<Lms.Web.Plc.PlcHistoryResult>("LoadOlder", group, 61L);
        var older = await ra.Connection.InvokeAsync<Lms.Web.Plc.PlcHistoryResult>("LoadOlder", group, newest.Messages[0].Sequence);

        Assert.Equal(Enumerable.Range(11, 50).Select(i => (long)i), newest.Messages.Select(m => m.Sequence));
        Assert.True(newest.HasMore);
        Assert.Equal(Enumerable.Range(1, 10).Select(i => (long)i), older.Messages.Select(m => m.Sequence));
        Assert.False(older.HasMore);
    }
}
