using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Lms.E2E.Support;

/// <summary>
/// One person at one browser: a fresh context (own cookies) with one page, watching the console
/// for Content-Security-Policy violations and the page for uncaught script errors.
/// </summary>
public sealed class Session : IAsyncDisposable
{
    private readonly List<string> cspViolations = [];
    private readonly List<string> scriptErrors = [];

    private readonly string baseUrl;

    private Session(IBrowserContext context, IPage page, string baseUrl)
    {
        Context = context;
        Page = page;
        this.baseUrl = baseUrl;
    }

    public IBrowserContext Context { get; }
    public IPage Page { get; }

    /// <summary>Console messages in which the browser reported a CSP violation.</summary>
    public IReadOnlyList<string> CspViolations => cspViolations;

    public static async Task<Session> OpenAsync(Chromium chromium, LiveApp app, ViewportSize? viewport = null)
    {
        var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.BaseUrl,
            Locale = "th-TH",
            TimezoneId = "Asia/Bangkok",
            ViewportSize = viewport ?? new ViewportSize { Width = 1280, Height = 900 },
        });
        context.SetDefaultTimeout(15_000);
        var session = new Session(context, await context.NewPageAsync(), app.BaseUrl);
        session.Watch(session.Page);
        return session;
    }

    /// <summary>Also watch another page of the same context.</summary>
    public void Watch(IPage page)
    {
        page.Console += (_, msg) =>
        {
            if (msg.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
                lock (cspViolations) cspViolations.Add($"{page.Url}: {msg.Text}");
        };
        page.PageError += (_, error) =>
        {
            lock (scriptErrors) scriptErrors.Add($"{page.Url}: {error}");
        };
    }

    /// <summary>Signs in on the sign-in page and waits for the dashboard.</summary>
    public async Task SignInAsync(string userName, string password = Demo.Password)
    {
        if (!Page.Url.Contains("/Account/Login", StringComparison.OrdinalIgnoreCase))
            await Page.GotoAsync("/Account/Login");
        await Page.Locator("#Input_Login").FillAsync(userName);
        await Page.Locator("#Input_Password").FillAsync(password);
        await Page.GetByTestId("sign-in").ClickAsync();
        await Expect(Page).ToHaveURLAsync(baseUrl + "/");
        await Expect(Page.GetByTestId("who-am-i")).ToBeVisibleAsync();
    }

    /// <summary>Nothing the pages did so far broke the CSP or threw.</summary>
    public void AssertCleanConsole()
    {
        lock (cspViolations) Assert.True(cspViolations.Count == 0, "CSP violations:\n" + string.Join("\n", cspViolations));
        lock (scriptErrors) Assert.True(scriptErrors.Count == 0, "Script errors:\n" + string.Join("\n", scriptErrors));
    }

    /// <summary>Saves a full-page screenshot under the test output folder (bin/…/screenshots) and returns its path.</summary>
    public async Task<string> ScreenshotAsync(string name)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, name + ".png");
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        return path;
    }

    public async ValueTask DisposeAsync() => await Context.CloseAsync();
}
