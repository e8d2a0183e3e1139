using System.Net;
using System.Text;
using Lms.Domain.Questions;
using Lms.Web.Tests.Support;

namespace Lms.Web.Tests.QuestionBank;

/// <summary>The designer's preview: the question as a teacher sees it, safe whatever its text holds, graded on a try.</summary>
public sealed class QuestionPreviewTests(LmsAppFactory app) : IClassFixture<LmsAppFactory>
{
    [Fact]
    public async Task Script_and_javascript_links_in_a_question_are_rendered_harmless()
    {
        var designer = await app.DesignerAsync();
        var category = await designer.AddCategoryAsync(null, "ข้อความอันตราย");
        var saved = await designer.WriteQuestionAsync(category, QuestionType.MultipleChoice, new Dictionary<string, string>
        {
            ["Input.Name"] = "สคริปต์ในข้อความ",
            ["Input.Text"] = "ข้อใดถูก <script>alert('xss')</script> [คลิก](javascript:alert(1)) <img src=x onerror=alert(2)>",
            ["Input.Choices[0].Text"] = "<a href=\"javascript:alert(3)\">ก</a>", ["Input.Choices[0].Fraction"] = "1",
            ["Input.Choices[1].Text"] = "<svg onload=alert(4)>ข</svg>", ["Input.Choices[1].Fraction"] = "0",
            ["Input.GeneralFeedback"] = "<iframe src=\"https://evil.example\"></iframe>เฉลย",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        // The same in Moodle's HTML format, as an imported file brings it.
        var gift = "::HTML อันตราย::[html]<p onclick=\"alert(5)\">ข้อนี้</p><script>alert(6)</script><a href=\"javascript:alert(7)\">ลิงก์</a>{T}";
        var preview = await designer.UploadQuestionsAsync(null, category, "อันตราย.txt", Encoding.UTF8.GetBytes(gift));
        await designer.ConfirmImportAsync(preview);

        foreach (var name in new[] { "สคริปต์ในข้อความ", "HTML อันตราย" })
        {
            var id = (await app.QuestionNamedAsync(name)).Id;
            var page = await designer.PageAsync($"/Design/Questions/Preview?id={id}");
            // Markup may survive as visible text (Markdown escapes it); what matters is that none of it is live.
            var main = page.QuerySelector("main")!;
            Assert.Empty(main.QuerySelectorAll("script, iframe, svg, object, embed"));
            foreach (var element in main.QuerySelectorAll("*"))
                foreach (var attribute in element.Attributes)
                {
                    Assert.False(attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase), $"{element.TagName} {attribute.Name}");
                    Assert.DoesNotContain("javascript:", attribute.Value, StringComparison.OrdinalIgnoreCase);
                }
            Assert.Contains("ข้อ", page.Text("[data-testid=preview] .prose"));
        }
        // The editor's live preview goes through the same sanitiser.
        var editor = await designer.PageAsync($"/Design/Questions/Edit?id={(await app.QuestionNamedAsync("สคริปต์ในข้อความ")).Id}");
        var token = editor.QuerySelector("form[data-testid=question-form] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var live = await designer.PostAsync("/Design/Questions/Edit?handler=Preview&format=Html", new FormUrlEncodedContent(
            [new("body", "<span><b>ตัวหนา</b></span><script>alert(8)</script>"), new("__RequestVerificationToken", token)]));
        var rendered = await live.Content.ReadAsStringAsync();
        // Moodle's editors write <b> and <span>: their text stays (as the allowed <strong>), unlike the script.
        Assert.Contains("<strong>ตัวหนา</strong>", rendered);
        Assert.DoesNotContain("<script", rendered);
    }

    [Fact]
    public async Task The_preview_shows_the_right_answer_and_grades_a_try_without_saving_it()
    {
        var designer = await app.DesignerAsync();
        var category = await designer.AddCategoryAsync(null, "ลองตอบ");
        await designer.WriteQuestionAsync(category, QuestionType.ShortAnswer, new Dictionary<string, string>
        {
            ["Input.Name"] = "เมืองหลวง", ["Input.Text"] = "ราชธานีแห่งแรกของไทย", ["Input.GeneralFeedback"] = "สุโขทัยก่อตั้งราว พ.ศ. 1792",
            ["Input.Choices[0].Text"] = "สุโขทัย", ["Input.Choices[0].Fraction"] = "1", ["Input.Choices[0].Feedback"] = "ถูกต้อง เก่งมาก",
            ["Input.Choices[1].Text"] = "*", ["Input.Choices[1].Fraction"] = "0", ["Input.Choices[1].Feedback"] = "ลองอีกครั้ง",
        });
        var id = (await app.QuestionNamedAsync("เมืองหลวง")).Id;
        var url = $"/Design/Questions/Preview?id={id}";
        var page = await designer.PageAsync(url);
        Assert.Equal("สุโขทัย", page.Text("[data-testid=right-answer]"));
        Assert.Equal("สุโขทัยก่อตั้งราว พ.ศ. 1792", page.Text("[data-testid=general-feedback]"));

        var tried = await designer.SubmitAsync(page, url, new Dictionary<string, string> { ["q1.answer"] = "สุโขทัย" }, handler: "Check");
        var graded = await tried.HtmlAsync();
        Assert.Equal("ถูกต้อง เก่งมาก", graded.Text("[data-testid=feedback]"));
        Assert.Contains("1 จาก 1 คะแนน", graded.Text("[data-testid=question-mark]"));
        Assert.Equal(0, await app.DbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.QuizAttempts)));
    }
}
