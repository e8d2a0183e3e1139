using Lms.Domain.Questions;
using Lms.Infrastructure.QuestionBank;
using Lms.Infrastructure.QuestionFormats;

namespace Lms.Web.Tests.QuestionBank;

/// <summary>Where imported questions are filed: paths followed down from the chosen category, same names reused.</summary>
public sealed class ImportCategoriesTests
{
    private static readonly Guid Course = Guid.NewGuid();

    [Fact]
    public void Paths_are_made_under_the_chosen_category_reusing_a_category_of_the_same_name()
    {
        var target = new QuestionCategory(Guid.NewGuid(), Course, null, "นำเข้า");
        var existing = new QuestionCategory(Guid.NewGuid(), Course, target.Id, "บทที่ 1");
        var categories = new ImportCategories([target, existing], Course, target.Id, "ไฟล์",
            [new InterchangeCategory(["บทที่ 1", "เรื่องย่อย"], "คำอธิบายจากไฟล์", "ch1-sub")]);

        Assert.Same(target, categories.Resolve([]));
        Assert.Same(existing, categories.Resolve(["บทที่ 1"]));
        var sub = categories.Resolve(["บทที่ 1", " เรื่องย่อย "]);
        Assert.Equal((existing.Id, "เรื่องย่อย", "คำอธิบายจากไฟล์", "ch1-sub", (Guid?)Course), (sub.ParentId!.Value, sub.Name, sub.Info, sub.IdNumber, sub.CourseId));
        Assert.Same(sub, categories.Resolve(["บทที่ 1", "เรื่องย่อย"]));
        Assert.Equal([sub], categories.Created);
        Assert.Equal(["บทที่ 1", "เรื่องย่อย"], categories.PathBelowTarget(sub));
    }

    [Fact]
    public void At_the_top_of_a_bank_questions_without_a_category_go_into_one_named_after_the_file()
    {
        var categories = new ImportCategories([], null, null, "ข้อสอบกลางภาค", []);
        var made = categories.Resolve([]);
        Assert.Equal(("ข้อสอบกลางภาค", (Guid?)null, (Guid?)null), (made.Name, made.ParentId, made.CourseId));
        Assert.Same(made, categories.Resolve([]));
        var top = categories.Resolve(["Default for X", "A"]);
        Assert.Equal(["Default for X", "A"], categories.PathBelowTarget(top));
        Assert.Equal(3, categories.Created.Count);
    }
}
