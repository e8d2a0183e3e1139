using System.Net;
using Lms.Domain.Questions;
using Lms.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Lms.Web.Tests.QuestionBank;

/// <summary>Keeping a bank in order: nested categories, the shared bank and course banks, hiding, moving and filtering questions.</summary>
public sealed class BankCategoryTests(LmsAppFactory app) : IClassFixture<LmsAppFactory>
{
    [Fact]
    public async Task Categories_nest_rename_move_and_are_deleted_only_when_empty()
    {
        var designer = await app.DesignerAsync();
        var courseId = await app.NewCourseAsync("การวัดและประเมินผล");
        var science = await designer.AddCategoryAsync(courseId, "วิทยาศาสตร์");
        var physics = await designer.AddCategoryAsync(courseId, "ฟิสิกส์", science);
        var waves = await designer.AddCategoryAsync(courseId, "คลื่น", physics);
        var bank = BankSteps.BankUrl(courseId, waves);
        Assert.Equal("วิทยาศาสตร์ / ฟิสิกส์ / คลื่น", (await designer.PageAsync(bank)).Text("[data-testid=category-name]"));

        var renamed = await designer.SubmitAsync(bank, new Dictionary<string, string> { ["name"] = "คลื่นและเสียง", ["info"] = "บทที่ 3" }, handler: "RenameCategory");
        Assert.Equal(HttpStatusCode.Redirect, renamed.StatusCode);
        // A category cannot go inside its own branch.
        var intoItself = await designer.SubmitAsync(BankSteps.BankUrl(courseId, science),
            new Dictionary<string, string> { ["id"] = science.ToString(), ["parentId"] = waves.ToString() }, handler: "MoveCategory");
        Assert.Contains("ย้ายหมวดหมู่ไปไว้ในหมวดย่อยของตัวเองไม่ได้", (await designer.PageAsync(intoItself.Location())).Text("[data-testid=bank-error]"));
        await designer.SubmitAsync(bank, new Dictionary<string, string> { ["parentId"] = science.ToString() }, handler: "MoveCategory");
        var moved = await app.DbAsync(db => db.QuestionCategories.AsNoTracking().SingleAsync(c => c.Id == waves));
        Assert.Equal(("คลื่นและเสียง", "บทที่ 3", (Guid?)science, (Guid?)courseId), (moved.Name, moved.Info, moved.ParentId, moved.CourseId));

        // Not empty (a sub-category, then a question): refused.
        var notEmpty = await designer.SubmitAsync(BankSteps.BankUrl(courseId, science), new Dictionary<string, string> { ["id"] = science.ToString() }, handler: "DeleteCategory");
        Assert.Contains("ลบได้เฉพาะหมวดหมู่ที่ว่างเปล่า", (await designer.PageAsync(notEmpty.Location())).Text("[data-testid=bank-error]"));
        await designer.WriteQuestionAsync(waves, QuestionType.TrueFalse, new Dictionary<string, string> { ["Input.Name"] = "เสียงเดินทางในสุญญากาศ", ["Input.Text"] = "เสียงเดินทางในสุญญากาศได้", ["Input.CorrectAnswer"] = "false" });
        await designer.SubmitAsync(BankSteps.BankUrl(courseId, waves), new Dictionary<string, string>(), handler: "DeleteCategory");
        Assert.True(await app.DbAsync(db => db.QuestionCategories.AnyAsync(c => c.Id == waves)));
        // Empty: deleted.
        await designer.SubmitAsync(BankSteps.BankUrl(courseId, physics), new Dictionary<string, string>(), handler: "DeleteCategory");
        Assert.False(await app.DbAsync(db => db.QuestionCategories.AnyAsync(c => c.Id == physics)));
    }

    [Fact]
    public async Task A_category_a_quiz_draws_random_questions_from_is_not_deleted()
    {
        var quiz = await app.PublishedQuizCourseAsync("สุ่มจากหมวด", QuizSteps.TrueFalse(1));
        var designer = await app.DesignerAsync();
        var pool = await designer.AddCategoryAsync(quiz.CourseId, "คลังสำหรับสุ่ม");
        var added = await designer.SubmitAsync(quiz.EditorUrl, new Dictionary<string, string>
        {
            ["categoryId"] = pool.ToString(), ["count"] = "1", ["mark"] = "1",
        }, handler: "AddRandom");
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);

        var refused = await designer.SubmitAsync(BankSteps.BankUrl(quiz.CourseId, pool), new Dictionary<string, string>(), handler: "DeleteCategory");
        Assert.Contains("นำหมวดนี้ออกจากแบบทดสอบที่สุ่มคำถามจากหมวดนี้", (await designer.PageAsync(refused.Location())).Text("[data-testid=bank-error]"));
        Assert.True(await app.DbAsync(db => db.QuestionCategories.AnyAsync(c => c.Id == pool)));
    }

    [Fact]
    public async Task The_designer_switches_between_the_shared_bank_and_course_banks()
    {
        var designer = await app.DesignerAsync();
        var courseId = await app.NewCourseAsync("ธนาคารของรายวิชา");
        await designer.AddCategoryAsync(null, "กลาง: สมรรถนะครู");
        await designer.AddCategoryAsync(courseId, "เฉพาะรายวิชา");

        var shared = await designer.PageAsync("/Design/Questions");
        var courseBank = await designer.PageAsync($"/Design/Questions?courseId={courseId}");
        Assert.Equal("คลังข้อสอบกลาง", shared.Text("[data-testid=bank-title]"));
        Assert.Equal("ธนาคารของรายวิชา", courseBank.Text("[data-testid=bank-title]"));
        Assert.Contains("กลาง: สมรรถนะครู", shared.Text(".category-tree"));
        Assert.DoesNotContain("เฉพาะรายวิชา", shared.Text(".category-tree"));
        Assert.Contains("เฉพาะรายวิชา", courseBank.Text(".category-tree"));
        Assert.Contains(courseBank.QuerySelectorAll("select[name=courseId] option"), o => o.GetAttribute("value") == courseId.ToString());
        Assert.Equal(HttpStatusCode.NotFound, (await designer.GetAsync($"/Design/Questions?courseId={Guid.NewGuid()}")).StatusCode);
    }

    [Fact]
    public async Task Questions_are_filtered_by_tag_and_type_hidden_and_moved()
    {
        var designer = await app.DesignerAsync();
        var courseId = await app.NewCourseAsync("คัดกรองคำถาม");
        var parent = await designer.AddCategoryAsync(courseId, "คณิตศาสตร์");
        var child = await designer.AddCategoryAsync(courseId, "เศษส่วน", parent);
        var other = await designer.AddCategoryAsync(courseId, "พักไว้");
        await designer.WriteQuestionAsync(parent, QuestionType.TrueFalse, new Dictionary<string, string> { ["Input.Name"] = "บวกเลข", ["Input.Text"] = "1 + 1 = 2", ["Input.Tags"] = "พื้นฐาน" });
        await designer.WriteQuestionAsync(child, QuestionType.ShortAnswer, new Dictionary<string, string>
        {
            ["Input.Name"] = "ครึ่งหนึ่ง", ["Input.Text"] = "1/2 เขียนเป็นทศนิยมได้", ["Input.Tags"] = "พื้นฐาน, เศษส่วน",
            ["Input.Choices[0].Text"] = "0.5", ["Input.Choices[0].Fraction"] = "1",
        });

        string Names(AngleSharp.Html.Dom.IHtmlDocument page) => page.Texts("[data-testid=questions] tbody tr td:nth-child(2) a");
        Assert.Equal("บวกเลข", Names(await designer.PageAsync(BankSteps.BankUrl(courseId, parent))));
        Assert.Equal("ครึ่งหนึ่ง\nบวกเลข", Names(await designer.PageAsync(BankSteps.BankUrl(courseId, parent) + "&sub=true")));
        Assert.Equal("ครึ่งหนึ่ง", Names(await designer.PageAsync(BankSteps.BankUrl(courseId, parent) + "&sub=true&tag=เศษส่วน")));
        Assert.Equal("บวกเลข", Names(await designer.PageAsync(BankSteps.BankUrl(courseId, parent) + "&sub=true&type=TrueFalse")));

        var addition = await app.QuestionNamedAsync("บวกเลข");
        await designer.SubmitAsync(BankSteps.BankUrl(courseId, parent), new Dictionary<string, string> { ["questionId"] = addition.Id.ToString() }, handler: "Hide");
        Assert.True((await app.QuestionNamedAsync("บวกเลข")).Hidden);
        Assert.NotNull((await designer.PageAsync(BankSteps.BankUrl(courseId, parent))).QuerySelector("[data-testid=no-questions]"));
        Assert.Equal("บวกเลข", Names(await designer.PageAsync(BankSteps.BankUrl(courseId, parent) + "&showHidden=true")));
        await designer.SubmitAsync(BankSteps.BankUrl(courseId, parent) + "&showHidden=true", new Dictionary<string, string> { ["questionId"] = addition.Id.ToString() }, handler: "Unhide");
        Assert.False((await app.QuestionNamedAsync("บวกเลข")).Hidden);

        var moved = await designer.SubmitAsync(BankSteps.BankUrl(courseId, parent), new Dictionary<string, string>
        {
            ["questionIds"] = addition.Id.ToString(), ["targetId"] = other.ToString(),
        }, handler: "MoveQuestions");
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        Assert.Equal(other, (await app.QuestionNamedAsync("บวกเลข")).CategoryId);
        // A question of another bank cannot be reached through this one.
        var otherCourse = await app.NewCourseAsync("อีกรายวิชา");
        var foreign = await designer.AddCategoryAsync(otherCourse, "ของรายวิชาอื่น");
        var refused = await designer.SubmitAsync(BankSteps.BankUrl(otherCourse, foreign), new Dictionary<string, string> { ["questionId"] = addition.Id.ToString() }, handler: "Hide");
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
    }
}
