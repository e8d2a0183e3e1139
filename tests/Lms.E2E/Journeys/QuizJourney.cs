using System.Text;
using System.Text.RegularExpressions;
using Lms.E2E.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Lms.E2E.Journeys;

/// <summary>
/// Pre-test and post-test through the real UI, in Thai: a designer imports a GIFT file into the course's bank and builds
/// both tests from it; a teacher takes the pre-test, starts the post-test, closes the browser in the middle, resumes and
/// finishes it; the course's pre/post report shows her gain.
/// </summary>
[Collection(LiveAppCollection.Name)]
public sealed class QuizJourney(LiveApp app, Chromium chromium)
{
    private const string TeacherAccount = "s03p06"; // a teacher of the third demo school, used by no other journey

    /// <summary>Four true/false questions whose right answer is "true" (ถูก), so a teacher's score is known in advance.</summary>
    private const string Gift = """
        // แบบทดสอบการวัดผลระหว่างเรียน
        $CATEGORY: $course$/top/การวัดผลระหว่างเรียน

        ::ว1::การวัดผลระหว่างเรียนช่วยให้ครูปรับการสอนได้ทันที{T}

        ::ว2::คำถามปลายเปิดช่วยกระตุ้นการคิดขั้นสูง{TRUE}

        ::ว3::การให้ข้อมูลย้อนกลับควรเจาะจงและทันเวลา{T#ลองทบทวนหัวข้อการให้ข้อมูลย้อนกลับ#ถูกต้อง}

        ::ว4::แบบสังเกตพฤติกรรมเป็นเครื่องมือวัดผลระหว่างเรียนได้{T}
        """;

    [Fact]
    public async Task Designer_imports_GIFT_and_builds_pre_and_post_tests_teacher_takes_both_and_the_report_shows_the_gain()
    {
        var courseTitle = $"การวัดผลระหว่างเรียน {Guid.NewGuid().ToString("N")[..6]}";

        // 1. The designer: a course with two quiz activities.
        await using var designer = await Session.OpenAsync(chromium, app);
        var d = designer.Page;
        await designer.SignInAsync("designer");
        await d.GotoAsync("/Design/Courses");
        await d.GetByTestId("new-course").ClickAsync();
        await d.Locator("#Input_TitleTh").FillAsync(courseTitle);
        await d.Locator("#Input_CreditHours").FillAsync("3");
        await d.Locator("#Input_FiscalYear").FillAsync("2570");
        await d.GetByTestId("save-course").ClickAsync();
        await Expect(d).ToHaveURLAsync(new Regex(@"/Design/Courses/Structure/[0-9a-f-]{36}$"));
        var structureUrl = d.Url;
        var courseId = structureUrl.Split('/').Last();
        await d.GetByLabel("หน่วยการเรียนรู้ใหม่").FillAsync("หน่วยที่ 1");
        await d.GetByTestId("add-section").ClickAsync();
        var section = d.Locator("section.card", new() { Has = d.GetByRole(AriaRole.Heading, new() { Name = "หน่วยที่ 1" }) });
        foreach (var title in new[] { "แบบทดสอบก่อนเรียน", "แบบทดสอบหลังเรียน" })
        {
            await section.Locator("select[name=kind]").SelectOptionAsync(new SelectOptionValue { Label = "แบบทดสอบ" });
            await section.Locator("input[name=title]").FillAsync(title);
            await section.GetByTestId("add-activity").ClickAsync();
        }
        await Expect(section.Locator(".activity-list > li")).ToHaveCountAsync(2);
        var editors = new List<string>();
        foreach (var link in await section.Locator(".activity-list a").AllAsync()) editors.Add((await link.GetAttributeAsync("href"))!);

        // 2. Import the GIFT file into the course's bank: check first, then confirm.
        await d.GotoAsync($"/Design/Questions?courseId={courseId}");
        await d.GetByTestId("import-link").ClickAsync();
        await d.Locator("#file").SetInputFilesAsync(new FilePayload
        {
            Name = "วัดผลระหว่างเรียน.gift", MimeType = "text/plain", Buffer = Encoding.UTF8.GetBytes(Gift),
        });
        await d.GetByTestId("upload").ClickAsync();
        await Expect(d.GetByTestId("import-summary")).ToContainTextAsync("4");
        await d.GetByTestId("confirm-import").ClickAsync();
        await Expect(d.GetByTestId("import-done")).ToContainTextAsync("4");

        // 3. Both tests take the four questions; the post-test needs the pre-test first.
        for (var i = 0; i < 2; i++)
        {
            var activityId = editors[i].Split('/').Last();
            await d.GotoAsync($"/Design/Quizzes/Edit/{courseId}/{activityId}");
            var boxes = d.Locator("input[name=questionIds]");
            await Expect(boxes).ToHaveCountAsync(4);
            foreach (var box in await boxes.AllAsync()) await box.CheckAsync();
            await d.GetByTestId("add-questions").ClickAsync();
            await Expect(d.GetByTestId("quiz-slots").Locator("li")).ToHaveCountAsync(4);
            await d.Locator("#Input_Role").SelectOptionAsync(i == 0 ? "PreTest" : "PostTest");
            await d.Locator("#Input_PassPercent").FillAsync(i == 0 ? "0" : "75");
            if (i == 1) await d.Locator("#Input_RequiresPreTest").CheckAsync();
            await d.GetByTestId("save-quiz").ClickAsync();
            await Expect(d.Locator(".notice.success")).ToBeVisibleAsync();
        }
        await d.GotoAsync(structureUrl);
        await d.GetByTestId("publish").ClickAsync();
        await Expect(d.Locator(".notice.success")).ToContainTextAsync("เผยแพร่ฉบับที่ 1 แล้ว");
        designer.AssertCleanConsole();

        // 4. The teacher: the pre-test answered "false" throughout (0 %).
        string postTestUrl;
        await using (var first = await Session.OpenAsync(chromium, app))
        {
            var t = first.Page;
            await first.SignInAsync(TeacherAccount);
            await t.GotoAsync("/Learn/Catalogue");
            await t.GetByTestId("catalogue-course").Filter(new() { HasText = courseTitle }).GetByTestId("enrol").ClickAsync();
            var courseUrl = t.Url;
            await t.GetByRole(AriaRole.Link, new() { Name = "แบบทดสอบก่อนเรียน", Exact = true }).ClickAsync();
            await t.GetByTestId("start-quiz").ClickAsync();
            await AnswerAllAsync(t, "false");
            await SubmitAsync(t);
            await Expect(t.GetByTestId("attempt-grade")).ToContainTextAsync("0 จาก 4 คะแนน (0%)");

            // The post-test: one answer, then the browser is closed.
            await t.GotoAsync(courseUrl);
            await t.GetByRole(AriaRole.Link, new() { Name = "แบบทดสอบหลังเรียน", Exact = true }).ClickAsync();
            postTestUrl = t.Url;
            await t.GetByTestId("start-quiz").ClickAsync();
            await AnswerAsync(t.Locator("section.question").First, "true");
            first.AssertCleanConsole();
        }

        // 5. A new browser: the attempt resumes with the first answer kept; she finishes it (100 %).
        await using (var second = await Session.OpenAsync(chromium, app))
        {
            var t = second.Page;
            await second.SignInAsync(TeacherAccount);
            await t.GotoAsync(postTestUrl);
            await Expect(t.GetByTestId("start-quiz")).ToHaveTextAsync("ทำต่อจากครั้งล่าสุด");
            await t.GetByTestId("start-quiz").ClickAsync();
            await Expect(t.Locator("section.question input[value=true]").First).ToBeCheckedAsync();
            await Expect(t.Locator(".question-nav button.answered")).ToHaveCountAsync(1);
            await AnswerAllAsync(t, "true");
            await SubmitAsync(t);
            await Expect(t.GetByTestId("attempt-grade")).ToContainTextAsync("4 จาก 4 คะแนน (100%)");
            await Expect(t.GetByTestId("attempt-result")).ToHaveTextAsync("ผ่าน");
            second.AssertCleanConsole();
        }

        // 6. The report shows her gain: 0 → 100, normalised gain 1.
        await d.GotoAsync($"/Reports/PrePost/{courseId}");
        var row = d.GetByTestId("prepost-row");
        await Expect(row).ToHaveCountAsync(1);
        // Cells after the name: school, pre, post, gain, normalised gain.
        await Expect(row.Locator("td")).ToHaveTextAsync([new Regex("."), new Regex("^0$"), new Regex("^100$"), new Regex("^100$"), new Regex("^1$")]);
        designer.AssertCleanConsole();
    }

    /// <summary>Answers every question of every page the same way, waiting for each autosave.</summary>
    private static async Task AnswerAllAsync(IPage t, string answer)
    {
        while (true)
        {
            foreach (var question in await t.Locator("section.question").AllAsync()) await AnswerAsync(question, answer);
            var next = t.GetByTestId("next-page");
            if (await next.CountAsync() == 0) break;
            await next.ClickAsync();
        }
    }

    private static async Task AnswerAsync(ILocator question, string answer)
    {
        var radio = question.Locator($"input[type=radio][value={answer}]");
        if (await radio.IsCheckedAsync()) return; // kept from before the browser closed
        await radio.CheckAsync();
        await Expect(question.Locator("[data-save-state]")).ToHaveTextAsync("บันทึกคำตอบแล้ว ✓");
    }

    private static async Task SubmitAsync(IPage t)
    {
        await t.GetByTestId("finish-attempt").ClickAsync();
        await Expect(t.GetByTestId("summary-row").Filter(new() { HasText = "ยังไม่ได้ตอบ" })).ToHaveCountAsync(0);
        t.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        await t.GetByTestId("submit-attempt").ClickAsync();
        await Expect(t).ToHaveURLAsync(new Regex("/Review$"));
    }
}
