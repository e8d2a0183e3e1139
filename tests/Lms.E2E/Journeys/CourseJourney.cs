using System.Text;
using System.Text.RegularExpressions;
using Lms.E2E.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Lms.E2E.Journeys;

/// <summary>
/// The whole life of a course through the real UI, in Thai: a designer builds and publishes it, a teacher
/// enrols, learns and hands in, a trainer grades, and the teacher sees the grade and the completed course.
/// </summary>
[Collection(LiveAppCollection.Name)]
public sealed class CourseJourney(LiveApp app, Chromium chromium)
{
    private const string Designer = "designer";
    private const string Trainer = "trainer";

    [Fact]
    public async Task Designer_builds_a_course_teacher_learns_and_hands_in_trainer_grades_and_the_teacher_sees_it_complete()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var courseTitle = $"การออกแบบการเรียนรู้เชิงรุก {suffix}";
        const string sectionTitle = "หน่วยที่ 1 พื้นฐาน";
        const string pageTitle = "บทนำ";
        const string fileTitle = "เอกสารประกอบ";
        const string pdfName = "เอกสารประกอบ.pdf";
        const string assignmentTitle = "ส่งแผนการสอน";
        const string heading = "ยินดีต้อนรับสู่รายวิชา";

        // 1. The designer creates the course.
        await using var designer = await Session.OpenAsync(chromium, app);
        var d = designer.Page;
        await designer.SignInAsync(Designer);
        await d.GotoAsync("/Design/Courses");
        await d.GetByTestId("new-course").ClickAsync();
        await Expect(d.Locator("h1")).ToHaveTextAsync("สร้างรายวิชาใหม่");
        await d.Locator("#Input_TitleTh").FillAsync(courseTitle);
        await d.Locator("#Input_CreditHours").FillAsync("6");
        await d.Locator("#Input_FiscalYear").FillAsync("2570");
        await Expect(d.GetByLabel("ครูลงทะเบียนเรียนเองได้")).ToBeCheckedAsync();
        await d.GetByTestId("save-course").ClickAsync();
        await Expect(d).ToHaveURLAsync(new Regex(@"/Design/Courses/Structure/[0-9a-f-]{36}$"));
        await Expect(d.Locator("h1")).ToHaveTextAsync(courseTitle);
        var structureUrl = d.Url;

        // 2. A section with a page, a file and an assignment.
        await d.GetByLabel("หน่วยการเรียนรู้ใหม่").FillAsync(sectionTitle);
        await d.GetByTestId("add-section").ClickAsync();
        var section = d.Locator("section.card", new() { Has = d.GetByRole(AriaRole.Heading, new() { Name = sectionTitle }) });
        await Expect(section).ToBeVisibleAsync();
        var activities = section.Locator(".activity-list > li");

        await AddActivityAsync(section, "หน้าเนื้อหา", pageTitle);
        await Expect(activities).ToHaveCountAsync(1);

        await section.Locator("select[name=kind]").SelectOptionAsync(new SelectOptionValue { Label = "ไฟล์" });
        await section.Locator("input[name=title]").FillAsync(fileTitle);
        await section.Locator("input[type=file]").SetInputFilesAsync(new FilePayload
        {
            Name = pdfName,
            MimeType = "application/pdf",
            Buffer = TinyPdf(),
        });
        await section.GetByTestId("add-activity").ClickAsync();
        await Expect(activities).ToHaveCountAsync(2);

        await AddActivityAsync(section, "งานมอบหมาย", assignmentTitle);
        await Expect(activities).ToHaveCountAsync(3);
        await Expect(activities).ToHaveTextAsync([new Regex(pageTitle), new Regex(fileTitle), new Regex(assignmentTitle)]);

        // The page: Markdown with a live preview rendered by the server.
        await section.Locator(".activity-list a", new() { HasText = pageTitle }).ClickAsync();
        await Expect(d.Locator("h1")).ToContainTextAsync(pageTitle);
        await d.Locator("#Input_Body").FillAsync($"# {heading}\n\nรายวิชานี้ช่วยให้ครู**ออกแบบ**กิจกรรมการเรียนรู้เชิงรุก");
        await Expect(d.Locator("#preview h1")).ToHaveTextAsync(heading);
        await Expect(d.Locator("#preview strong")).ToHaveTextAsync("ออกแบบ");
        await d.GetByTestId("save-activity").ClickAsync();
        await Expect(d.Locator(".notice.success")).ToBeVisibleAsync();
        await Expect(d.Locator("#Input_Body")).ToHaveValueAsync(new Regex("^# " + heading));

        // The assignment: a rubric out of 10, done when graded at least 6.
        await d.GotoAsync(structureUrl);
        await section.Locator(".activity-list a", new() { HasText = assignmentTitle }).ClickAsync();
        await Expect(d.Locator("h1")).ToContainTextAsync(assignmentTitle);
        await d.Locator("#Input_Body").FillAsync("แนบแผนการจัดการเรียนรู้ 1 แผน พร้อมอธิบายกิจกรรมเชิงรุก");
        await d.Locator("#Input_Rubric").FillAsync("ความครบถ้วน | 4\nความเหมาะสม | 6");
        await d.GetByLabel("นับว่าผ่านเมื่อ").SelectOptionAsync("GradedAtLeastPassMark");
        await Expect(d.GetByLabel("นับว่าผ่านเมื่อ").Locator("option:checked")).ToHaveTextAsync("ได้คะแนนถึงเกณฑ์ผ่าน");
        await d.Locator("#Input_PassMark").FillAsync("6");
        await d.GetByTestId("save-activity").ClickAsync();
        await Expect(d.Locator(".notice.success")).ToBeVisibleAsync();
        await Expect(d.Locator("label[for=Input_PassMark]")).ToContainTextAsync("10");
        await Expect(d.Locator("#Input_PassMark")).ToHaveValueAsync(new Regex(@"^6(\.0+)?$"));

        // Publish.
        await d.GotoAsync(structureUrl);
        await d.GetByTestId("publish").ClickAsync();
        await Expect(d.Locator(".notice.success")).ToContainTextAsync("เผยแพร่ฉบับที่ 1 แล้ว");
        designer.AssertCleanConsole();

        // 3. The teacher enrols and learns.
        await using var teacher = await Session.OpenAsync(chromium, app);
        var t = teacher.Page;
        await teacher.SignInAsync(Demo.Teacher);
        await Expect(t.Locator("h1")).ToContainTextAsync(Demo.TeacherFullName);
        await t.GotoAsync("/Learn/Catalogue");
        var card = t.GetByTestId("catalogue-course").Filter(new() { HasText = courseTitle });
        await Expect(card).ToContainTextAsync("6 ชั่วโมง");
        await card.GetByTestId("enrol").ClickAsync();
        await Expect(t).ToHaveURLAsync(new Regex(@"/Learn/Course/[0-9a-f-]{36}$"));
        var courseUrl = t.Url;
        await Expect(t.GetByTestId("course-percent")).ToHaveTextAsync("0%");

        await t.GetByRole(AriaRole.Link, new() { Name = pageTitle, Exact = true }).ClickAsync();
        await Expect(t.Locator("article.prose h1")).ToHaveTextAsync(heading);

        await t.GotoAsync(courseUrl);
        await t.GetByRole(AriaRole.Link, new() { Name = fileTitle, Exact = true }).ClickAsync();
        var open = t.GetByRole(AriaRole.Link, new() { Name = "เปิด " + pdfName });
        await Expect(open).ToBeVisibleAsync();
        var fileActivityUrl = t.Url;
        await AssertOpensPdfAsync(teacher, open);
        if (t.Url != fileActivityUrl) await t.GotoAsync(fileActivityUrl);

        await t.GotoAsync(courseUrl);
        await t.GetByRole(AriaRole.Link, new() { Name = assignmentTitle, Exact = true }).ClickAsync();
        await Expect(t.Locator("h1")).ToHaveTextAsync(assignmentTitle);
        var assignmentUrl = t.Url;
        await t.GetByLabel("คำตอบ", new() { Exact = false }).FillAsync("แผนการสอนเรื่องเศษส่วน ใช้การเรียนรู้แบบร่วมมือ 3 คาบ");
        await t.GetByTestId("hand-in").ClickAsync();
        await Expect(t.GetByTestId("submission-status")).ToContainTextAsync("รอตรวจ");
        teacher.AssertCleanConsole();

        // 4. The trainer grades.
        await using (var trainer = await Session.OpenAsync(chromium, app))
        {
            var g = trainer.Page;
            await trainer.SignInAsync(Trainer);
            await g.GotoAsync("/Teach/Grading");
            var row = g.GetByTestId("to-grade").Filter(new() { HasText = "กิ่งก้อย" }).Filter(new() { HasText = courseTitle });
            await Expect(row).ToHaveCountAsync(1);
            await Expect(row).ToContainTextAsync(assignmentTitle);
            await row.GetByRole(AriaRole.Link).ClickAsync();
            await Expect(g.GetByTestId("submitted-text")).ToContainTextAsync("เศษส่วน");
            await g.Locator("#score-0").FillAsync("4");
            await g.Locator("#score-1").FillAsync("5");
            await g.Locator("#feedback").FillAsync("ดีมาก");
            await g.GetByTestId("save-grade").ClickAsync();
            await Expect(g).ToHaveURLAsync(new Regex("/Teach/Grading$"));
            await Expect(g.GetByTestId("to-grade").Filter(new() { HasText = courseTitle })).ToHaveCountAsync(0);
            trainer.AssertCleanConsole();
        }

        // 5. The teacher sees the grade and the completed course.
        await t.GotoAsync(assignmentUrl);
        await Expect(t.GetByTestId("grade")).ToHaveTextAsync("คะแนน 9 / 10");
        await Expect(t.GetByTestId("feedback")).ToContainTextAsync("ดีมาก");
        await t.GotoAsync(courseUrl);
        await Expect(t.GetByTestId("course-percent")).ToHaveTextAsync("100%");
        await Expect(t.GetByTestId("course-complete")).ToHaveTextAsync(new Regex(@"25\d\d"));
        await t.GotoAsync("/Learn");
        await Expect(t.GetByRole(AriaRole.Heading, new() { Name = "รายวิชาที่เรียนจบแล้ว" })).ToBeVisibleAsync();
        var done = t.GetByTestId("completed-course").Filter(new() { HasText = courseTitle });
        await Expect(done).ToContainTextAsync("6 ชั่วโมง");
        await Expect(t.GetByTestId("my-course").Filter(new() { HasText = courseTitle })).ToHaveCountAsync(0);
        teacher.AssertCleanConsole();
    }

    private static async Task AddActivityAsync(ILocator section, string kindLabel, string title)
    {
        await section.Locator("select[name=kind]").SelectOptionAsync(new SelectOptionValue { Label = kindLabel });
        await section.Locator("input[name=title]").FillAsync(title);
        await section.GetByTestId("add-activity").ClickAsync();
    }

    /// <summary>
    /// Follows the link to the file and checks that a PDF comes back. Headless Chromium may show the PDF or
    /// download it; either way the response is caught. The bytes are fetched again through the same context
    /// (same cookies) to check the content.
    /// </summary>
    private static async Task AssertOpensPdfAsync(Session session, ILocator link)
    {
        var page = session.Page;
        var href = await link.GetAttributeAsync("href");
        Assert.NotNull(href);
        Assert.Contains("handler=File", href);

        var response = await page.RunAndWaitForResponseAsync(
            async () =>
            {
                try { await link.ClickAsync(); }
                catch (PlaywrightException) { /* a download can abort the navigation */ }
            },
            r => r.Url.Contains("handler=File", StringComparison.Ordinal));
        Assert.Equal(200, response.Status);
        Assert.StartsWith("application/pdf", await response.HeaderValueAsync("content-type") ?? "");

        var again = await session.Context.APIRequest.GetAsync(href!);
        Assert.Equal(200, again.Status);
        Assert.StartsWith("application/pdf", again.Headers["content-type"]);
        var body = await again.BodyAsync();
        Assert.Equal("%PDF-1.4", Encoding.ASCII.GetString(body, 0, 8));
    }

    /// <summary>A small, well-formed one-page PDF.</summary>
    private static byte[] TinyPdf()
    {
        var objects = new[]
        {
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 100] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
            "<< /Length 37 >>\nstream\nBT /F1 18 Tf 20 40 Td (Lms test) Tj ET\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        };
        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(pdf.Length);
            pdf.Append($"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }
        var xref = pdf.Length;
        pdf.Append($"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var o in offsets) pdf.Append($"{o:D10} 00000 n \n");
        pdf.Append($"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.ASCII.GetBytes(pdf.ToString());
    }
}
