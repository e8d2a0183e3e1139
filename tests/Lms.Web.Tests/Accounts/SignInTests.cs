using System.Net;
using Lms.Web.Tests.Support;

namespace Lms.Web.Tests.Accounts;

public sealed class SignInTests(LmsAppFactory app) : IClassFixture<LmsAppFactory>
{
    [Fact]
    public async Task Teacher_signs_in_with_username_and_sees_own_dashboard_in_Thai()
    {
        var client = app.NewClient();
        await client.SignInOkAsync("teacher");

        var page = await client.PageAsync("/");

        Assert.Contains("นางสาวกิ่งก้อย ผู้ใฝ่รู้", page.Text("h1"));
        Assert.StartsWith("สวัสดี", page.Text("h1"));
        Assert.Equal("th", page.DocumentElement.GetAttribute("lang"));
        var who = page.Text("[data-testid=who-am-i]");
        Assert.Contains("ครู", who);
        Assert.Contains("สุโขทัยวิทยาคม", who);
        Assert.Contains("ปีงบประมาณ พ.ศ. 25", who); // the fiscal year in the Buddhist Era
    }

    [Fact]
    public async Task Signing_in_with_the_email_address_works_too()
    {
        var client = app.NewClient();
        await client.SignInOkAsync("assistant@sukhothai.example");
        Assert.Contains("ณัฐพล", (await client.PageAsync("/")).Text("h1"));
    }

    [Fact]
    public async Task Wrong_password_is_refused_with_a_Thai_message_and_no_session()
    {
        var client = app.NewClient();
        var response = await client.SignInAsync("staff", "wrong-password-1");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.HtmlAsync();
        Assert.Contains("อีเมล/ชื่อผู้ใช้ หรือรหัสผ่านไม่ถูกต้อง", page.Text(".validation-summary-errors"));
        var home = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.StartsWith("/Account/Login", home.Headers.Location!.OriginalString.Replace("https://localhost", ""));
    }

    [Fact]
    public async Task Unknown_account_gets_the_same_message_as_a_wrong_password()
    {
        var client = app.NewClient();
        var page = await (await client.SignInAsync("nobody-here", "whatever-123")).HtmlAsync();
        Assert.Contains("อีเมล/ชื่อผู้ใช้ หรือรหัสผ่านไม่ถูกต้อง", page.Text(".validation-summary-errors"));
    }

    [Fact]
    public async Task Empty_form_shows_what_is_missing_in_Thai()
    {
        var client = app.NewClient();
        var page = await (await client.SignInAsync("", "")).HtmlAsync();
        Assert.Contains("กรุณากรอกอีเมลหรือชื่อผู้ใช้", page.DocumentElement.TextContent);
        Assert.Contains("กรุณากรอกรหัสผ่าน", page.DocumentElement.TextContent);
    }

    [Fact]
    public async Task A_return_url_to_another_site_is_ignored()
    {
        var client = app.NewClient();
        var response = await client.SubmitAsync("/Account/Login?ReturnUrl=https%3A%2F%2Fevil.example%2F",
            new Dictionary<string, string> { ["Input.Login"] = "teacher", ["Input.Password"] = LmsAppFactory.DemoPassword });
        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Signing_out_ends_the_session()
    {
        var client = app.NewClient();
        await client.SignInOkAsync("teacher");
        var home = await client.PageAsync("/");
        var response = await client.SubmitAsync(home, "/", new Dictionary<string, string>(), formSelector: "form[action='/Account/Logout']");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);
    }
}
