using Lms.E2E.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Lms.E2E.Journeys;

[Collection(LiveAppCollection.Name)]
public sealed class PhoneJourney(LiveApp app, Chromium chromium)
{
    [Fact]
    public async Task Phone_sized_screen_shows_the_menu_behind_a_button()
    {
        await using var s = await Session.OpenAsync(chromium, app, new ViewportSize { Width = 390, Height = 844 });
        var page = s.Page;
        await s.SignInAsync(Demo.Teacher);

        var toggle = page.Locator(".nav-toggle");
        var nav = page.Locator("#main-nav");
        var signOut = page.GetByRole(AriaRole.Button, new() { Name = "ออกจากระบบ" });
        await Expect(toggle).ToBeVisibleAsync();
        await Expect(toggle).ToHaveAttributeAsync("aria-expanded", "false");
        await Expect(nav).ToBeHiddenAsync();
        await Expect(signOut).ToBeHiddenAsync();
        await AssertNoSidewaysScrollingAsync(page);
        await s.ScreenshotAsync("phone-dashboard-menu-closed");

        await toggle.ClickAsync();
        await Expect(toggle).ToHaveAttributeAsync("aria-expanded", "true");
        await Expect(nav).ToBeVisibleAsync();
        await Expect(signOut).ToBeVisibleAsync();
        await Expect(nav.GetByRole(AriaRole.Link, new() { Name = "หน้าหลัก" })).ToBeVisibleAsync();
        await AssertNoSidewaysScrollingAsync(page);
        await s.ScreenshotAsync("phone-dashboard-menu-open");

        await toggle.ClickAsync();
        await Expect(nav).ToBeHiddenAsync();
        s.AssertCleanConsole();
    }

    private static async Task AssertNoSidewaysScrollingAsync(IPage page)
    {
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
        var (content, viewport) = (widths[0], widths[1]);
        Assert.True(content <= viewport, $"The page is {content}px wide on a {viewport}px screen.");
    }
}
