using System.Text.RegularExpressions;
using Lms.E2E.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Lms.E2E.Journeys;

/// <summary>
/// A teacher takes the demo course's pre-test, then closes the browser in the middle of the post-test, comes back in a
/// new session and finds every answer where she left it: the browser saved each answer as it was given.
/// </summary>
[Collection(LiveAppCollection.Name)]
public sealed class QuizResumeJourney(LiveApp app, Chromium chromium)
{
    private const string TeacherAccount = "s02p06"; // a teacher of the second demo school, used by no other journey
    private const string DemoCourse = "การจัดการเรียนรู้เชิงรุก (Active Learning) สำหรับครู";

    [Fact]
    public async Task A_teacher_takes_the_pre_test_and_resumes_the_post_test_after_closing_the_browser()
    {
        string postTestUrl;
        await using (var first = await Session.OpenAsync(chromium, app))
        {
            var p = first.Page;
            await first.SignInAsync(TeacherAccount);
            await p.GotoAsync("/Learn/Catalogue");
            await p.GetByTestId("catalogue-course").Filter(new() { HasText = DemoCourse }).GetByTestId("enrol").ClickAsync();
            await Expect(p).ToHaveURLAsync(new Regex(@"/Learn/Course/[0-9a-f-]{36}$"));
            var courseUrl = p.Url;

            // The pre-test: every question answered through the page, page by page, then submitted once.
            await p.GetByRole(AriaRole.Link, new() { Name = "แบบทดสอบก่อนเรียน", Exact = true }).ClickAsync();
            await Expect(p.GetByTestId("quiz-info")).ToContainTextAsync("แบบทดสอบก่อนเรียน");
            await p.GetByTestId("start-quiz").ClickAsync();
            await Expect(p).ToHaveURLAsync(new Regex(@"/Learn/Attempt/[0-9a-f-]{36}$"));
            await Expect(p.GetByTestId("timer")).ToContainTextAsync("0:");
            while (true)
            {
                await AnswerPageAsync(p);
                var next = p.GetByTestId("next-page");
                if (await next.CountAsync() == 0) break;
                await next.ClickAsync();
            }
            await p.GetByTestId("finish-attempt").ClickAsync();
            await Expect(p.GetByTestId("summary-row")).ToHaveCountAsync(9);
            await Expect(p.GetByTestId("summary-row").Filter(new() { HasText = "ยังไม่ได้ตอบ" })).ToHaveCountAsync(0);
            p.Dialog += async (_, dialog) => await dialog.AcceptAsync();
            await p.GetByTestId("submit-attempt").ClickAsync();
            await Expect(p).ToHaveURLAsync(new Regex("/Review$"));
            // Graded at once: the marks out of nine.
            await Expect(p.GetByTestId("attempt-grade")).ToContainTextAsync(new Regex(@"จาก 9 คะแนน"));

            // The post-test opens after the pre-test. Answer the first page, then the browser is closed.
            await p.GotoAsync(courseUrl);
            await p.GetByRole(AriaRole.Link, new() { Name = "แบบทดสอบหลังเรียน", Exact = true }).ClickAsync();
            postTestUrl = p.Url;
            await p.GetByTestId("start-quiz").ClickAsync();
            await Expect(p).ToHaveURLAsync(new Regex(@"/Learn/Attempt/[0-9a-f-]{36}$"));
            await AnswerPageAsync(p);
            await first.ScreenshotAsync("quiz-attempt");
            first.AssertCleanConsole();
        }

        await using var second = await Session.OpenAsync(chromium, app);
        var q = second.Page;
        await second.SignInAsync(TeacherAccount);
        await q.GotoAsync(postTestUrl);
        var resume = q.GetByTestId("start-quiz");
        await Expect(resume).ToHaveTextAsync("ทำต่อจากครั้งล่าสุด");
        await resume.ClickAsync();
        var questions = q.Locator("section.question[data-slot]");
        await Expect(questions).ToHaveCountAsync(2);
        for (var i = 0; i < 2; i++)
        {
            var question = questions.Nth(i);
            var kind = await question.GetAttributeAsync("data-type");
            // What was answered before the browser closed is still there.
            switch (kind)
            {
                case "Numerical" or "ShortAnswer":
                    await Expect(question.Locator("input[type=text]")).Not.ToHaveValueAsync("");
                    break;
                case "Essay":
                    await Expect(question.Locator("textarea")).Not.ToHaveValueAsync("");
                    break;
                case "Matching":
                    await Expect(question.Locator("select").First).Not.ToHaveValueAsync("");
                    break;
                default:
                    await Expect(question.Locator("input:checked")).Not.ToHaveCountAsync(0);
                    break;
            }
        }
        await Expect(q.Locator(".question-nav button.answered")).ToHaveCountAsync(2);
        await second.ScreenshotAsync("quiz-resumed");
        second.AssertCleanConsole();
    }

    /// <summary>Answers each question on the page the way a person would, and waits until the page says it is saved.</summary>
    private static async Task AnswerPageAsync(IPage p)
    {
        var questions = p.Locator("section.question[data-slot]");
        var count = await questions.CountAsync();
        for (var i = 0; i < count; i++)
        {
            var question = questions.Nth(i);
            switch (await question.GetAttributeAsync("data-type"))
            {
                case "Numerical":
                    await question.Locator("input[type=text]").FillAsync("4");
                    break;
                case "ShortAnswer":
                    await question.Locator("input[type=text]").FillAsync("สะท้อนคิด");
                    break;
                case "Essay":
                    await question.Locator("textarea").FillAsync("ใช้การเรียนรู้แบบร่วมมือ แบ่งกลุ่ม 4 คน ประเมินด้วยแบบสังเกต");
                    break;
                case "Matching":
                    var selects = question.Locator("select");
                    for (var s = 0; s < await selects.CountAsync(); s++)
                        await selects.Nth(s).SelectOptionAsync(new SelectOptionValue { Index = 1 });
                    break;
                case "Description":
                    continue;
                default:
                    await question.Locator("input[type=radio], input[type=checkbox]").First.CheckAsync();
                    break;
            }
            await Expect(question.Locator("[data-save-state]")).ToHaveTextAsync("บันทึกคำตอบแล้ว ✓");
        }
    }
}
