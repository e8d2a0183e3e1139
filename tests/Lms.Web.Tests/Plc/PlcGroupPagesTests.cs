using System.Net;
using Lms.Domain.Plc;
using Lms.Web.Tests.Notifications;
using Lms.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Lms.Web.Tests.Plc;

/// <summary>Creating PLC groups and keeping their members, as administrators and directors do it on /Plc/Groups.</summary>
public sealed class PlcGroupPagesTests(LmsAppFactory app) : IClassFixture<LmsAppFactory>
{
    private async Task<(Guid Id, string Name, Guid? School)> PersonAsync(string userName)
    {
        var p = await app.DbAsync(db => db.Users.Where(u => u.UserName == userName)
            .Join(db.People, u => u.Id, p => p.Id, (u, p) => new { p.Id, p.FirstName, p.LastName, p.SchoolId }).SingleAsync());
        return (p.Id, p.FirstName + " " + p.LastName, p.SchoolId);
    }

    private static Guid GroupIdFrom(HttpResponseMessage saved)
    {
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        return Guid.Parse(saved.Headers.Location!.OriginalString.Split('/').Last());
    }

    [Fact]
    public async Task An_administrator_creates_a_network_and_keeps_its_members()
    {
        var (admin, _) = await app.SignedInBrowserAsync("admin");
        var empty = await admin.SubmitAsync("/Plc/Groups/Edit", new Dictionary<string, string> { ["Input.Name"] = "", ["Input.FiscalYear"] = "2570" }, "Save");
        Assert.Contains("กรุณากรอกชื่อกลุ่ม", (await empty.HtmlAsync()).Body!.TextContent);

        var saved = await admin.SubmitAsync("/Plc/Groups/Edit", new Dictionary<string, string>
        {
            ["Input.Name"] = "เครือข่ายครูคณิตศาสตร์ อำเภอเมือง", ["Input.SchoolId"] = "", ["Input.SubjectArea"] = "Mathematics", ["Input.FiscalYear"] = "2570",
        }, "Save");
        var group = GroupIdFrom(saved);
        var url = $"/Plc/Groups/Edit/{group}";
        var first = await PersonAsync("s03p05");
        var second = await PersonAsync("s07p06");

        var search = await admin.PageAsync($"{url}?q={Uri.EscapeDataString(first.Name)}");
        Assert.NotNull(search.QuerySelector($"[data-plc-candidates] input[value='{first.Id}']"));
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitAsync(search, url, new Dictionary<string, string> { ["personId"] = first.Id.ToString(), ["role"] = "Facilitator" }, "AddMember")).StatusCode);
        var page = await admin.PageAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitAsync(page, url, new Dictionary<string, string> { ["personId"] = second.Id.ToString(), ["role"] = "Member" }, "AddMember")).StatusCode);
        page = await admin.PageAsync(url);
        Assert.Equal(2, page.QuerySelectorAll("[data-plc-members] tbody tr").Length);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitAsync(page, url, new Dictionary<string, string> { ["personId"] = second.Id.ToString(), ["role"] = "Recorder" }, "ChangeRole",
            $"[data-person-id='{second.Id}'] form[action*='ChangeRole']")).StatusCode);

        // The last facilitator cannot go: the page says why, and nothing changes.
        page = await admin.PageAsync(url);
        var refused = await admin.SubmitAsync(page, url, new Dictionary<string, string> { ["personId"] = first.Id.ToString() }, "RemoveMember",
            $"[data-person-id='{first.Id}'] form[action*='RemoveMember']");
        Assert.Contains("กลุ่มต้องมีผู้อำนวยความสะดวกอย่างน้อยหนึ่งคน", (await refused.HtmlAsync()).Body!.TextContent);
        page = await admin.PageAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitAsync(page, url, new Dictionary<string, string> { ["personId"] = second.Id.ToString() }, "RemoveMember",
            $"[data-person-id='{second.Id}'] form[action*='RemoveMember']")).StatusCode);

        var members = await app.DbAsync(db => db.PlcMembers.Where(m => m.GroupId == group).ToListAsync());
        Assert.Equal(PlcRole.Facilitator, members.Single(m => m.PersonId == first.Id).Role);
        Assert.Equal(PlcRole.Recorder, members.Single(m => m.PersonId == second.Id).Role);
        Assert.NotNull(members.Single(m => m.PersonId == second.Id).RemovedAtUtc);
        Assert.Null(await app.DbAsync(db => db.PlcGroups.Where(g => g.Id == group).Select(g => g.SchoolId).SingleAsync()));
        // The audit log names who did it.
        var audit = await app.DbAsync(db => db.AuditEntries.Where(a => a.EntityId.StartsWith(group.ToString())).ToListAsync());
        Assert.Contains(audit, a => a is { EntityType: "PlcGroup", Action: "Added", ActorName: "admin" });
        Assert.True(audit.Count(a => a is { EntityType: "PlcMember", ActorName: "admin" }) >= 4, string.Join(", ", audit.Select(a => $"{a.EntityType} {a.Action}")));
    }

    [Fact]
    public async Task A_director_manages_only_their_own_schools_groups_and_staff()
    {
        var director = await PersonAsync("s01p01");
        var otherDirector = await PersonAsync("s02p01");
        var (own, _) = await app.SignedInBrowserAsync("s01p01");
        var (other, _) = await app.SignedInBrowserAsync("s02p01");

        // Whatever school the form names, a director's group is their own school's.
        var saved = await own.SubmitAsync("/Plc/Groups/Edit", new Dictionary<string, string>
        {
            ["Input.Name"] = "PLC วิทยาศาสตร์ ม.ปลาย", ["Input.SchoolId"] = otherDirector.School!.Value.ToString(), ["Input.FiscalYear"] = "2570",
        }, "Save");
        var group = GroupIdFrom(saved);
        Assert.Equal(director.School, await app.DbAsync(db => db.PlcGroups.Where(g => g.Id == group).Select(g => g.SchoolId).SingleAsync()));
        var url = $"/Plc/Groups/Edit/{group}";

        // Only their school's staff can be found and added.
        var colleague = await PersonAsync("s01p05");
        var outsider = await PersonAsync("s02p05");
        var found = await own.PageAsync($"{url}?q={Uri.EscapeDataString(outsider.Name)}");
        Assert.Null(found.QuerySelector($"[data-plc-candidates] input[value='{outsider.Id}']"));
        var page = await own.PageAsync(url);
        var refused = await own.SubmitAsync(page, url, new Dictionary<string, string> { ["personId"] = outsider.Id.ToString(), ["role"] = "Member" }, "AddMember");
        Assert.Contains("กลุ่มของโรงเรียนรับได้เฉพาะบุคลากรของโรงเรียนนั้น", (await refused.HtmlAsync()).Body!.TextContent);
        page = await own.PageAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, (await own.SubmitAsync(page, url, new Dictionary<string, string> { ["personId"] = colleague.Id.ToString(), ["role"] = "Facilitator" }, "AddMember")).StatusCode);

        // The director of another school neither sees nor changes it, whatever address they use.
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(url)).StatusCode);
        Assert.DoesNotContain(group.ToString(), await other.GetStringAsync("/Plc/Groups?year=2570"));
        var theirs = await other.PageAsync("/Plc/Groups/Edit");
        var attempt = await other.SubmitAsync(theirs, url, new Dictionary<string, string> { ["personId"] = colleague.Id.ToString() }, "RemoveMember");
        Assert.Equal(HttpStatusCode.NotFound, attempt.StatusCode);
        var rename = await other.SubmitAsync(theirs, url, new Dictionary<string, string> { ["Input.Name"] = "ถูกแก้", ["Input.FiscalYear"] = "2570" }, "Save");
        Assert.Equal(HttpStatusCode.NotFound, rename.StatusCode);
        Assert.True(await app.DbAsync(db => db.PlcMembers.AnyAsync(m => m.GroupId == group && m.PersonId == colleague.Id && m.RemovedAtUtc == null)));
        Assert.Equal("PLC วิทยาศาสตร์ ม.ปลาย", await app.DbAsync(db => db.PlcGroups.Where(g => g.Id == group).Select(g => g.Name).SingleAsync()));
        // A teacher has no group management at all.
        var (teacher, _) = await app.SignedInBrowserAsync("s01p06");
        var denied = await teacher.GetAsync("/Plc/Groups");
        Assert.Contains("/Account/AccessDenied", denied.Headers.Location?.OriginalString ?? "");
    }
}
