using System.Text.RegularExpressions;
using Lms.E2E.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Lms.E2E.Journeys;

/// <summary>
/// Issue 6's journey, in Thai: a designer publishes a one-page course that awards the office's standard certificate;
/// a teacher keeps the course page open and completes the course in another tab; on the first tab, without a reload,
/// the bell rings with "ได้รับเกียรติบัตรแล้ว"; the notice leads to "my certificates", the PDF downloads, and the
/// certificate's verification address (what its QR code holds) says it is valid, with the teacher's name.
/// </summary>
[Collection(LiveAppCollection.Name)]
public sealed class CertificateJourney(LiveApp app, Chromium chromium)
{
    private const string TeacherAccount = "s06p06"; // a teacher of the sixth demo school, used by no other journey
    private const string Design = "เกียรติบัตรมาตรฐาน สพม.สุโขทัย"; // seeded with the demo course

    [Fact]
    public async Task A_teacher_completes_a_course_sees_the_certificate_arrive_live_downloads_it_and_its_QR_address_verifies_it()
    {
        var courseTitle = $"ความปลอดภัยของข้อมูลนักเรียน {Guid.NewGuid().ToString("N")[..6]}";
        const string pageTitle = "กฎหมายคุ้มครองข้อมูลส่วนบุคคลสำหรับครู";

        await using (var designer = await Session.OpenAsync(chromium, app))
        {
            var d = designer.Page;
            await designer.SignInAsync("designer");
            await d.GotoAsync("/Design/Courses");
            await d.GetByTestId("new-course").ClickAsync();
            await d.Locator("#Input_TitleTh").FillAsync(courseTitle);
            await d.Locator("#Input_CreditHours").FillAsync("3");
            await d.Locator("#Input_FiscalYear").FillAsync("2570");
            await d.GetByLabel("เกียรติบัตรเมื่อเรียนจบ").SelectOptionAsync(new SelectOptionValue { Label = Design });
            await d.GetByTestId("save-course").ClickAsync();
            await Expect(d).ToHaveURLAsync(new Regex(@"/Design/Courses/Structure/[0-9a-f-]{36}$"));
            await d.GetByLabel("หน่วยการเรียนรู้ใหม่").FillAsync("หน่วยที่ 1");
            await d.GetByTestId("add-section").ClickAsync();
            var section = d.Locator("section.card", new() { Has = d.GetByRole(AriaRole.Heading, new() { Name = "หน่วยที่ 1" }) });
            await section.Locator("select[name=kind]").SelectOptionAsync(new SelectOptionValue { Label = "หน้าเนื้อหา" });
            await section.Locator("input[name=title]").FillAsync(pageTitle);
            await section.GetByTestId("add-activity").ClickAsync();
            await Expect(section.Locator(".activity-list > li")).ToHaveCountAsync(1);
            await d.GetByTestId("publish").ClickAsync();
            await Expect(d.Locator(".notice.success")).ToContainTextAsync("เผยแพร่ฉบับที่ 1 แล้ว");
            designer.AssertCleanConsole();
        }

        await using var teacher = await Session.OpenAsync(chromium, app);
        var t = teacher.Page;
        await teacher.SignInAsync(TeacherAccount);
        var name = (await t.Locator("h1").InnerTextAsync()).Replace("สวัสดี", "").Trim();
        await t.GotoAsync("/Learn/Catalogue");
        await t.GetByTestId("catalogue-course").Filter(new() { HasText = courseTitle }).GetByTestId("enrol").ClickAsync();
        await Expect(t).ToHaveURLAsync(new Regex(@"/Learn/Course/[0-9a-f-]{36}$"));
        var bell = t.GetByTestId("bell");
        await Expect(bell).ToHaveAttributeAsync("data-live", "connected");
        await Expect(bell.Locator("[data-unread-count]")).ToBeHiddenAsync();

        // The lesson in a second tab completes the course; the first tab is not touched again until the bell rings.
        var lesson = await teacher.Context.NewPageAsync();
        teacher.Watch(lesson);
        await lesson.GotoAsync(await t.GetByRole(AriaRole.Link, new() { Name = pageTitle, Exact = true }).GetAttributeAsync("href") ?? "");
        await Expect(lesson.Locator("h1")).ToContainTextAsync(pageTitle);

        var toast = t.Locator(".toast");
        await Expect(toast).ToContainTextAsync("ได้รับเกียรติบัตรแล้ว", new() { Timeout = 30_000 });
        await Expect(bell.Locator("[data-unread-count]")).ToHaveTextAsync("1");
        await teacher.ScreenshotAsync("certificate-notification");

        await toast.GetByRole(AriaRole.Link).ClickAsync();
        await Expect(t).ToHaveURLAsync(new Regex("/Learn/Certificates$"));
        var card = t.Locator(".certificate").Filter(new() { HasText = courseTitle });
        await Expect(card.Locator(".serial")).ToHaveTextAsync(new Regex(@"^สพม\.สท \d{4}/25\d\d$"));
        await teacher.ScreenshotAsync("my-certificates");

        var download = await t.RunAndWaitForDownloadAsync(() => card.GetByRole(AriaRole.Link, new() { Name = "ดาวน์โหลด PDF" }).ClickAsync());
        var path = await download.PathAsync();
        var head = new byte[4];
        await using (var pdf = File.OpenRead(path!)) await pdf.ReadExactlyAsync(head);
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(head));
        Assert.EndsWith(".pdf", download.SuggestedFilename);

        // What the QR code holds, opened by someone who is not signed in.
        var verificationUrl = await card.GetByRole(AriaRole.Link, new() { Name = "หน้าตรวจสอบ" }).GetAttributeAsync("href");
        await using var stranger = await Session.OpenAsync(chromium, app);
        await stranger.Page.GotoAsync(verificationUrl!);
        await Expect(stranger.Page.Locator(".verification.valid .verdict")).ToContainTextAsync("ใช้ได้");
        await Expect(stranger.Page.Locator(".recipient")).ToHaveTextAsync(name);
        await Expect(stranger.Page.Locator(".subject")).ToHaveTextAsync(courseTitle);
        await stranger.ScreenshotAsync("certificate-verification");
        teacher.AssertCleanConsole();
        stranger.AssertCleanConsole();
    }
}
