using System.Net;
using Lms.Domain.Questions;
using Lms.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Lms.Web.Tests.QuestionBank;

/// <summary>Designers write every type of question with the editor, edit them into new versions, and are stopped (in Thai) when a question breaks Moodle's rules.</summary>
public sealed class QuestionEditorTests(LmsAppFactory app) : IClassFixture<LmsAppFactory>
{
    [Fact]
    public async Task A_designer_writes_each_type_of_question_with_the_form()
    {
        var designer = await app.DesignerAsync();
        var top = await designer.AddCategoryAsync(null, "ภาษาไทย ม.1");
        var unit = await designer.AddCategoryAsync(null, "หน่วยที่ 1 ประวัติศาสตร์สุโขทัย", top);

        async Task Write(QuestionType type, Dictionary<string, string> fields)
        {
            var response = await designer.WriteQuestionAsync(unit, type, fields);
            var body = response.StatusCode == HttpStatusCode.OK ? (await response.HtmlAsync()).Texts("[data-testid=question-problems]") : "";
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{type}: {(int)response.StatusCode} {body}");
        }

        await Write(QuestionType.MultipleChoice, new()
        {
            ["Input.Name"] = "ราชธานีแรก", ["Input.Text"] = "ราชธานีแห่งแรกของไทยคือเมืองใด",
            ["Input.Choices[0].Text"] = "สุโขทัย", ["Input.Choices[0].Fraction"] = "1", ["Input.Choices[0].Feedback"] = "ถูกต้อง",
            ["Input.Choices[1].Text"] = "อยุธยา", ["Input.Choices[1].Fraction"] = "0",
            ["Input.Choices[2].Text"] = "ธนบุรี", ["Input.Choices[2].Fraction"] = "-0.3333333",
            ["Input.Tags"] = "ประวัติศาสตร์, ม.1",
        });
        await Write(QuestionType.MultipleChoice, new()
        {
            ["Input.Name"] = "ลายสือไทย", ["Input.Text"] = "ข้อใดเกี่ยวกับพ่อขุนรามคำแหง", ["Input.Single"] = "false",
            ["Input.Choices[0].Text"] = "ประดิษฐ์อักษรไทย", ["Input.Choices[0].Fraction"] = "0.5",
            ["Input.Choices[1].Text"] = "ศิลาจารึกหลักที่ 1", ["Input.Choices[1].Fraction"] = "0.5",
            ["Input.Choices[2].Text"] = "สร้างกรุงเทพฯ", ["Input.Choices[2].Fraction"] = "-1",
        });
        await Write(QuestionType.TrueFalse, new()
        {
            ["Input.Name"] = "ศิลาจารึก", ["Input.Text"] = "ศิลาจารึกหลักที่ 1 พบที่เชียงใหม่", ["Input.CorrectAnswer"] = "false",
            ["Input.TrueFeedback"] = "ไม่ใช่ พบที่สุโขทัย", ["Input.FalseFeedback"] = "ถูกต้อง",
        });
        await Write(QuestionType.ShortAnswer, new()
        {
            ["Input.Name"] = "ชื่อพ่อขุน", ["Input.Text"] = "ผู้ประดิษฐ์อักษรไทยคือ", ["Input.CaseSensitive"] = "true",
            ["Input.Choices[0].Text"] = "พ่อขุนรามคำแหง", ["Input.Choices[0].Fraction"] = "1",
            ["Input.Choices[1].Text"] = "*ราม*", ["Input.Choices[1].Fraction"] = "0.5", ["Input.Choices[1].Feedback"] = "เกือบถูก",
        });
        await Write(QuestionType.Numerical, new()
        {
            ["Input.Name"] = "ปีศิลาจารึก", ["Input.Text"] = "ศิลาจารึกหลักที่ 1 จารึกเมื่อ พ.ศ. ใด",
            ["Input.Numbers[0].Value"] = "1835", ["Input.Numbers[0].Tolerance"] = "1", ["Input.Numbers[0].Fraction"] = "1",
            ["Input.Numbers[1].Value"] = "*", ["Input.Numbers[1].Fraction"] = "0", ["Input.Numbers[1].Feedback"] = "ลองทบทวน",
            ["Input.Units[0].Unit"] = "พ.ศ.", ["Input.Units[0].Multiplier"] = "1", ["Input.UnitPenalty"] = "0.2",
        });
        await Write(QuestionType.Matching, new()
        {
            ["Input.Name"] = "จับคู่เมือง", ["Input.Text"] = "จับคู่เมืองกับจังหวัด",
            ["Input.Pairs[0].Prompt"] = "ศรีสัชนาลัย", ["Input.Pairs[0].Answer"] = "สุโขทัย",
            ["Input.Pairs[1].Prompt"] = "ชากังราว", ["Input.Pairs[1].Answer"] = "กำแพงเพชร",
            ["Input.Pairs[2].Prompt"] = "สองแคว", ["Input.Pairs[2].Answer"] = "พิษณุโลก",
            ["Input.Pairs[3].Prompt"] = "", ["Input.Pairs[3].Answer"] = "ลำปาง",
        });
        await Write(QuestionType.Ordering, new()
        {
            ["Input.Name"] = "ลำดับรัชกาล", ["Input.Text"] = "เรียงลำดับกษัตริย์", ["Input.Grading"] = "AllOrNothing",
            ["Input.Items[0]"] = "พ่อขุนศรีอินทราทิตย์", ["Input.Items[1]"] = "พ่อขุนบานเมือง", ["Input.Items[2]"] = "พ่อขุนรามคำแหง",
        });
        await Write(QuestionType.Cloze, new()
        {
            ["Input.Name"] = "เติมคำสุโขทัย",
            ["Input.ClozeSource"] = "สุโขทัยเป็น{1:SHORTANSWER:=ราชธานี#ถูก~*#ผิด}แห่งแรก ก่อตั้งราว พ.ศ. {2:NUMERICAL:=1792:5} โดย{1:MULTICHOICE:=พ่อขุนศรีอินทราทิตย์~พ่อขุนรามคำแหง}",
        });
        await Write(QuestionType.Essay, new()
        {
            ["Input.Name"] = "เรียงความสุโขทัย", ["Input.Text"] = "อธิบายความสำคัญของสุโขทัย", ["Input.GraderInfo"] = "ให้คะแนนตามเกณฑ์",
            ["Input.ResponseTemplate"] = "สุโขทัยสำคัญเพราะ", ["Input.MinWords"] = "50", ["Input.MaxWords"] = "300", ["Input.DefaultMark"] = "5",
        });
        await Write(QuestionType.Description, new() { ["Input.Name"] = "คำชี้แจง", ["Input.Text"] = "อ่านข้อความต่อไปนี้แล้วตอบคำถาม" });

        var saved = await app.DbAsync(db => db.Questions.AsNoTracking().Include(q => q.Versions).Where(q => q.CategoryId == unit).ToListAsync());
        Assert.Equal(10, saved.Count);
        Assert.Equal(Enum.GetValues<QuestionType>().Order(), saved.Select(q => q.Type).Distinct().Order());
        Assert.All(saved, q => Assert.Equal(1, q.CurrentVersion));
        QuestionContent Content(string name) => saved.Single(q => q.Name == name).Current.Content;

        var single = Assert.IsType<MultipleChoiceQuestion>(Content("ราชธานีแรก"));
        Assert.Equal([1m, 0m, -0.3333333m], single.Choices.Select(c => c.Fraction));
        Assert.Equal("ถูกต้อง", single.Choices[0].Feedback);
        Assert.Equal(["ประวัติศาสตร์", "ม.1"], saved.Single(q => q.Name == "ราชธานีแรก").Tags);
        Assert.False(Assert.IsType<MultipleChoiceQuestion>(Content("ลายสือไทย")).Single);
        Assert.False(Assert.IsType<TrueFalseQuestion>(Content("ศิลาจารึก")).CorrectAnswer);
        var shortAnswer = Assert.IsType<ShortAnswerQuestion>(Content("ชื่อพ่อขุน"));
        Assert.True(shortAnswer.CaseSensitive);
        Assert.Equal(0.5m, shortAnswer.Answers[1].Fraction);
        var number = Assert.IsType<NumericalQuestion>(Content("ปีศิลาจารึก"));
        Assert.Equal([1835m, null], number.Answers.Select(a => a.Value));
        Assert.Equal(0.2m, number.UnitPenalty);
        Assert.Equal("พ.ศ.", Assert.Single(number.Units).Unit);
        var matching = Assert.IsType<MatchingQuestion>(Content("จับคู่เมือง"));
        Assert.Equal(4, matching.Pairs.Count);
        Assert.Equal(3, matching.Prompts.Count);
        Assert.Equal(OrderingGrading.AllOrNothing, Assert.IsType<OrderingQuestion>(Content("ลำดับรัชกาล")).Grading);
        var cloze = Assert.IsType<ClozeQuestion>(Content("เติมคำสุโขทัย"));
        Assert.Equal([ClozeKind.ShortAnswer, ClozeKind.Numerical, ClozeKind.MultipleChoice], cloze.Gaps.Select(g => g.Kind));
        Assert.Contains("{#1}", cloze.Text);
        var essay = Assert.IsType<EssayQuestion>(Content("เรียงความสุโขทัย"));
        Assert.Equal((50, 300, 5m), (essay.MinWords!.Value, essay.MaxWords!.Value, essay.DefaultMark));
        Assert.IsType<DescriptionQuestion>(Content("คำชี้แจง"));

        // The bank lists them under the category, which sits under its parent.
        var bank = await designer.PageAsync(BankSteps.BankUrl(null, unit));
        Assert.Equal("ภาษาไทย ม.1 / หน่วยที่ 1 ประวัติศาสตร์สุโขทัย", bank.Text("[data-testid=category-name]"));
        Assert.Equal(10, bank.QuerySelectorAll("[data-testid=questions] tbody tr").Length);
        // And each opens again in its editor with what was saved (the cloze source as written).
        var editor = await designer.PageAsync($"/Design/Questions/Edit?id={saved.Single(q => q.Name == "เติมคำสุโขทัย").Id}");
        Assert.Contains("{2:NUMERICAL:=1792:5}", editor.QuerySelector("textarea[name='Input.ClozeSource']")!.TextContent);
    }

    [Fact]
    public async Task Editing_makes_version_2_and_an_attempt_made_on_version_1_still_shows_version_1()
    {
        var quiz = await app.PublishedQuizCourseAsync("ฉบับของคำถาม", QuizSteps.TrueFalse(1));
        var teacher = app.NewClient();
        await teacher.SignInOkAsync("teacher");
        var attemptUrl = await teacher.StartQuizAsync(quiz);
        Assert.Contains("ข้อ 1: ครูควรวัดผลระหว่างเรียนใช่หรือไม่", (await teacher.PageAsync(attemptUrl)).Text(".question .prose"));

        var designer = await app.DesignerAsync();
        var questionId = quiz.QuestionIds[0];
        var saved = await designer.EditQuestionAsync(questionId, new Dictionary<string, string>
        {
            ["Input.Text"] = "ฉบับแก้ไข: ครูควรประเมินเพื่อพัฒนาผู้เรียนใช่หรือไม่",
        });
        Assert.True(saved.StatusCode == HttpStatusCode.Redirect, (await saved.HtmlAsync()).Body!.TextContent);

        var question = await app.DbAsync(db => db.Questions.AsNoTracking().Include(q => q.Versions).SingleAsync(q => q.Id == questionId));
        Assert.Equal(2, question.CurrentVersion);
        Assert.Equal([1, 2], question.Versions.Select(v => v.Version).Order());
        Assert.Equal(["ทดสอบ"], question.Tags);
        var again = await teacher.PageAsync(attemptUrl);
        Assert.Contains("ข้อ 1: ครูควรวัดผลระหว่างเรียนใช่หรือไม่", again.Text(".question .prose"));
        Assert.DoesNotContain("ฉบับแก้ไข", again.Body!.TextContent);

        var editor = await designer.PageAsync($"/Design/Questions/Edit?id={questionId}");
        Assert.Equal(2, editor.QuerySelectorAll("[data-testid=history] tbody tr").Length);
        var old = await designer.PageAsync($"/Design/Questions/Preview?id={questionId}&version=1");
        Assert.Contains("ข้อ 1: ครูควรวัดผล", old.Text("[data-testid=preview] .prose"));
    }

    [Fact]
    public async Task A_question_that_breaks_Moodles_rules_is_refused_in_Thai_and_nothing_is_saved()
    {
        var designer = await app.DesignerAsync();
        var category = await designer.AddCategoryAsync(null, "ข้อที่ผิดกติกา");

        var noRightAnswer = await designer.WriteQuestionAsync(category, QuestionType.MultipleChoice, new Dictionary<string, string>
        {
            ["Input.Name"] = "ไม่มีคำตอบถูก", ["Input.Text"] = "ข้อใดถูก",
            ["Input.Choices[0].Text"] = "ก", ["Input.Choices[0].Fraction"] = "0",
            ["Input.Choices[1].Text"] = "ข", ["Input.Choices[1].Fraction"] = "0",
        });
        Assert.Equal(HttpStatusCode.OK, noRightAnswer.StatusCode);
        var page = await noRightAnswer.HtmlAsync();
        Assert.Contains("ไม่มีตัวเลือกที่ถูก", page.Text("[data-testid=question-problems]"));
        // The form keeps what was typed, so nothing has to be written again.
        Assert.Equal("ไม่มีคำตอบถูก", page.QuerySelector("input[name='Input.Name']")!.GetAttribute("value"));

        var notANumber = await designer.WriteQuestionAsync(category, QuestionType.Numerical, new Dictionary<string, string>
        {
            ["Input.Name"] = "ไม่ใช่ตัวเลข", ["Input.Text"] = "กี่ปี", ["Input.Numbers[0].Value"] = "สิบ", ["Input.Numbers[0].Fraction"] = "1",
        });
        Assert.Contains("\"สิบ\" ไม่ใช่ตัวเลข", (await notANumber.HtmlAsync()).Text("[data-testid=question-problems]"));

        var badCloze = await designer.WriteQuestionAsync(category, QuestionType.Cloze, new Dictionary<string, string>
        {
            ["Input.Name"] = "ไม่มีช่องว่าง", ["Input.ClozeSource"] = "ข้อความที่ไม่มีช่องว่างเลย",
        });
        Assert.Contains("ต้องมีช่องว่างอย่างน้อย 1 ช่อง", (await badCloze.HtmlAsync()).Text("[data-testid=question-problems]"));

        var noName = await designer.WriteQuestionAsync(category, QuestionType.TrueFalse, new Dictionary<string, string> { ["Input.Text"] = "ถูกหรือผิด" });
        Assert.Contains("กรุณาตั้งชื่อคำถาม", (await noName.HtmlAsync()).Text("[data-testid=question-problems]"));

        Assert.Equal(0, await app.DbAsync(db => db.Questions.CountAsync(q => q.CategoryId == category)));
    }

    [Fact]
    public async Task The_second_of_two_designers_saving_the_same_question_is_told_and_changes_nothing()
    {
        var designer = await app.DesignerAsync();
        var category = await designer.AddCategoryAsync(null, "แก้พร้อมกัน");
        await designer.WriteQuestionAsync(category, QuestionType.TrueFalse, new Dictionary<string, string>
        {
            ["Input.Name"] = "แก้พร้อมกัน", ["Input.Text"] = "ฉบับแรก", ["Input.CorrectAnswer"] = "true",
        });
        var id = (await app.QuestionNamedAsync("แก้พร้อมกัน")).Id;
        var url = $"/Design/Questions/Edit?id={id}";

        var other = app.NewClient();
        await other.SignInOkAsync("admin");
        var firstForm = await designer.PageAsync(url);
        var secondForm = await other.PageAsync(url);
        var first = await designer.SubmitAsync(firstForm, url, new Dictionary<string, string> { ["Input.Text"] = "ฉบับของผู้ออกแบบ" },
            formSelector: "form[data-testid=question-form]");
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        var second = await other.SubmitAsync(secondForm, url, new Dictionary<string, string> { ["Input.Text"] = "ฉบับของผู้ดูแล" },
            formSelector: "form[data-testid=question-form]");

        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Contains("มีผู้อื่นบันทึกคำถามนี้หลังจากที่คุณเปิด", (await second.HtmlAsync()).Text("[data-testid=question-problems]"));
        var question = await app.QuestionNamedAsync("แก้พร้อมกัน");
        Assert.Equal(2, question.CurrentVersion);
        Assert.Equal("ฉบับของผู้ออกแบบ", question.Current.Content.Text);
    }
}
