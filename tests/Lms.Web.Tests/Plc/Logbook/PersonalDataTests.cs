using System.Net;
using System.Text.Json;
using Lms.Domain.Organisation;
using Lms.Domain.Plc;
using Lms.Infrastructure.Plc;
using Lms.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Lms.Web.Tests.Plc.Logbook;

/// <summary>PDPA: "my data" holds a person's PLC memberships, meetings with hours and messages; erasure takes the messages' text.</summary>
public sealed class PersonalDataTests(LogbookApp app) : IClassFixture<LogbookApp>
{
    [Fact]
    public async Task My_data_has_my_PLC_life_and_erasure_removes_my_messages_text_but_keeps_the_attendance_count()
    {
        var school = await app.SchoolAsync(10);
        var facilitator = await app.PersonAsync(school, "ละเอียด");
        var teacher = await app.PersonAsync(school, "ข้อมูลส่วนตัว");
        var director = await app.PersonAsync(school, "ผอ", Position.SchoolDirector, SystemRole.SchoolDirector, SystemRole.Learner);
        var group = await app.GroupAsync(school, "PLC การงานอาชีพ", (facilitator, PlcRole.Facilitator), (teacher, PlcRole.Member));
        await app.DbAsync(db => db.Database.ExecuteSqlInterpolatedAsync($"""
            SELECT * FROM plc_post_message({Guid.NewGuid()}, {group}, {teacher.Id}, {"ห้อง 3/2 ของฉันมีนักเรียนขาดเรียนบ่อย"}, NULL::uuid, '[]'::jsonb, ARRAY[]::uuid[], {app.Now})
            """));
        var meeting = await facilitator.Client.RecordAsync(group, "ขาดเรียนบ่อย", app.Today.AddDays(-1), 120, [facilitator.Id, teacher.Id], submit: true);
        await director.Client.DecideAsync(meeting, "Approve");

        var json = await teacher.Client.GetStringAsync("/Account/MyData?handler=Download");
        var plc = JsonDocument.Parse(json).RootElement.GetProperty("Plc");
        Assert.Equal("PLC การงานอาชีพ", plc.GetProperty("Memberships")[0].GetProperty("Group").GetString());
        var attended = plc.GetProperty("MeetingsAttended")[0];
        Assert.Equal("ขาดเรียนบ่อย", attended.GetProperty("Topic").GetString());
        Assert.Equal(2m, attended.GetProperty("Hours").GetDecimal());
        Assert.True(attended.GetProperty("HoursCount").GetBoolean());
        Assert.Equal("ห้อง 3/2 ของฉันมีนักเรียนขาดเรียนบ่อย", plc.GetProperty("Messages")[0].GetProperty("Body").GetString());

        // The administrator's copy for a request on paper is the same export.
        var admin = app.NewClient();
        await admin.SignInOkAsync("admin");
        var adminCopy = await admin.GetStringAsync($"/Admin/People/Edit/{teacher.Id}?handler=PersonalData");
        Assert.Contains("ห้อง 3/2 ของฉันมีนักเรียนขาดเรียนบ่อย", adminCopy);

        await admin.SubmitAsync($"/Admin/People/Edit/{teacher.Id}", new Dictionary<string, string>(), handler: "Deactivate");
        var erased = await admin.SubmitAsync($"/Admin/People/Edit/{teacher.Id}", new Dictionary<string, string>(), handler: "Anonymise");
        Assert.Equal(HttpStatusCode.Redirect, erased.StatusCode);
        var body = await app.DbAsync(db => db.PlcMessages.Where(m => m.AuthorId == teacher.Id).Select(m => m.Body).SingleAsync());
        Assert.Equal(PlcPersonalData.ErasedMessageText, body);
        Assert.Equal(2, (await app.MeetingAsync(meeting)).AttendeeIds.Count);
        var log = await facilitator.Client.PageAsync($"/Plc/Logbook/{group}");
        Assert.DoesNotContain("ข้อมูลส่วนตัว", log.Text("[data-testid=member-hours]"));
        Assert.Contains("2", log.Text("[data-testid=meetings]"));
    }
}
