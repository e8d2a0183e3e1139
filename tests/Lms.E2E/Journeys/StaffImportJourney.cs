using System.Text;
using Lms.E2E.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Lms.E2E.Journeys;

[Collection(LiveAppCollection.Name)]
public sealed class StaffImportJourney(LiveApp app, Chromium chromium)
{
    /// <summary>
    /// Row numbers are spreadsheet rows (the headings are row 1), so the unknown school on the
    /// second person is reported as "แถวที่ 3", the row an administrator sees in Excel.
    /// </summary>
    private static byte[] StaffCsv()
    {
        const string csv =
            "อีเมล,คำนำหน้า,ชื่อ,นามสกุล,ตำแหน่ง,รหัสโรงเรียน,กลุ่มสาระ\r\n" +
            "e2e.somsri@example.com,นาง,สมศรี,นำเข้าทดสอบ,ครู,64010001,คณิตศาสตร์\r\n" +
            "e2e.wichai@example.com,นาย,วิชัย,รหัสผิดพลาด,ครู,64019999,ภาษาไทย\r\n" +
            "e2e.malee@example.com,นางสาว,มาลี,นำเข้าทดสอบ,ครูผู้ช่วย,64010002,วิทยาศาสตร์และเทคโนโลยี\r\n";
        var utf8WithBom = new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);
        return [.. utf8WithBom.GetPreamble(), .. utf8WithBom.GetBytes(csv)];
    }

    [Fact]
    public async Task Administrator_imports_a_staff_CSV_with_one_bad_row_and_sees_the_row_error()
    {
        await using var s = await Session.OpenAsync(chromium, app);
        var page = s.Page;
        await s.SignInAsync(Demo.Admin);

        await page.GotoAsync("/Admin/People/Import");
        await page.Locator("input[type=file]#file").SetInputFilesAsync(new FilePayload
        {
            Name = "บุคลากร-e2e.csv", MimeType = "text/csv", Buffer = StaffCsv(),
        });
        await page.GetByTestId("upload").ClickAsync();

        var rowErrors = page.GetByTestId("row-errors");
        await Expect(rowErrors.Locator("li")).ToHaveCountAsync(1);
        await Expect(rowErrors).ToContainTextAsync("แถวที่ 3");
        await Expect(rowErrors).ToContainTextAsync("64019999");
        await Expect(page.GetByTestId("import-summary")).ToContainTextAsync("2");

        // All or nothing unless told otherwise.
        await page.GetByTestId("confirm-import").ClickAsync();
        await Expect(page.GetByTestId("import-error")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("import-done")).ToHaveCountAsync(0);
        await ExpectPeopleFoundAsync(s, "นำเข้าทดสอบ", 0);

        await page.GetByTestId("only-valid").CheckAsync();
        await page.GetByTestId("confirm-import").ClickAsync();
        await Expect(page.GetByTestId("import-done")).ToContainTextAsync("นำเข้าบุคลากรแล้ว 2 คน");

        await page.GotoAsync("/Admin/People?q=" + Uri.EscapeDataString("สมศรี"));
        var rows = page.Locator("tbody tr");
        await Expect(rows).ToHaveCountAsync(1);
        await Expect(rows).ToContainTextAsync("สมศรี นำเข้าทดสอบ");
        await Expect(rows).ToContainTextAsync("e2e.somsri@example.com");
        await ExpectPeopleFoundAsync(s, "นำเข้าทดสอบ", 2);
        await ExpectPeopleFoundAsync(s, "รหัสผิดพลาด", 0);
        s.AssertCleanConsole();
    }

    /// <summary>Looks the name up in the people list in a second tab, leaving the import page as it is.</summary>
    private static async Task ExpectPeopleFoundAsync(Session s, string name, int count)
    {
        var tab = await s.Context.NewPageAsync();
        s.Watch(tab);
        await tab.GotoAsync("/Admin/People?status=all&q=" + Uri.EscapeDataString(name));
        await Expect(tab.GetByTestId("people-count")).ToHaveTextAsync($"พบ {count} คน");
        await Expect(tab.Locator("tbody tr")).ToHaveCountAsync(count);
        await tab.CloseAsync();
    }
}
