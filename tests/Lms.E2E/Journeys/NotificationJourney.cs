using System.Text.RegularExpressions;
using Lms.E2E.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Lms.E2E.Journeys;

/// <summary>
/// A teacher hands in the demo course's plan and keeps the page open; a trainer grades it in another browser; the
/// teacher's bell rings at once, without a reload (SignalR over a WebSocket, within the CSP), and the notification
/// leads straight to the grade.
/// </summary>
[Collection(LiveAppCollection.Name)]
public sealed class NotificationJourney(LiveApp app, Chromium chromium)
{
    private const string TeacherAccount = "s04p06"; // a teacher of the fourth demo school, used by no other journey
    private const string DemoCourse = "การจัดการเรียนรู้เชิงรุก (Active Learning) สำหรับครู";
    private const string Assignment = "ส่งแผนการจัดการเรียนรู้ 1 แผน";

    [Fact]
    public async Task The_teachers_bell_rings_live_when_the_trainer_grades_and_the_notification_leads_to_the_grade()
    {
        await using var teacher = await Session.OpenAsync(chromium, app);
        var t = teacher.Page;
        var sockets = new List<string>();
        t.WebSocket += (_, ws) => { lock (sockets) sockets.Add(ws.Url); };
        await teacher.SignInAsync(TeacherAccount);
        var name = (await t.Locator("h1").InnerTextAsync()).Replace("สวัสดี", "").Trim();
        await t.GotoAsync("/Learn/Catalogue");
        await t.GetByTestId("catalogue-course").Filter(new() { HasText = DemoCourse }).GetByTestId("enrol").ClickAsync();
        await Expect(t).ToHaveURLAsync(new Regex(@"/Learn/Course/[0-9a-f-]{36}$"));
        await t.GetByRole(AriaRole.Link, new() { Name = Assignment, Exact = true }).ClickAsync();
        await t.GetByLabel("คำตอบ", new() { Exact = false }).FillAsync("แผนการสอนเรื่องการอ่านจับใจความ ใช้กิจกรรมคิด-จับคู่-แลกเปลี่ยน");
        await t.GetByTestId("hand-in").ClickAsync();
        await Expect(t.GetByTestId("submission-status")).ToContainTextAsync("รอตรวจ");

        var bell = t.GetByTestId("bell");
        var count = bell.Locator("[data-unread-count]");
        await Expect(bell).ToHaveAttributeAsync("data-live", "connected");
        await Expect(count).ToBeHiddenAsync();
        // A real WebSocket, allowed by the CSP's connect-src 'self' (no fallback to long polling).
        lock (sockets) Assert.Contains(sockets, url => url.StartsWith(app.BaseUrl.Replace("http://", "ws://") + "/hubs/notifications"));

        // The network drops and comes back (a teacher's phone between classrooms): the bell reconnects by itself.
        await teacher.Context.SetOfflineAsync(true);
        await Expect(bell).ToHaveAttributeAsync("data-live", "reconnecting", new() { Timeout = 60_000 });
        await teacher.Context.SetOfflineAsync(false);
        await Expect(bell).ToHaveAttributeAsync("data-live", "connected", new() { Timeout = 60_000 });

        await using (var trainer = await Session.OpenAsync(chromium, app))
        {
            var g = trainer.Page;
            await trainer.SignInAsync("trainer");
            await g.GotoAsync("/Teach/Grading");
            await g.GetByTestId("to-grade").Filter(new() { HasText = name }).Filter(new() { HasText = Assignment })
                .GetByRole(AriaRole.Link).ClickAsync();
            await g.Locator("#score-0").FillAsync("4");
            await g.Locator("#score-1").FillAsync("5");
            await g.Locator("#feedback").FillAsync("กิจกรรมเหมาะสมดีมาก");
            await g.GetByTestId("save-grade").ClickAsync();
            await Expect(g).ToHaveURLAsync(new Regex("/Teach/Grading$"));
            trainer.AssertCleanConsole();
        }

        // The teacher's page, still the same one: the count and a notice arrive by themselves.
        await Expect(count).ToHaveTextAsync("1");
        await Expect(bell).ToHaveAttributeAsync("aria-label", "การแจ้งเตือน ยังไม่ได้อ่าน 1 รายการ");
        var toast = t.Locator(".toast");
        await Expect(toast).ToContainTextAsync("การแจ้งเตือนใหม่");
        await Expect(toast).ToContainTextAsync($"งาน \"{Assignment}\" ได้รับการตรวจแล้ว");
        await teacher.ScreenshotAsync("notification-toast");

        await toast.GetByRole(AriaRole.Link).ClickAsync();
        await Expect(t.GetByTestId("grade")).ToHaveTextAsync("คะแนน 9 / 10");
        await Expect(t.GetByTestId("bell").Locator("[data-unread-count]")).ToBeHiddenAsync();

        await t.GetByTestId("bell").ClickAsync();
        await Expect(t.Locator("h1")).ToHaveTextAsync("การแจ้งเตือน");
        var item = t.Locator(".notification").First;
        await Expect(item).ToContainTextAsync("คะแนน 9 / 10");
        await Expect(item).ToContainTextAsync("กิจกรรมเหมาะสมดีมาก");
        await Expect(item).ToHaveClassAsync(new Regex(@"\bread\b"));
        await teacher.ScreenshotAsync("notification-centre");

        // How they arrive: per kind, in Thai.
        await t.GetByRole(AriaRole.Link, new() { Name = "วิธีรับการแจ้งเตือน" }).ClickAsync();
        await Expect(t.GetByTestId("quiet-hours")).ToContainTextAsync("21:00 ถึง 07:00");
        await t.Locator("#choice-NoProgress-EmailToo").CheckAsync();
        await t.GetByRole(AriaRole.Button, new() { Name = "บันทึก" }).ClickAsync();
        await Expect(t.Locator(".notice")).ToContainTextAsync("บันทึกวิธีรับการแจ้งเตือนแล้ว");
        await Expect(t.Locator("#choice-NoProgress-EmailToo")).ToBeCheckedAsync();
        await teacher.ScreenshotAsync("notification-preferences");
        teacher.AssertCleanConsole();
    }
}
