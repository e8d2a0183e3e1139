using System.Globalization;
using System.Text.RegularExpressions;
using Lms.E2E.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Lms.E2E.Journeys;

/// <summary>
/// The PLC logbook in Thai: the facilitator records yesterday's meeting (with a live preview of the minutes) and sends it
/// for approval; the director approves it in another browser; the hour shows on the teacher's dashboard.
/// </summary>
[Collection(LiveAppCollection.Name)]
public sealed partial class PlcLogbookJourney(LiveApp app, Chromium chromium)
{
    [GeneratedRegex(@": ([\d.]+) / ")]
    private static partial Regex Approved();

    private static async Task<decimal> ApprovedHoursAsync(IPage page)
    {
        await page.GotoAsync("/");
        var text = await page.GetByTestId("plc-hours").TextContentAsync() ?? "";
        return decimal.Parse(Approved().Match(text).Groups[1].Value, CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task The_facilitator_records_a_meeting_the_director_approves_it_and_the_hours_reach_the_dashboard()
    {
        await using var teacher = await Session.OpenAsync(chromium, app);
        var t = teacher.Page;
        t.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        await teacher.SignInAsync(Demo.Teacher);
        var before = await ApprovedHoursAsync(t);

        await t.GetByRole(AriaRole.Link, new() { Name = "ชั่วโมง PLC ของฉัน" }).First.ClickAsync();
        await t.GetByRole(AriaRole.Link, new() { Name = "PLC ครูภาษาไทยและคณิตศาสตร์ ม.ต้น สุโขทัยวิทยาคม" }).ClickAsync();
        await t.GetByTestId("record-meeting").ClickAsync();
        var topic = $"สะท้อนผลการสอนอ่านจับใจความ {Guid.NewGuid():N}"[..40];
        await t.GetByLabel("หัวข้อ").FillAsync(topic);
        var yesterday = DateTime.UtcNow.AddHours(7).AddDays(-1);
        await t.GetByLabel("วันที่").FillAsync(yesterday.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await t.GetByLabel("เวลาเริ่ม (เวลาประเทศไทย)").FillAsync("15:30");
        await t.GetByLabel("ระยะเวลา (นาที)").FillAsync("60");
        await t.GetByLabel("ขั้นตอนของวงจร PLC").SelectOptionAsync("Reflect");
        await t.GetByLabel(Demo.TeacherFullName).CheckAsync();
        await t.GetByLabel("บันทึกการประชุม (Markdown)").FillAsync("## ผลการสะท้อน\n\nนักเรียนใช้ผังความคิดได้ดีขึ้น");
        await Expect(t.Locator("#minutes-preview h2")).ToHaveTextAsync("ผลการสะท้อน");
        await teacher.ScreenshotAsync("plc-meeting-form");
        await t.GetByTestId("submit-meeting").ClickAsync();
        await Expect(t.GetByTestId("meeting-status")).ToHaveTextAsync("รออนุมัติ");

        await using var director = await Session.OpenAsync(chromium, app);
        var d = director.Page;
        await director.SignInAsync(Demo.Director);
        await d.GetByRole(AriaRole.Link, new() { Name = "อนุมัติบันทึก PLC" }).ClickAsync();
        var item = d.GetByTestId("waiting").Filter(new() { HasText = topic });
        await item.GetByTestId("approve").ClickAsync();
        await Expect(d.Locator(".notice.success")).ToContainTextAsync("อนุมัติบันทึกการประชุมแล้ว");
        await director.ScreenshotAsync("plc-approvals");

        Assert.Equal(before + 1, await ApprovedHoursAsync(t));
        await teacher.ScreenshotAsync("plc-dashboard-hours");
        teacher.AssertCleanConsole();
        director.AssertCleanConsole();
    }
}
