using Lms.Domain.Plc;
using Lms.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Lms.Web.Tests.Plc;

/// <summary>Bad input to the room gets a clear Thai message and changes nothing.</summary>
public sealed class PlcRoomInputTests(LmsAppFactory app) : IClassFixture<LmsAppFactory>
{
    [Fact]
    public async Task Empty_too_long_misdirected_or_overloaded_messages_are_refused_in_Thai_and_nothing_is_stored()
    {
        var a = await app.NewTeacherAsync();
        var group = await app.NewGroupAsync(a);
        var otherGroup = await app.NewGroupAsync(a);
        await using var ra = await app.OpenRoomClientAsync(a);
        await ra.JoinAsync(group);
        await ra.JoinAsync(otherGroup);
        var elsewhere = PlcSteps.Message(otherGroup, "ข้อความในอีกห้อง");
        Assert.True((await ra.SendAsync(elsewhere)).Ok);

        var empty = await ra.SendAsync(group, " \n\u200B ");
        Assert.Equal(("plc.message_empty", "กรุณาพิมพ์ข้อความหรือแนบไฟล์"), (empty.ErrorCode, empty.Error));
        var tooLong = await ra.SendAsync(group, new string('ก', PlcMessage.MaxBodyLength + 1));
        Assert.Equal(("plc.message_too_long", "ข้อความยาวได้ไม่เกิน 4,000 ตัวอักษร"), (tooLong.ErrorCode, tooLong.Error));
        var wrongReply = await ra.SendAsync(PlcSteps.Message(group, "ตอบข้อความห้องอื่น", replyTo: elsewhere.Id));
        Assert.Equal("plc.reply_invalid", wrongReply.ErrorCode);
        var tooManyFiles = await ra.SendAsync(PlcSteps.Message(group, "ไฟล์เยอะ", attachments: Enumerable.Range(0, 6).Select(_ => Guid.NewGuid()).ToList()));
        Assert.Equal(("plc.too_many_files", "แนบไฟล์ได้ไม่เกิน 5 ไฟล์ต่อข้อความ"), (tooManyFiles.ErrorCode, tooManyFiles.Error));
        var unknownFile = await ra.SendAsync(PlcSteps.Message(group, "ไฟล์ที่ไม่มี", attachments: [Guid.NewGuid()]));
        Assert.Equal("plc.attachment_invalid", unknownFile.ErrorCode);
        // The same id again, in another room: refused, not a way to reach the first message.
        var reused = await ra.SendAsync(PlcSteps.Message(group, "ใช้รหัสซ้ำ", id: elsewhere.Id));
        Assert.Equal("plc.message_id_taken", reused.ErrorCode);

        Assert.False(await app.DbAsync(db => db.PlcMessages.AnyAsync(m => m.GroupId == group)));
        Assert.Equal(0, await app.DbAsync(db => db.PlcGroups.Where(g => g.Id == group).Select(g => g.LastSequence).SingleAsync()));
    }
}
