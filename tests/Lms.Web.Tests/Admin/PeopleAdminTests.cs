using System.Net;
using System.Text.Json;
using Lms.Domain.Organisation;
using Lms.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Lms.Web.Tests.Admin;

public sealed class PeopleAdminTests(LmsAppFactory app) : IClassFixture<LmsAppFactory>
{
    private async Task<HttpClient> AdminAsync()
    {
        var client = app.NewClient();
        await client.SignInOkAsync("admin");
        return client;
    }

    private Task<Guid> SchoolIdAsync(string code) =>
        app.DbAsync(db => db.Schools.Where(s => s.Code == code).Select(s => s.Id).SingleAsync());

    [Fact]
    public async Task An_administrator_adds_an_assistant_teacher_who_then_appears_in_the_school_filter()
    {
        var client = await AdminAsync();
        var school = await SchoolIdAsync("64010005");
        var response = await client.SubmitAsync("/Admin/People/Edit", new Dictionary<string, string>
        {
            ["Input.Email"] = "somsri.new@sukhothai.example", ["Input.Title"] = "นางสาว", ["Input.FirstName"] = "สมศรี",
            ["Input.LastName"] = "ใฝ่เรียน", ["Input.Position"] = "AssistantTeacher", ["Input.SchoolId"] = school.ToString(),
            ["Input.SubjectArea"] = "ScienceAndTechnology", ["Input.Roles"] = "Learner", ["Input.SendInvitation"] = "false",
        }, handler: "Save");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var list = await client.PageAsync($"/Admin/People?schoolId={school}&position=AssistantTeacher");
        var body = list.QuerySelector("tbody")!.TextContent;
        Assert.Contains("นางสาวสมศรี ใฝ่เรียน", body);
        Assert.Contains("somsri.new", body); // username defaults to the e-mail's local part

        var audit = await app.DbAsync(db => db.AuditEntries.Where(a => a.EntityType == "Person" && a.Action == "Added")
            .OrderByDescending(a => a.Id).FirstAsync());
        Assert.Equal("admin", audit.ActorName);
        Assert.Contains("สมศรี", audit.After);
        Assert.Null(audit.Before);
    }

    [Fact]
    public async Task A_teacher_without_a_school_is_refused_with_a_Thai_message()
    {
        var client = await AdminAsync();
        var response = await client.SubmitAsync("/Admin/People/Edit", new Dictionary<string, string>
        {
            ["Input.Email"] = "noschool@sukhothai.example", ["Input.FirstName"] = "ไม่มี", ["Input.LastName"] = "โรงเรียน",
            ["Input.Position"] = "Teacher", ["Input.Roles"] = "Learner",
        }, handler: "Save");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("ต้องสังกัดโรงเรียน", (await response.HtmlAsync()).Body!.TextContent);
        Assert.False(await app.DbAsync(db => db.Users.AnyAsync(u => u.Email == "noschool@sukhothai.example")));
    }

    [Fact]
    public async Task An_email_already_in_use_is_refused()
    {
        var client = await AdminAsync();
        var response = await client.SubmitAsync("/Admin/People/Edit", new Dictionary<string, string>
        {
            ["Input.Email"] = "teacher@sukhothai.example", ["Input.UserName"] = "another", ["Input.FirstName"] = "ซ้ำ",
            ["Input.LastName"] = "อีเมล", ["Input.Position"] = "Supervisor", ["Input.Roles"] = "Learner",
        }, handler: "Save");
        Assert.Contains("มีผู้อื่นใช้แล้ว", (await response.HtmlAsync()).Body!.TextContent);
        Assert.Equal(0, await app.DbAsync(db => db.People.CountAsync(p => p.FirstName == "ซ้ำ")));
    }

    [Fact]
    public async Task Giving_a_teacher_the_course_designer_role_is_recorded_in_the_audit_log()
    {
        var (id, _) = await app.CreatePersonAsync([SystemRole.Learner]);
        var client = await AdminAsync();
        var response = await client.SubmitAsync($"/Admin/People/Edit/{id}", new Dictionary<string, string>
        {
            ["Input.Roles"] = Browser.Joined(SystemRole.Learner, SystemRole.CourseDesigner),
        }, handler: "Save");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var audit = await client.PageAsync($"/Admin/Audit?entityId={id}");
        var text = audit.QuerySelector("tbody")!.TextContent;
        Assert.Contains("RoleGranted", text);
        Assert.Contains("CourseDesigner", text);
        var roles = await app.DbAsync(db => (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id
            where ur.UserId == id select r.Name).ToListAsync());
        Assert.Equal([SystemRole.CourseDesigner, SystemRole.Learner], roles.Order().ToList()!);
    }

    [Fact]
    public async Task Renaming_a_person_records_before_and_after()
    {
        var (id, _) = await app.CreatePersonAsync([SystemRole.Learner]);
        var client = await AdminAsync();
        await client.SubmitAsync($"/Admin/People/Edit/{id}", new Dictionary<string, string> { ["Input.LastName"] = "นามสกุลใหม่" }, handler: "Save");

        var entry = await app.DbAsync(db => db.AuditEntries.Where(a => a.EntityId == id.ToString() && a.Action == "Modified"
            && a.EntityType == "Person").OrderByDescending(a => a.Id).FirstAsync());
        var before = JsonDocument.Parse(entry.Before!).RootElement;
        var after = JsonDocument.Parse(entry.After!).RootElement;
        Assert.StartsWith("u", before.GetProperty("LastName").GetString());
        Assert.Equal("นามสกุลใหม่", after.GetProperty("LastName").GetString());
        Assert.False(after.TryGetProperty("FirstName", out _)); // only what changed
    }

    [Fact]
    public async Task An_administrator_cannot_deactivate_themself_or_drop_their_own_admin_role()
    {
        var (id, user) = await app.CreatePersonAsync([SystemRole.Administrator], Position.EducationalPersonnel);
        var client = app.NewClient();
        await client.SignInOkAsync(user);
        await client.SubmitAsync($"/Admin/People/Edit/{id}", new Dictionary<string, string>(), handler: "Deactivate");
        Assert.True(await app.DbAsync(db => db.People.Where(p => p.Id == id).Select(p => p.IsActive).SingleAsync()));

        var drop = await client.SubmitAsync($"/Admin/People/Edit/{id}", new Dictionary<string, string>
        {
            ["Input.Roles"] = SystemRole.Learner,
        }, handler: "Save");
        Assert.Contains("ไม่สามารถลบบทบาทผู้ดูแลระบบของตนเองได้", (await drop.HtmlAsync()).Body!.TextContent);
    }

    [Fact]
    public async Task Deactivated_people_are_never_deleted_and_can_be_reactivated()
    {
        var (id, user) = await app.CreatePersonAsync([SystemRole.Learner]);
        var client = await AdminAsync();
        await client.SubmitAsync($"/Admin/People/Edit/{id}", new Dictionary<string, string>(), handler: "Deactivate");
        Assert.Contains(user, (await client.PageAsync("/Admin/People?status=inactive")).QuerySelector("tbody")!.TextContent);
        Assert.DoesNotContain(user, (await client.PageAsync($"/Admin/People?q={user}")).QuerySelector("tbody")!.TextContent);

        await client.SubmitAsync($"/Admin/People/Edit/{id}", new Dictionary<string, string>(), handler: "Reactivate");
        await app.NewClient().SignInOkAsync(user);
    }

    [Fact]
    public async Task Erasing_a_deactivated_person_removes_their_name_email_and_password_also_from_the_audit_log()
    {
        var (id, user) = await app.CreatePersonAsync([SystemRole.Learner]);
        var client = await AdminAsync();
        await client.SubmitAsync($"/Admin/People/Edit/{id}", new Dictionary<string, string> { ["Input.LastName"] = "ลับเฉพาะ" }, handler: "Save");
        // Refused while active.
        await client.SubmitAsync($"/Admin/People/Edit/{id}", new Dictionary<string, string>(), handler: "Anonymise");
        Assert.Null(await app.DbAsync(db => db.People.Where(p => p.Id == id).Select(p => p.AnonymisedAtUtc).SingleAsync()));

        await client.SubmitAsync($"/Admin/People/Edit/{id}", new Dictionary<string, string>(), handler: "Deactivate");
        await client.SubmitAsync($"/Admin/People/Edit/{id}", new Dictionary<string, string>(), handler: "Anonymise");

        var person = await app.DbAsync(db => db.People.SingleAsync(p => p.Id == id));
        var account = await app.DbAsync(db => db.Users.SingleAsync(u => u.Id == id));
        Assert.NotNull(person.AnonymisedAtUtc);
        Assert.DoesNotContain("ลับเฉพาะ", person.LastName);
        Assert.DoesNotContain(user, account.Email);
        Assert.Null(account.PasswordHash);
        var log = await app.DbAsync(db => db.AuditEntries.Where(a => a.EntityId == id.ToString()).ToListAsync());
        Assert.NotEmpty(log);
        Assert.All(log, a => Assert.DoesNotContain("ลับเฉพาะ", (a.Before ?? "") + (a.After ?? "")));
        Assert.All(log, a => Assert.DoesNotContain(user, (a.Before ?? "") + (a.After ?? "")));
    }

    [Fact]
    public async Task A_person_downloads_their_own_data_as_JSON()
    {
        var client = app.NewClient();
        await client.SignInOkAsync("teacher");
        var response = await client.GetAsync("/Account/MyData?handler=Download");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("กิ่งก้อย", json.GetProperty("Person").GetProperty("FirstName").GetString());
        Assert.Equal("teacher@sukhothai.example", json.GetProperty("Account").GetProperty("Email").GetString());
        Assert.DoesNotContain("PasswordHash", json.GetRawText());
    }

    [Fact]
    public async Task The_people_list_searches_Thai_names_and_pages_through_270_people()
    {
        var client = await AdminAsync();
        var all = await client.PageAsync("/Admin/People");
        Assert.Equal(50, all.QuerySelectorAll("tbody tr").Length);
        Assert.Contains("หน้า 1 จาก", all.QuerySelector(".pager")!.TextContent);

        var found = await client.PageAsync("/Admin/People?q=กิ่งก้อย ผู้ใฝ่รู้");
        Assert.Contains("teacher@sukhothai.example", found.QuerySelector("tbody")!.TextContent);
    }

    [Fact]
    public async Task Two_administrators_editing_the_same_person_cannot_overwrite_each_other()
    {
        var (id, _) = await app.CreatePersonAsync([SystemRole.Learner]);
        var client = await AdminAsync();
        var form = await client.PageAsync($"/Admin/People/Edit/{id}");
        var first = await client.SubmitAsync(form, $"/Admin/People/Edit/{id}", new Dictionary<string, string> { ["Input.FirstName"] = "แรก" }, handler: "Save");
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        var second = await client.SubmitAsync(form, $"/Admin/People/Edit/{id}", new Dictionary<string, string> { ["Input.FirstName"] = "สอง" }, handler: "Save");
        Assert.Contains("มีผู้อื่นแก้ไขข้อมูลนี้ในเวลาเดียวกัน", (await second.HtmlAsync()).Body!.TextContent);
        Assert.Equal("แรก", await app.DbAsync(db => db.People.Where(p => p.Id == id).Select(p => p.FirstName).SingleAsync()));
    }
}
