using Lms.E2E.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Lms.E2E.Journeys;

/// <summary>A teacher puts their deadlines in a phone calendar; an administrator looks at the reminder settings.</summary>
[Collection(LiveAppCollection.Name)]
public sealed class CalendarJourney(LiveApp app, Chromium chromium)
{
    [Fact]
    public async Task A_teacher_makes_a_calendar_link_that_a_calendar_app_can_read_and_resets_it()
    {
        await using var s = await Session.OpenAsync(chromium, app);
        var page = s.Page;
        await s.SignInAsync(Demo.Teacher);
        await page.GetByRole(AriaRole.Link, new() { Name = "ปฏิทินของฉัน" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "สร้างลิงก์ปฏิทินของฉัน" }).ClickAsync();

        var field = page.Locator("[data-testid=feed-url]");
        await Expect(field).ToHaveValueAsync(new System.Text.RegularExpressions.Regex(@"/calendar/[A-Za-z0-9_-]{43}\.ics$"));
        var url = await field.InputValueAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "คัดลอกลิงก์" }).ClickAsync();
        await s.ScreenshotAsync("my-calendar-link");

        // A calendar app: no cookies, only the address.
        var calendarApp = await s.Context.Browser!.NewContextAsync();
        var feed = await calendarApp.APIRequest.GetAsync(url);
        Assert.Equal(200, feed.Status);
        Assert.StartsWith("text/calendar", feed.Headers["content-type"]);
        Assert.StartsWith("BEGIN:VCALENDAR", await feed.TextAsync());

        await page.GetByRole(AriaRole.Button, new() { Name = "สร้างลิงก์ใหม่ (ลิงก์เดิมจะใช้ไม่ได้)" }).ClickAsync();
        await Expect(field).Not.ToHaveValueAsync(url);
        Assert.Equal(404, (await calendarApp.APIRequest.GetAsync(url)).Status);
        await calendarApp.CloseAsync();
        s.AssertCleanConsole();
    }

    [Fact]
    public async Task An_administrator_sees_the_reminder_settings_in_Thai_and_a_wrong_value_is_explained()
    {
        await using var s = await Session.OpenAsync(chromium, app);
        var page = s.Page;
        await s.SignInAsync(Demo.Admin);
        await page.GotoAsync($"{app.BaseUrl}/Admin");
        await page.GetByRole(AriaRole.Link, new() { Name = "การเตือนอัตโนมัติ" }).ClickAsync();
        await Expect(page.GetByTestId("deadline-days")).ToHaveValueAsync("7, 1");
        await page.GetByLabel("จำนวนชั่วโมงก่อนแบบทดสอบปิด").FillAsync("500");
        await page.GetByTestId("save-reminders").ClickAsync();
        await Expect(page.Locator("[data-valmsg-for='Input.QuizClosingHours']")).ToContainTextAsync("จำนวนชั่วโมงก่อนแบบทดสอบปิดต้องอยู่ระหว่าง 1 ถึง 168 ชั่วโมง");
        await s.ScreenshotAsync("admin-reminders");
        s.AssertCleanConsole();
    }
}
