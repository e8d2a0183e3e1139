using System.Diagnostics;
using Lms.E2E.Support;
using static Microsoft.Playwright.Assertions;

namespace Lms.E2E.Journeys;

[Collection(LiveAppCollection.Name)]
public sealed class ContentSecurityPolicyJourney(LiveApp app, Chromium chromium)
{
    [Fact]
    public async Task Dashboard_runs_without_breaking_the_content_security_policy()
    {
        await using var s = await Session.OpenAsync(chromium, app);
        var page = s.Page;
        await s.SignInAsync(Demo.Admin);
        await page.ReloadAsync();
        await Expect(page.GetByTestId("who-am-i")).ToBeVisibleAsync();
        // The script ran (it marks the body), so a silent block of site.js would not pass unnoticed.
        await Expect(page.Locator("body")).ToHaveClassAsync("js");
        s.AssertCleanConsole();

        // The watcher itself works: markup with an inline style is refused and reported.
        await page.EvaluateAsync("() => { document.getElementById('main').insertAdjacentHTML('beforeend', '<p style=\"color:red\">x</p>'); }");
        var clock = Stopwatch.StartNew();
        while (s.CspViolations.Count == 0 && clock.Elapsed < TimeSpan.FromSeconds(5)) await Task.Delay(50);
        Assert.NotEmpty(s.CspViolations);
    }
}
