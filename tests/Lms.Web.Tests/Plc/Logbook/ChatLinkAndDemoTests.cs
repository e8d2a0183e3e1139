using System.Net;
using Lms.Domain.Plc;
using Lms.Infrastructure.Seeding;
using Lms.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Lms.Web.Tests.Plc.Logbook;

/// <summary>A meeting links the room's messages of its day; the minutes are sanitised Markdown.</summary>
public sealed class ChatLinkTests(LogbookApp app) : IClassFixture<LogbookApp>
{
    private Task PostAsync(Guid group, Someone author, string body, DateTime at) => app.DbAsync(db => db.Database.ExecuteSqlInterpolatedAsync($"""
        SELECT * FROM plc_post_message({Guid.NewGuid()}, {group}, {author.Id}, {body}, NULL::uuid, '[]'::jsonb, ARRAY[]::uuid[], {at})
        """));

    [Fact]
    public async Task The_record_links_the_first_and_last_message_of_the_meeting_and_shows_them_with_safe_minutes()
    {
        var school = await app.SchoolAsync(11);
        var facilitator = await app.PersonAsync(school, "แสงดาว");
        var member = await app.PersonAsync(school, "ฟ้าใส");
        var group = await app.GroupAsync(school, "PLC สุขศึกษา", (facilitator, PlcRole.Facilitator), (member, PlcRole.Member));
        var day = app.Today.AddDays(-1);
        var dayStart = Lms.Domain.Notifications.Reminders.ThaiDays.StartUtc(day);
        await PostAsync(group, member, "ข้อความเมื่อวานซืน", dayStart.AddHours(-3));
        await PostAsync(group, facilitator, "เริ่มประชุมค่ะ", dayStart.AddHours(15.5));
        await PostAsync(group, member, "นักเรียนไม่ส่งงาน", dayStart.AddHours(15.6));
        await PostAsync(group, facilitator, "สรุปแล้วนะคะ", dayStart.AddHours(16.5));

        var meeting = await facilitator.Client.RecordAsync(group, "นักเรียนไม่ส่งงาน", day, 60, [facilitator.Id, member.Id],
            minutesText: "## สรุป\n\n<script>alert(1)</script> **สำคัญ**");
        var form = await facilitator.Client.PageAsync($"/Plc/Logbook/{group}/Meeting/{meeting}");
        // Only the meeting day's messages are offered.
        var offered = form.QuerySelectorAll("select[name='Input.ChatFrom'] option").Select(o => o.GetAttribute("value")).ToList();
        Assert.Equal(["", "2", "3", "4"], offered);
        var linked = await facilitator.Client.SubmitAsync(form, $"/Plc/Logbook/{group}/Meeting/{meeting}",
            new Dictionary<string, string> { ["Input.ChatFrom"] = "2", ["Input.ChatTo"] = "3" }, handler: "Submit");
        Assert.Equal(HttpStatusCode.Redirect, linked.StatusCode);

        var view = await member.Client.PageAsync($"/Plc/Logbook/{group}/Meeting/{meeting}");
        var messages = view.QuerySelectorAll("[data-testid=linked-messages] li").Select(li => li.TextContent).ToList();
        Assert.Equal(2, messages.Count);
        Assert.Contains("เริ่มประชุมค่ะ", messages[0]);
        Assert.Contains("นักเรียนไม่ส่งงาน", messages[1]);
        var minutes = view.QuerySelector("[data-testid=minutes]")!;
        Assert.Equal("สรุป", minutes.QuerySelector("h2")!.TextContent);
        Assert.Equal("สำคัญ", minutes.QuerySelector("strong")!.TextContent);
        Assert.Null(minutes.QuerySelector("script"));

        // A range beyond the room's messages is refused.
        var m2 = await facilitator.Client.RecordAsync(group, "อีกครั้ง", day, 60, [facilitator.Id]);
        var refused = await facilitator.Client.SubmitAsync($"/Plc/Logbook/{group}/Meeting/{m2}",
            new Dictionary<string, string> { ["Input.ChatFrom"] = "3", ["Input.ChatTo"] = "99" }, handler: "Save");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Null((await app.MeetingAsync(m2)).ChatToSequence);
    }
}

/// <summary>The demo seed (run.sh) gives every PLC screen something to show.</summary>
public sealed class DemoPlcApp : LmsAppFactory
{
    public DemoPlcApp() => With("Seed:DemoPlc", "true");
}

public sealed class DemoPlcSeedTests(DemoPlcApp app) : IClassFixture<DemoPlcApp>
{
    [Fact]
    public async Task The_demo_group_has_messages_an_approved_meeting_and_one_waiting_for_the_director()
    {
        var meetings = await app.DbAsync(db => db.PlcMeetings.AsNoTracking().Where(m => m.GroupId == DemoPlcSeeder.GroupId).ToListAsync());
        Assert.Equal([PlcMeetingStatus.Approved, PlcMeetingStatus.Submitted, PlcMeetingStatus.Draft],
            meetings.OrderBy(m => m.StartsAtUtc).Select(m => m.Status));
        Assert.Equal(4, await app.DbAsync(db => db.PlcMessages.CountAsync(m => m.GroupId == DemoPlcSeeder.GroupId)));

        var teacher = app.NewClient();
        await teacher.SignInOkAsync("teacher");
        Assert.Matches(@"^ชั่วโมง PLC ปีงบประมาณ \d{4}: (2|0) / 50 ชั่วโมง$", (await teacher.PageAsync("/")).Text("[data-testid=plc-hours]"));
        var logbook = await teacher.PageAsync($"/Plc/Logbook/{DemoPlcSeeder.GroupId}");
        Assert.Equal(3, logbook.QuerySelectorAll("[data-testid=meetings] tbody tr").Length);

        var director = app.NewClient();
        await director.SignInOkAsync("director");
        Assert.Single((await director.PageAsync("/Plc/Approvals")).QuerySelectorAll("[data-testid=waiting]"));
    }
}
