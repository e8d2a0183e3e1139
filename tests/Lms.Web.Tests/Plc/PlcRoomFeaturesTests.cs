using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Lms.Domain.Notifications;
using Lms.Web.Plc;
using Lms.Web.Tests.Files;
using Lms.Web.Tests.Support;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lms.Web.Tests.Plc;

/// <summary>Mentions, search, unread counts and files of a room, as members (and others) see them.</summary>
public sealed class PlcRoomFeaturesTests(LmsAppFactory app) : IClassFixture<LmsAppFactory>
{
    [Fact]
    public async Task A_mention_notifies_the_member_named_once_and_nobody_else()
    {
        var a = await app.NewTeacherAsync();
        var b = await app.NewTeacherAsync();
        var c = await app.NewTeacherAsync();
        var stranger = await app.NewTeacherAsync();
        var group = await app.NewGroupAsync(a, b, c);
        await using var ra = await app.OpenRoomClientAsync(a);
        await ra.JoinAsync(group);
        var input = PlcSteps.Message(group, "@ครูบี ช่วยดูแผนการสอนหน่อยครับ", mentions: [b.Id, stranger.Id, a.Id]);

        Assert.True((await ra.SendAsync(input)).Ok);
        Assert.True((await ra.SendAsync(input)).Duplicate);

        var notices = await app.DbAsync(db => db.Notifications.Where(n => n.Kind == NotificationKind.PlcMention && n.OccasionKey == $"plc-message:{input.Id}").ToListAsync());
        var notice = Assert.Single(notices);
        Assert.Equal(b.Id, notice.PersonId);
        Assert.Contains("กล่าวถึงคุณ", notice.Title);
        Assert.Equal($"/Plc/Room/{group}?at=1", notice.Link);
        var stored = await app.DbAsync(db => db.PlcMessages.SingleAsync(m => m.Id == input.Id));
        Assert.Equal([b.Id], stored.MentionIds);
        // The bell of the person named: their notification centre lists it.
        var centre = await b.Browser.PageAsync("/Notifications");
        Assert.Contains("กล่าวถึงคุณในห้อง PLC", centre.Body!.TextContent);
    }

    [Fact]
    public async Task Search_finds_Thai_text_and_takes_percent_and_underscore_literally()
    {
        var a = await app.NewTeacherAsync();
        var group = await app.NewGroupAsync(a);
        await using var ra = await app.OpenRoomClientAsync(a);
        await ra.JoinAsync(group);
        foreach (var text in new[] { "ทดลองสอนแบบการจัดการเรียนรู้เชิงรุกแล้ว", "นักเรียนผ่าน 100% ครับ", "ไฟล์ชื่อ plan_v2", "ไม่เกี่ยวข้อง" })
            Assert.True((await ra.SendAsync(group, text)).Ok);

        async Task<List<long>> Find(string q) =>
            (await ra.Connection.InvokeAsync<PlcSearchResult>("Search", group, q)).Hits.Select(h => h.Sequence).ToList();

        Assert.Equal([1L], await Find("เรียนรู้เชิงรุก"));
        Assert.Equal([2L], await Find("%"));
        Assert.Equal([3L], await Find("_"));
        Assert.Equal([3L], await Find("PLAN"));
        Assert.Empty(await Find("ไม่มีคำนี้"));
        var hit = (await ra.Connection.InvokeAsync<PlcSearchResult>("Search", group, "เชิงรุก")).Hits.Single();
        Assert.Contains("เชิงรุก", hit.Excerpt);
        // A result opens the room at that message.
        var page = await a.Browser.PageAsync($"/Plc/Room/{group}?at={hit.Sequence}");
        Assert.Equal("1", page.QuerySelector("[data-plc-room]")!.GetAttribute("data-at"));
    }

    [Fact]
    public async Task Unread_counts_show_on_my_groups_and_reading_only_moves_forward()
    {
        var a = await app.NewTeacherAsync();
        var b = await app.NewTeacherAsync();
        var group = await app.NewGroupAsync(a, b);
        await using var ra = await app.OpenRoomClientAsync(a);
        await ra.JoinAsync(group);
        for (var i = 1; i <= 3; i++) Assert.True((await ra.SendAsync(group, $"ข่าว {i}")).Ok);

        async Task<string?> Unread(PlcPerson p) =>
            (await p.Browser.PageAsync("/Plc")).QuerySelector($"[data-group-id='{group}'] [data-unread]")?.GetAttribute("data-unread");

        Assert.Equal("3", await Unread(b));
        Assert.Null(await Unread(a)); // the author has read their own messages
        await using var rb = await app.OpenRoomClientAsync(b);
        Assert.Equal(0, (await rb.JoinAsync(group)).LastReadSequence);
        Assert.True((await rb.Connection.InvokeAsync<PlcActionResult>("MarkRead", group, 2L)).Ok);
        Assert.Equal("1", await Unread(b));
        Assert.True((await rb.Connection.InvokeAsync<PlcActionResult>("MarkRead", group, 1L)).Ok); // an older tab
        Assert.Equal("1", await Unread(b));
        Assert.True((await rb.Connection.InvokeAsync<PlcActionResult>("MarkRead", group, 999L)).Ok);
        Assert.Null(await Unread(b));
        Assert.Equal(3, (await rb.JoinAsync(group)).LastReadSequence);
    }

    [Fact]
    public async Task Files_are_checked_by_content_and_served_only_to_members()
    {
        var a = await app.NewTeacherAsync();
        var b = await app.NewTeacherAsync();
        var stranger = await app.NewTeacherAsync();
        var group = await app.NewGroupAsync(a, b);

        var refused = await UploadAsync(a, group, "แผนการสอน.png", "not a picture"u8.ToArray());
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("error", await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await UploadAsync(stranger, group, "x.png", SampleFiles.Png())).StatusCode);
        var ok = await UploadAsync(a, group, "ภาพกิจกรรม.png", SampleFiles.Png());
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        var uploadId = JsonDocument.Parse(await ok.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetGuid();

        await using var rb = await app.OpenRoomClientAsync(b);
        await rb.JoinAsync(group);
        var stolen = await rb.SendAsync(PlcSteps.Message(group, "ใช้ไฟล์ของคนอื่น", attachments: [uploadId]));
        Assert.Equal("plc.attachment_invalid", stolen.ErrorCode);
        await using var ra = await app.OpenRoomClientAsync(a);
        await ra.JoinAsync(group);
        var withFile = PlcSteps.Message(group, "", attachments: [uploadId]);
        Assert.True((await ra.SendAsync(withFile)).Ok);
        await rb.WaitUntilAsync(r => r.Received.Any(m => m.Id == withFile.Id), "the message with its picture");
        var attachment = rb.Received.Single(m => m.Id == withFile.Id).Attachments.Single();
        Assert.True(attachment.IsImage);
        Assert.Equal("ภาพกิจกรรม.png", attachment.FileName);
        Assert.Equal($"/plc/files/{withFile.Id}/0", attachment.Url);

        var download = await b.Browser.GetAsync(attachment.Url);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("image/png", download.Content.Headers.ContentType!.MediaType);
        Assert.Equal(SampleFiles.Png(), await download.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Browser.GetAsync(attachment.Url)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await b.Browser.GetAsync($"/plc/files/{withFile.Id}/1")).StatusCode);
        await app.ScopeAsync(sp => sp.GetRequiredService<PlcMemberChanges>().RemoveAsync(group, b.Id, CancellationToken.None));
        Assert.Equal(HttpStatusCode.NotFound, (await b.Browser.GetAsync(attachment.Url)).StatusCode);
    }

    [Fact]
    public async Task The_room_page_is_for_members_only()
    {
        var a = await app.NewTeacherAsync();
        var stranger = await app.NewTeacherAsync();
        var group = await app.NewGroupAsync(a);

        var page = await a.Browser.PageAsync($"/Plc/Room/{group}");
        Assert.Equal("กลุ่ม PLC ภาษาไทย ม.ต้น", page.Text("h1"));
        Assert.NotNull(page.QuerySelector("script[src^='/js/plc-room.js']"));
        Assert.NotNull(page.QuerySelector("script[src^='/lib/signalr/signalr.min.js']"));
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Browser.GetAsync($"/Plc/Room/{group}")).StatusCode);
        var mine = await a.Browser.PageAsync("/Plc");
        Assert.NotNull(mine.QuerySelector($"a[href='/Plc/Room/{group}']"));
        Assert.NotNull(mine.QuerySelector($"a[href='/Plc/Logbook/{group}']"));
        Assert.Null((await stranger.Browser.PageAsync("/Plc")).QuerySelector($"[data-group-id='{group}']"));
    }

    private static async Task<HttpResponseMessage> UploadAsync(PlcPerson person, Guid group, string name, byte[] content)
    {
        var room = await person.Browser.GetAsync($"/Plc/Room/{group}");
        if (room.StatusCode != HttpStatusCode.OK) return room;
        var doc = await room.HtmlAsync();
        var token = doc.QuerySelector("[data-plc-token] input[name='__RequestVerificationToken']")!.GetAttribute("value")!;
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", name);
        form.Add(new StringContent(token), "__RequestVerificationToken");
        return await person.Browser.PostAsync($"/Plc/Room/{group}?handler=Upload", form);
    }
}
