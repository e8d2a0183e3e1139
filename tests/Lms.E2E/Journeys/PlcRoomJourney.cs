using System.Globalization;
using System.Text.RegularExpressions;
using Lms.E2E.Support;
using Microsoft.Playwright;
using Npgsql;
using static Microsoft.Playwright.Assertions;

namespace Lms.E2E.Journeys;

/// <summary>
/// A director sets up a PLC group of two teachers; the teachers talk in its room from two browsers. One teacher's
/// network drops: the other goes on writing, and the first writes a message while offline (kept in the page's outbox).
/// Back online, the first sees what was missed in order, their own message is sent once, and the other sees it too.
/// Then the facilitator records the meeting with those messages, the director approves it, and the member's dashboard
/// shows the hour (issue 7's journey end to end).
/// </summary>
[Collection(LiveAppCollection.Name)]
public sealed class PlcRoomJourney(LiveApp app, Chromium chromium)
{
    // People of the fifth demo school, used by no other journey.
    private const string Director = "s05p01";
    private const string Facilitator = "s05p06";
    private const string Member = "s05p07";

    [Fact]
    public async Task Two_teachers_talk_one_goes_offline_and_comes_back_to_every_message_in_order_then_their_meeting_is_approved_and_the_hour_shows()
    {
        var facilitatorName = await NameAsync(Facilitator);
        var memberName = await NameAsync(Member);

        await using (var director = await Session.OpenAsync(chromium, app))
        {
            var d = director.Page;
            await director.SignInAsync(Director);
            await d.GotoAsync("/Plc/Groups/Edit");
            await d.GetByLabel("ชื่อกลุ่ม").FillAsync("PLC ภาษาไทย ม.ต้น (วารีวิทยา)");
            await d.GetByRole(AriaRole.Button, new() { Name = "บันทึก", Exact = true }).ClickAsync();
            await Expect(d).ToHaveURLAsync(new Regex(@"/Plc/Groups/Edit/[0-9a-f-]{36}$"));
            foreach (var (name, role) in new[] { (facilitatorName, "Facilitator"), (memberName, "Member") })
            {
                await d.GetByLabel("ค้นหาบุคคลตามชื่อ").FillAsync(name);
                await d.GetByRole(AriaRole.Button, new() { Name = "ค้นหา", Exact = true }).ClickAsync();
                var row = d.Locator("[data-plc-candidates] li").Filter(new() { HasText = name });
                await row.Locator("select").SelectOptionAsync(role);
                await row.GetByRole(AriaRole.Button, new() { Name = "เพิ่ม", Exact = true }).ClickAsync();
                await Expect(d.Locator("[data-plc-members]")).ToContainTextAsync(name);
            }
            director.AssertCleanConsole();
        }

        await using var one = await Session.OpenAsync(chromium, app);
        await using var two = await Session.OpenAsync(chromium, app);
        await one.SignInAsync(Facilitator);
        await two.SignInAsync(Member);
        foreach (var s in new[] { one, two })
        {
            await s.Page.GotoAsync("/Plc");
            await s.Page.GetByRole(AriaRole.Link, new() { Name = "PLC ภาษาไทย ม.ต้น (วารีวิทยา)" }).First.ClickAsync();
            await Expect(s.Page.GetByTestId("plc-room")).ToHaveAttributeAsync("data-live", "connected");
        }
        var p1 = one.Page;
        var p2 = two.Page;

        await Say(p1, "สวัสดีค่ะ วันนี้คุยเรื่อง **การอ่านจับใจความ** กันนะคะ");
        await Expect(p2.GetByTestId("plc-messages")).ToContainTextAsync("การอ่านจับใจความ");
        await Expect(p2.GetByTestId("plc-messages").Locator("strong").Filter(new() { HasText = "การอ่านจับใจความ" })).ToBeVisibleAsync();

        // The member's network drops; the room goes on without them.
        await two.Context.SetOfflineAsync(true);
        await Expect(p2.GetByTestId("plc-room")).ToHaveAttributeAsync("data-live", "reconnecting", new() { Timeout = 60_000 });
        for (var i = 1; i <= 3; i++) await Say(p1, $"ข้อที่ {i} ระหว่างที่ครูอีกคนออฟไลน์");
        await Say(p2, "ส่งตอนออฟไลน์ค่ะ");
        await Expect(p2.Locator("li.pending")).ToContainTextAsync("ส่งตอนออฟไลน์ค่ะ");

        await two.Context.SetOfflineAsync(false);
        await Expect(p2.GetByTestId("plc-room")).ToHaveAttributeAsync("data-live", "connected", new() { Timeout = 60_000 });
        await Expect(p2.Locator("li.pending")).ToHaveCountAsync(0, new() { Timeout = 30_000 });
        var expected = new[]
        {
            "การอ่านจับใจความ", "ข้อที่ 1 ระหว่าง", "ข้อที่ 2 ระหว่าง", "ข้อที่ 3 ระหว่าง", "ส่งตอนออฟไลน์ค่ะ",
        };
        foreach (var page in new[] { p1, p2 })
        {
            var messages = page.GetByTestId("plc-messages").Locator("li.plc-message");
            await Expect(messages).ToHaveCountAsync(expected.Length, new() { Timeout = 30_000 });
            for (var i = 0; i < expected.Length; i++) await Expect(messages.Nth(i)).ToContainTextAsync(expected[i]);
        }
        // A reload shows the same room (nothing doubled by the outbox).
        await p2.ReloadAsync();
        await Expect(p2.GetByTestId("plc-room")).ToHaveAttributeAsync("data-live", "connected");
        await Expect(p2.GetByTestId("plc-messages").Locator("li.plc-message")).ToHaveCountAsync(expected.Length);
        await using (var db = new NpgsqlConnection(app.ConnectionString))
        {
            await db.OpenAsync();
            await using var cmd = new NpgsqlCommand("SELECT count(*) FROM plc_messages WHERE body = 'ส่งตอนออฟไลน์ค่ะ'", db);
            Assert.Equal(1L, (long)(await cmd.ExecuteScalarAsync())!);
        }
        await two.ScreenshotAsync("plc-room");

        // The facilitator records the meeting in the logbook with the room's messages of it; the director approves it;
        // the hour reaches the member's dashboard.
        p1.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        await p1.Locator("a[href^='/Plc/Logbook/']").First.ClickAsync();
        await p1.GetByTestId("record-meeting").ClickAsync();
        var topic = $"ร่วมกันระบุปัญหาการอ่านจับใจความ {Guid.NewGuid():N}"[..44];
        var thaiNow = DateTime.UtcNow.AddHours(7);
        var start = thaiNow.Hour == 0 ? thaiNow.Date : thaiNow.AddHours(-1);
        await p1.GetByLabel("หัวข้อ").FillAsync(topic);
        await p1.GetByLabel("วันที่").FillAsync(thaiNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await p1.GetByLabel("เวลาเริ่ม (เวลาประเทศไทย)").FillAsync(start.ToString("HH:mm", CultureInfo.InvariantCulture));
        await p1.GetByLabel("ระยะเวลา (นาที)").FillAsync("60");
        await p1.GetByLabel("ขั้นตอนของวงจร PLC").SelectOptionAsync("FindProblem");
        await p1.GetByLabel(facilitatorName).CheckAsync();
        await p1.GetByLabel(memberName).CheckAsync();
        await p1.GetByLabel("บันทึกการประชุม (Markdown)").FillAsync("## ปัญหาที่พบ\n\nนักเรียนสรุปใจความสำคัญไม่ได้");
        await p1.GetByTestId("save-meeting").ClickAsync();
        await p1.Locator("#Input_ChatFrom").SelectOptionAsync("1");
        await p1.Locator("#Input_ChatTo").SelectOptionAsync(expected.Length.ToString(CultureInfo.InvariantCulture));
        await p1.GetByTestId("submit-meeting").ClickAsync();
        await Expect(p1.GetByTestId("meeting-status")).ToHaveTextAsync("รออนุมัติ");

        await using (var director = await Session.OpenAsync(chromium, app))
        {
            var d = director.Page;
            await director.SignInAsync(Director);
            await d.GotoAsync("/Plc/Approvals");
            await d.GetByTestId("waiting").Filter(new() { HasText = topic }).GetByTestId("approve").ClickAsync();
            await Expect(d.Locator(".notice.success")).ToContainTextAsync("อนุมัติบันทึกการประชุมแล้ว");
            director.AssertCleanConsole();
        }

        await p2.GotoAsync("/");
        await Expect(p2.GetByTestId("plc-hours")).ToContainTextAsync(new Regex(@": 1 / 50\b"));
        one.AssertCleanConsole();
        two.AssertCleanConsole();
    }

    private static async Task Say(IPage page, string text)
    {
        await page.GetByTestId("plc-body").FillAsync(text);
        await page.GetByTestId("plc-send").ClickAsync();
    }

    private async Task<string> NameAsync(string userName)
    {
        await using var db = new NpgsqlConnection(app.ConnectionString);
        await db.OpenAsync();
        await using var cmd = new NpgsqlCommand("SELECT p.first_name || ' ' || p.last_name FROM people p JOIN users u ON u.id = p.id WHERE u.user_name = $1", db);
        cmd.Parameters.Add(new() { Value = userName });
        return (string)(await cmd.ExecuteScalarAsync())!;
    }
}
