using Lms.E2E.Support;
using static Microsoft.Playwright.Assertions;

namespace Lms.E2E.Journeys;

[Collection(LiveAppCollection.Name)]
public sealed class AccessJourney(LiveApp app, Chromium chromium)
{
    [Fact]
    public async Task Director_does_not_see_administration_and_gets_access_denied_there()
    {
        await using var s = await Session.OpenAsync(chromium, app);
        var page = s.Page;
        await s.SignInAsync(Demo.Director);

        await Expect(page.Locator("#main-nav")).ToBeVisibleAsync();
        await Expect(page.Locator("#main-nav a")).Not.ToHaveCountAsync(0);
        await Expect(page.Locator("a[href^='/Admin' i]")).ToHaveCountAsync(0);
        await Expect(page.GetByRole(Microsoft.Playwright.AriaRole.Link, new() { Name = "ผู้ดูแลระบบ" })).ToHaveCountAsync(0);

        await page.GotoAsync("/Admin/People");
        Assert.Contains("/Account/AccessDenied", page.Url);
        await Expect(page.Locator("h1")).ToHaveTextAsync("ไม่มีสิทธิ์เข้าถึง");
        await Expect(page.Locator("tbody tr")).ToHaveCountAsync(0);
        s.AssertCleanConsole();
    }
}
