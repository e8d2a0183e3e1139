using System.Net;
using Ical.Net;
using Lms.Domain.Notifications;
using Lms.Domain.Notifications.Reminders;
using Lms.Domain.Plc;
using Lms.Infrastructure.Notifications;
using Lms.Infrastructure.Notifications.Reminders;
using Lms.Web.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Lms.Web.Tests.Plc.Logbook;

/// <summary>Planned meetings remind the group the day before, once, and appear in the members' calendar feeds.</summary>
public sealed class RemindersAndCalendarTests(LogbookApp app) : IClassFixture<LogbookApp>
{
    private Task ScanAsync() => app.ScopeAsync(sp => sp.GetRequiredService<ReminderScanner>().ScanAsync(CancellationToken.None));

    [Fact]
    public async Task A_planned_meeting_is_reminded_to_active_members_once_from_16_00_the_day_before()
    {
        var school = await app.SchoolAsync(8);
        var facilitator = await app.PersonAsync(school, "รัตนา");
        var member = await app.PersonAsync(school, "พิมพ์ใจ");
        var leaver = await app.PersonAsync(school, "ย้ายออก");
        var group = await app.GroupAsync(school, "PLC ศิลปะ", (facilitator, PlcRole.Facilitator), (member, PlcRole.Member), (leaver, PlcRole.Member));
        await app.ScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<Lms.Infrastructure.Persistence.LmsDbContext>();
            var g = db.PlcGroups.Single(x => x.Id == group);
            db.Entry(g).Collection(x => x.Members).Load();
            g.RemoveMember(leaver.Id, app.Now);
            await db.SaveChangesAsync();
        });
        var day = app.Today.AddDays(3);
        var meeting = await facilitator.Client.RecordAsync(group, "สังเกตการสอนวิชาศิลปะ", day, 60, [], step: "TeachAndObserve", time: "13:00");

        app.MoveTo(day.AddDays(-1), 15);
        await ScanAsync();
        Assert.Empty(app.Sent(member.Id, NotificationKind.PlcMeetingTomorrow));

        app.MoveTo(day.AddDays(-1), 16);
        await ScanAsync();
        await ScanAsync();
        var reminder = Assert.Single(app.Sent(member.Id, NotificationKind.PlcMeetingTomorrow));
        Assert.Equal("พรุ่งนี้มีประชุม PLC: สังเกตการสอนวิชาศิลปะ", reminder.Title);
        Assert.Contains("เวลา 13:00 น.", reminder.Body);
        Assert.Equal($"/Plc/Logbook/{group}/Meeting/{meeting}", reminder.Link);
        Assert.Single(app.Sent(facilitator.Id, NotificationKind.PlcMeetingTomorrow));
        Assert.Empty(app.Sent(leaver.Id, NotificationKind.PlcMeetingTomorrow));

        // A delayed e-mail about it is dropped once the meeting has started, or was moved to another day.
        await app.ScopeAsync(async sp =>
        {
            var checks = sp.GetServices<INotificationRelevance>().ToList();
            async Task<bool> Relevant() =>
                (await Task.WhenAll(checks.Select(c => c.IsStillRelevantAsync(member.Id, NotificationKind.PlcMeetingTomorrow, reminder.OccasionKey, default))))
                .All(x => x);
            Assert.True(await Relevant());
            app.MoveTo(day, 14);
            Assert.False(await Relevant());
        });
    }

    [Fact]
    public async Task The_calendar_feed_of_a_member_has_the_groups_meetings_in_UTC()
    {
        var school = await app.SchoolAsync(9);
        var facilitator = await app.PersonAsync(school, "สมพร");
        var member = await app.PersonAsync(school, "นิภา");
        var group = await app.GroupAsync(school, "PLC พลศึกษา", (facilitator, PlcRole.Facilitator), (member, PlcRole.Member));
        var day = app.Today.AddDays(10);
        var meeting = await facilitator.Client.RecordAsync(group, "ออกแบบแผนพลศึกษา", day, 90, [], step: "PlanLesson", time: "15:30");

        var page = await member.Client.PageAsync("/Account/Calendar");
        var made = await member.Client.SubmitAsync(page, "/Account/Calendar", new Dictionary<string, string>(), handler: "Issue");
        var url = (await made.HtmlAsync()).QuerySelector("[data-testid=feed-url]")!.GetAttribute("value")!.Replace("https://localhost", "");
        var response = await app.NewClient().GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var calendar = Calendar.Load(await response.Content.ReadAsStringAsync())!;
        var ev = Assert.Single(calendar.Events, e => e.Uid == $"plc-meeting-{meeting}@lms");
        Assert.Equal("ประชุม PLC: ออกแบบแผนพลศึกษา", ev.Summary);
        Assert.True(ev.DtStart!.IsUtc);
        Assert.Equal(ThaiDays.StartUtc(day).AddHours(15.5), ev.DtStart.AsUtc);
        Assert.Equal(ThaiDays.StartUtc(day).AddHours(17), ev.End!.AsUtc);
    }
}
