using System.Net;
using Lms.Web.Tests.Support;

namespace Lms.Web.Tests.Localization;

public sealed class LanguageTests(LmsAppFactory app) : IClassFixture<LmsAppFactory>
{
    [Fact]
    public async Task Pages_are_Thai_by_default_even_when_the_browser_asks_for_English()
    {
        var client = app.NewClient();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en-US,en;q=0.9");
        var page = await client.PageAsync("/Account/Login");
        Assert.Equal("เข้าสู่ระบบ", page.Text("h1"));
    }

    [Fact]
    public async Task Switching_to_English_is_remembered_across_pages_and_on_the_account()
    {
        var (_, user) = await app.CreatePersonAsync([Lms.Domain.Organisation.SystemRole.Learner]);
        var client = app.NewClient();
        await client.SignInOkAsync(user);
        var home = await client.PageAsync("/");
        var switched = await client.SubmitAsync(home, "/", new Dictionary<string, string> { ["culture"] = "en-GB" },
            formSelector: "form.lang-switch");
        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);

        var english = await client.PageAsync("/");
        Assert.StartsWith("Hello,", english.Text("h1"));
        Assert.Equal("en", english.DocumentElement.GetAttribute("lang"));
        Assert.Contains("Fiscal year", english.Text("[data-testid=who-am-i]"));
        Assert.StartsWith("Change password", (await client.PageAsync("/Account/ChangePassword")).Text("h1"));

        // A new device: signing in brings the chosen language back.
        var phone = app.NewClient();
        await phone.SignInOkAsync(user);
        Assert.StartsWith("Hello,", (await phone.PageAsync("/")).Text("h1"));
    }

    [Fact]
    public async Task Thai_dates_are_shown_in_the_Buddhist_Era()
    {
        var client = app.NewClient();
        await client.SignInOkAsync("teacher");
        var who = (await client.PageAsync("/")).Text("[data-testid=who-am-i]");
        var gregorian = DateTime.UtcNow.AddHours(7).Year;
        Assert.Contains($"{gregorian + 543}", who);
        Assert.Matches(@"\d{1,2} (ม\.ค\.|ก\.พ\.|มี\.ค\.|เม\.ย\.|พ\.ค\.|มิ\.ย\.|ก\.ค\.|ส\.ค\.|ก\.ย\.|ต\.ค\.|พ\.ย\.|ธ\.ค\.) 25\d\d", who);
    }
}
