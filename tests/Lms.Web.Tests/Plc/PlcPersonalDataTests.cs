using System.Net;
using System.Text.Json;
using Lms.Domain.Organisation;
using Lms.Infrastructure.Files;
using Lms.Web.Tests.Files;
using Lms.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lms.Web.Tests.Plc;

/// <summary>PDPA: a person's PLC room data is in "my data", and goes when an administrator erases them.</summary>
public sealed class PlcPersonalDataTests(LmsAppFactory app) : IClassFixture<LmsAppFactory>
{
    [Fact]
    public async Task My_data_includes_my_groups_messages_and_reactions()
    {
        var a = await app.NewTeacherAsync();
        var group = await app.NewGroupAsync(a);
        await using var ra = await app.OpenRoomClientAsync(a);
        await ra.JoinAsync(group);
        var sent = Lms.Web.Tests.Plc.PlcSteps.Message(group, "บันทึกของฉันในห้อง PLC");
        Assert.True((await ra.SendAsync(sent)).Ok);
        await ra.Connection.InvokeCoreAsync("React", typeof(object), [group, sent.Id, "👍"]);

        var json = JsonDocument.Parse(await (await a.Browser.GetAsync("/Account/MyData?handler=Download")).Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("Facilitator", Assert.Single(json.GetProperty("Plc").GetProperty("Memberships").EnumerateArray()).GetProperty("Role").GetString());
        Assert.Equal("บันทึกของฉันในห้อง PLC", Assert.Single(json.GetProperty("Plc").GetProperty("Messages").EnumerateArray()).GetProperty("Body").GetString());
        Assert.Equal("👍", Assert.Single(json.GetProperty("Plc").GetProperty("Reactions").EnumerateArray()).GetProperty("Emoji").GetString());
    }

    [Fact]
    public async Task Erasing_a_person_removes_their_message_texts_and_files_and_keeps_the_rooms_numbering()
    {
        var a = await app.NewTeacherAsync();
        var b = await app.NewTeacherAsync();
        var group = await app.NewGroupAsync(a, b);
        await using var ra = await app.OpenRoomClientAsync(a);
        await using var rb = await app.OpenRoomClientAsync(b);
        await ra.JoinAsync(group);
        await rb.JoinAsync(group);
        string key = "";
        await app.ScopeAsync(async sp =>
        {
            var (_, upload) = await sp.GetRequiredService<Lms.Infrastructure.Plc.PlcAttachmentUploads>()
                .SaveAsync(group, b.Id, new MemoryStream(SampleFiles.Png()), "รูปของครูบี.png", CancellationToken.None);
            key = upload!.FileKey;
            Assert.True((await rb.SendAsync(Lms.Web.Tests.Plc.PlcSteps.Message(group, "ข้อความของครูบี", attachments: [upload.Id]))).Ok);
        });
        Assert.True((await ra.SendAsync(group, "ข้อความของครูเอ")).Ok);

        var (admin, _) = await Lms.Web.Tests.Notifications.NotificationSteps.SignedInBrowserAsync(app, "admin");
        await admin.SubmitAsync($"/Admin/People/Edit/{b.Id}", new Dictionary<string, string>(), handler: "Deactivate");
        var erased = await admin.SubmitAsync($"/Admin/People/Edit/{b.Id}", new Dictionary<string, string>(), handler: "Anonymise");
        Assert.Equal(HttpStatusCode.Redirect, erased.StatusCode);

        var messages = await app.DbAsync(db => db.PlcMessages.Where(m => m.GroupId == group).OrderBy(m => m.Sequence).ToListAsync());
        Assert.Equal([1L, 2L], messages.Select(m => m.Sequence));
        Assert.Equal(Lms.Infrastructure.Plc.PlcPersonalData.ErasedMessageText, messages[0].Body);
        Assert.Empty(messages[0].Attachments);
        Assert.Equal("ข้อความของครูเอ", messages[1].Body);
        Assert.False(await app.DbAsync(db => db.PlcUploads.AnyAsync(u => u.UploadedBy == b.Id)));
        Assert.False(await app.Services.GetRequiredService<IFileStore>().ExistsAsync(key));
    }
}
