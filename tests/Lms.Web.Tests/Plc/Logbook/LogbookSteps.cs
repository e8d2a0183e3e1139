using System.Globalization;
using System.Net;
using Lms.Domain.Calendar;
using Lms.Domain.Organisation;
using Lms.Domain.Plc;
using Lms.Infrastructure.Identity;
using Lms.Infrastructure.Persistence;
using Lms.Web.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lms.Web.Tests.Plc.Logbook;

public sealed record Someone(Guid Id, string UserName, string Name, HttpClient Client);

/// <summary>People, groups and meetings for the logbook tests: groups are made with the domain through the DbContext
/// (group management is another page's job); meetings are recorded, submitted and approved on the logbook's pages.</summary>
public static class LogbookSteps
{
    public static Task<Guid> SchoolAsync(this LmsAppFactory app, int index) =>
        app.DbAsync(db => db.Schools.OrderBy(s => s.Code).Skip(index).Select(s => s.Id).FirstAsync());

    /// <summary>A new person of <paramref name="schoolId"/> with a Thai name, signed in.</summary>
    public static async Task<Someone> PersonAsync(this LmsAppFactory app, Guid? schoolId, string firstName, Position position = Position.Teacher,
        params string[] roles)
    {
        var userName = $"p{Guid.NewGuid():N}"[..12];
        var lastName = $"ทดสอบ{userName[1..5]}";
        Guid id = default;
        await app.ScopeAsync(async sp =>
        {
            var accounts = sp.GetRequiredService<PersonAccounts>();
            var (user, result) = await accounts.CreateAsync(new NewPerson($"{userName}@test.example", userName, "นาง", firstName, lastName, "", "",
                position, schoolId, null, roles.Length == 0 ? [SystemRole.Learner] : roles));
            Assert.True(result.Succeeded, string.Join(", ", result.Errors.Select(e => e.Description)));
            Assert.True((await sp.GetRequiredService<UserManager<LmsUser>>().AddPasswordAsync(user!, LmsAppFactory.DemoPassword)).Succeeded);
            id = user!.Id;
        });
        var client = app.NewClient();
        await client.SignInOkAsync(userName);
        return new Someone(id, userName, $"นาง{firstName} {lastName}", client);
    }

    public static async Task<Guid> GroupAsync(this LmsAppFactory app, Guid? schoolId, string name, params (Someone Person, PlcRole Role)[] members)
    {
        var id = Guid.NewGuid();
        await app.ScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<LmsDbContext>();
            var now = sp.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
            var group = new PlcGroup(id, name, schoolId, null, FiscalYear.ContainingUtc(now), members[0].Person.Id, now);
            foreach (var (person, role) in members) group.AddMember(person.Id, role, now);
            db.PlcGroups.Add(group);
            await db.SaveChangesAsync();
        });
        return id;
    }

    public static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The recorder fills the meeting form and saves it as a draft (or submits it); returns the meeting's id.</summary>
    public static async Task<Guid> RecordAsync(this HttpClient recorder, Guid groupId, string topic, DateOnly day, int minutes,
        IEnumerable<Guid> attendees, bool submit = false, string time = "15:30", string step = "FindProblem", string minutesText = "## ปัญหาที่พบ\n\nนักเรียนอ่านจับใจความไม่ได้")
    {
        var response = await recorder.SubmitAsync($"/Plc/Logbook/{groupId}/Meeting", Fields(topic, day, minutes, attendees, time, step, minutesText),
            handler: submit ? "Submit" : "Save");
        Assert.True(response.StatusCode == HttpStatusCode.Redirect,
            $"recording → {(int)response.StatusCode}: {(await response.HtmlAsync()).QuerySelector("[role=alert]")?.TextContent}");
        return Guid.Parse(response.Headers.Location!.OriginalString.Split('/').Last());
    }

    public static Dictionary<string, string> Fields(string topic, DateOnly day, int minutes, IEnumerable<Guid> attendees, string time = "15:30",
        string step = "FindProblem", string minutesText = "บันทึก")
    {
        var fields = new Dictionary<string, string>
        {
            ["Input.Topic"] = topic, ["Input.Date"] = Iso(day), ["Input.StartTime"] = time,
            ["Input.DurationMinutes"] = minutes.ToString(CultureInfo.InvariantCulture), ["Input.Step"] = step, ["Input.Minutes"] = minutesText,
        };
        // Like a browser: unticked boxes send nothing.
        var ticked = attendees.Select(a => a.ToString()).ToArray();
        if (ticked.Length > 0) fields["Input.Attendees"] = Browser.Joined(ticked);
        return fields;
    }

    /// <summary>Posts Approve or Return for one meeting from the approvals page, as its buttons do.</summary>
    public static async Task<HttpResponseMessage> DecideAsync(this HttpClient approver, Guid meetingId, string handler, string note = "")
    {
        var page = await approver.PageAsync("/Plc/Approvals");
        return await approver.SubmitAsync(page, "/Plc/Approvals", new Dictionary<string, string> { ["meetingId"] = meetingId.ToString(), ["note"] = note },
            handler: handler);
    }

    public static Task<PlcMeeting> MeetingAsync(this LmsAppFactory app, Guid id) =>
        app.DbAsync(db => db.PlcMeetings.AsNoTracking().SingleAsync(m => m.Id == id));
}
