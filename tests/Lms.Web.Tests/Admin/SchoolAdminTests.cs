using System.Net;
using Lms.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Lms.Web.Tests.Admin;

public sealed class SchoolAdminTests(LmsAppFactory app) : IClassFixture<LmsAppFactory>
{
    private async Task<HttpClient> AdminAsync()
    {
        var client = app.NewClient();
        await client.SignInOkAsync("admin");
        return client;
    }

    [Fact]
    public async Task The_schools_page_lists_the_27_schools_of_Sukhothai()
    {
        var page = await (await AdminAsync()).PageAsync("/Admin/Schools?showInactive=true");
        var codes = page.QuerySelectorAll("tbody tr td:first-child").Select(td => td.TextContent.Trim()).ToHashSet();
        for (var i = 1; i <= 27; i++) Assert.Contains($"6401{i:D4}", codes);
        Assert.Contains("สุโขทัยวิทยาคม", page.Body!.TextContent);
    }

    [Fact]
    public async Task An_administrator_adds_a_school_and_finds_it_in_the_list()
    {
        var client = await AdminAsync();
        var response = await client.SubmitAsync("/Admin/Schools/Edit", new Dictionary<string, string>
        {
            ["Input.Code"] = "64019001", ["Input.NameTh"] = "  บ้านใหม่วิทยา  ", ["Input.District"] = "เมืองสุโขทัย",
            ["Input.Province"] = "สุโขทัย",
        }, handler: "Save");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var list = await client.PageAsync("/Admin/Schools?q=บ้านใหม่");
        Assert.Contains("บ้านใหม่วิทยา", list.QuerySelector("tbody")!.TextContent);
        Assert.Equal("บ้านใหม่วิทยา", await app.DbAsync(db => db.Schools.Where(s => s.Code == "64019001").Select(s => s.NameTh).SingleAsync()));
    }

    [Fact]
    public async Task A_duplicate_school_code_is_refused_with_a_Thai_message()
    {
        var client = await AdminAsync();
        var response = await client.SubmitAsync("/Admin/Schools/Edit", new Dictionary<string, string>
        {
            ["Input.Code"] = "64010001", ["Input.NameTh"] = "ซ้ำ",
        }, handler: "Save");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("มีโรงเรียนอื่นใช้รหัส 64010001 แล้ว", (await response.HtmlAsync()).Body!.TextContent);
        Assert.Equal(1, await app.DbAsync(db => db.Schools.CountAsync(s => s.Code == "64010001")));
    }

    [Fact]
    public async Task A_deactivated_school_keeps_its_people_and_leaves_the_default_list()
    {
        var client = await AdminAsync();
        var id = await app.DbAsync(db => db.Schools.Where(s => s.Code == "64010027").Select(s => s.Id).SingleAsync());
        var staff = await app.DbAsync(db => db.People.CountAsync(p => p.SchoolId == id));
        var response = await client.SubmitAsync($"/Admin/Schools/Edit/{id}", new Dictionary<string, string>(), handler: "Deactivate");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        Assert.DoesNotContain("64010027", (await client.PageAsync("/Admin/Schools")).QuerySelector("tbody")!.TextContent);
        Assert.Contains("64010027", (await client.PageAsync("/Admin/Schools?showInactive=true")).QuerySelector("tbody")!.TextContent);
        Assert.Equal(staff, await app.DbAsync(db => db.People.CountAsync(p => p.SchoolId == id)));
        Assert.True(staff > 0);
    }

    [Fact]
    public async Task Saving_over_someone_elses_change_is_refused()
    {
        var client = await AdminAsync();
        var id = await app.DbAsync(db => db.Schools.Where(s => s.Code == "64010002").Select(s => s.Id).SingleAsync());
        var form = await client.PageAsync($"/Admin/Schools/Edit/{id}"); // both admins opened the form

        var first = await client.SubmitAsync(form, $"/Admin/Schools/Edit/{id}", new Dictionary<string, string>
        {
            ["Input.Code"] = "64010002", ["Input.NameTh"] = "อุดมดรุณี (แก้ครั้งที่ 1)",
        }, handler: "Save");
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);

        var second = await client.SubmitAsync(form, $"/Admin/Schools/Edit/{id}", new Dictionary<string, string>
        {
            ["Input.Code"] = "64010002", ["Input.NameTh"] = "อุดมดรุณี (แก้ครั้งที่ 2)",
        }, handler: "Save");
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Contains("มีผู้อื่นแก้ไขข้อมูลนี้ในเวลาเดียวกัน", (await second.HtmlAsync()).Body!.TextContent);
        Assert.Equal("อุดมดรุณี (แก้ครั้งที่ 1)", await app.DbAsync(db => db.Schools.Where(s => s.Id == id).Select(s => s.NameTh).SingleAsync()));
    }
}
