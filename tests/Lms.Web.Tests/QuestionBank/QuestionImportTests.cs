using System.Net;
using System.Text;
using Lms.Domain.Questions;
using Lms.Infrastructure.Files;
using Lms.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lms.Web.Tests.QuestionBank;

/// <summary>
/// Importing Moodle question files through the import page: Moodle's own fixtures (../shared/fixtures/moodle, copied
/// from moodle/moodle, see its README), preview before anything is saved, files with problems, a double-clicked import.
/// </summary>
public sealed class QuestionImportTests(LmsAppFactory app) : IClassFixture<LmsAppFactory>
{
    private const string GiftFixture = "question/format/gift/tests/fixtures/questions.gift.txt";
    private const string GiftInCategory = "question/format/gift/tests/fixtures/questions_in_category.gift.txt";

    private static byte[] Fixture(string path) => File.ReadAllBytes(MoodleFixtures.PathOf(path));

    [Fact]
    public async Task Moodles_GIFT_sample_is_previewed_with_lines_then_imported_into_the_chosen_category()
    {
        var designer = await app.DesignerAsync();
        var courseId = await app.NewCourseAsync("นำเข้า GIFT");
        var target = await designer.AddCategoryAsync(courseId, "จาก Moodle");

        var preview = await designer.UploadQuestionsAsync(courseId, target, "questions.gift.txt", Fixture(GiftFixture));
        Assert.Equal("พร้อมนำเข้า 9 ข้อ พบปัญหา 0 รายการ", preview.Text("[data-testid=import-summary]"));
        var rows = preview.QuerySelectorAll("[data-testid=import-questions] tbody tr");
        Assert.Equal(["2", "5", "14", "22", "31", "34", "41", "46", "49"], rows.Select(r => r.Children[0].TextContent));
        Assert.Equal(["Q8", "Moodle activities", "Q2", "colours", "Q5", "Shortanswer", "Q1", "2-08 TSL", "2-08 TSL"], rows.Select(r => r.Children[2].TextContent));
        Assert.Equal("อัตนัย/เรียงความ", rows[0].Children[1].TextContent);
        Assert.Null(preview.QuerySelector("[data-testid=new-categories]"));
        Assert.Equal(0, await app.DbAsync(db => db.Questions.CountAsync(q => q.CategoryId == target)));

        var imported = await designer.ConfirmImportAsync(preview);
        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
        Assert.Contains("นำเข้าคำถามแล้ว 9 ข้อ", (await imported.HtmlAsync()).Text("[data-testid=import-done]"));
        var questions = await app.DbAsync(db => db.Questions.AsNoTracking().Where(q => q.CategoryId == target).OrderBy(q => q.Name).ToListAsync());
        Assert.Equal(9, questions.Count);
        Assert.Equal(2, questions.Count(q => q.Name == "2-08 TSL"));
        Assert.Equal(QuestionType.Matching, questions.Single(q => q.Name == "Moodle activities").Type);

        // A file that names its category: the category is made under the chosen one, and reused on a second import.
        var inCategory = await designer.UploadQuestionsAsync(courseId, target, "questions_in_category.gift.txt", Fixture(GiftInCategory));
        Assert.Equal("Default for New Features", inCategory.Text("[data-testid=new-categories]"));
        await designer.ConfirmImportAsync(inCategory);
        var again = await designer.UploadQuestionsAsync(courseId, target, "questions_in_category.gift.txt", Fixture(GiftInCategory));
        Assert.Null(again.QuerySelector("[data-testid=new-categories]"));
        await designer.ConfirmImportAsync(again);
        var made = await app.DbAsync(db => db.QuestionCategories.AsNoTracking().Where(c => c.ParentId == target).ToListAsync());
        var category = Assert.Single(made);
        Assert.Equal(("Default for New Features", (Guid?)courseId), (category.Name, category.CourseId));
        Assert.Equal(8, await app.DbAsync(db => db.Questions.CountAsync(q => q.CategoryId == category.Id)));
    }

    [Fact]
    public async Task A_file_with_problems_imports_nothing_unless_the_bad_questions_are_skipped()
    {
        var designer = await app.DesignerAsync();
        var target = await designer.AddCategoryAsync(null, "ไฟล์มีข้อผิดพลาด");
        var gift = """
            ::ดี 1:: สุโขทัยเป็นราชธานีแห่งแรก {T}

            ::น้ำหนักผิด:: ข้อใดเป็นสีของธงชาติ {
                ~%33%แดง
                ~%33%ขาว
                ~%33%น้ำเงิน
                ~เขียว
            }

            ::ดี 2:: 2 + 2 = {#4}

            ::ปีกกาไม่ปิด:: ข้อนี้ไม่มีปีกกาปิด {=ก ~ข
            """;
        var preview = await designer.UploadQuestionsAsync(null, target, "ข้อสอบ.gift", Encoding.UTF8.GetBytes(gift));
        Assert.Equal("พร้อมนำเข้า 2 ข้อ พบปัญหา 2 รายการ", preview.Text("[data-testid=import-summary]"));
        var problems = preview.QuerySelectorAll("[data-testid=import-problems] tbody tr");
        Assert.Equal(["3", "12"], problems.Select(p => p.Children[0].TextContent));
        Assert.Equal("น้ำหนักผิด", problems[0].Children[1].TextContent);
        Assert.Contains("ไม่ใช่ค่าคะแนนที่ Moodle ใช้", problems[0].Children[2].TextContent);
        Assert.Equal("มี { ที่ไม่มี } ปิดตามหลัง", problems[1].Children[2].TextContent);

        var refused = await designer.ConfirmImportAsync(preview);
        Assert.Contains("ไม่ได้นำเข้าข้อมูลใด ๆ", (await refused.HtmlAsync()).Text("[data-testid=import-error]"));
        Assert.Equal(0, await app.DbAsync(db => db.Questions.CountAsync(q => q.CategoryId == target)));

        var skipped = await designer.ConfirmImportAsync(preview, skip: true);
        Assert.Contains("นำเข้าคำถามแล้ว 2 ข้อ", (await skipped.HtmlAsync()).Text("[data-testid=import-done]"));
        Assert.Equal(["ดี 1", "ดี 2"], await app.DbAsync(db => db.Questions.Where(q => q.CategoryId == target).OrderBy(q => q.Name).Select(q => q.Name).ToListAsync()));
    }

    [Fact]
    public async Task Pressing_import_twice_at_once_imports_the_file_once()
    {
        var designer = await app.DesignerAsync();
        var target = await designer.AddCategoryAsync(null, "กดสองครั้ง");
        var preview = await designer.UploadQuestionsAsync(null, target, "questions.gift.txt", Fixture(GiftFixture));

        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => designer.ConfirmImportAsync(preview)));
        var pages = await Task.WhenAll(responses.Select(r => r.HtmlAsync()));
        Assert.Single(pages, p => p.QuerySelector("[data-testid=import-done]") is not null);
        Assert.All(pages.Where(p => p.QuerySelector("[data-testid=import-done]") is null),
            p => Assert.Contains("ไฟล์นี้ถูกนำเข้าไปแล้ว", p.Text("[data-testid=import-error]")));
        Assert.Equal(9, await app.DbAsync(db => db.Questions.CountAsync(q => q.CategoryId == target)));
        // And later, from the same preview (the back button): still once.
        var late = await designer.ConfirmImportAsync(preview);
        Assert.Contains("ไฟล์นี้ถูกนำเข้าไปแล้ว", (await late.HtmlAsync()).Text("[data-testid=import-error]"));
        Assert.Equal(9, await app.DbAsync(db => db.Questions.CountAsync(q => q.CategoryId == target)));
    }

    [Fact]
    public async Task Moodle_XML_pictures_and_sounds_are_stored_and_shown_and_other_files_refused()
    {
        var designer = await app.DesignerAsync();
        var target = await designer.AddCategoryAsync(null, "มีภาพและเสียง");
        var preview = await designer.UploadQuestionsAsync(null, target, "multichoice.xml", Fixture("question/format/xml/tests/fixtures/multichoice.xml"));
        Assert.Equal("พร้อมนำเข้า 1 ข้อ พบปัญหา 0 รายการ", preview.Text("[data-testid=import-summary]"));
        await designer.ConfirmImportAsync(preview);

        // The file's category path ($course$/Default for testhead/Multichoice) is made under the chosen category.
        var made = await app.DbAsync(db => db.QuestionCategories.AsNoTracking().SingleAsync(c => c.ParentId == target));
        Assert.Equal("Default for testhead", made.Name);
        var question = await app.DbAsync(db => db.Questions.AsNoTracking().Include(q => q.Versions)
            .SingleAsync(q => db.QuestionCategories.Any(c => c.Id == q.CategoryId && c.ParentId == made.Id && c.Name == "Multichoice")));
        var files = question.Current.Content.Files;
        Assert.Contains(files, f => f.ContentType == "audio/mpeg");
        Assert.Contains(files, f => f.ContentType == "image/jpeg");
        await app.ScopeAsync(async sp =>
        {
            var store = sp.GetRequiredService<IFileStore>();
            foreach (var f in files) Assert.True(await store.ExistsAsync(f.Key), f.Name);
        });
        var shown = await designer.PageAsync($"/Design/Questions/Preview?id={question.Id}");
        var image = shown.QuerySelector("[data-testid=preview] img")!.GetAttribute("src")!;
        Assert.StartsWith($"/QuestionFiles/{question.Id}/1/", image);
        var served = await designer.GetAsync(image);
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal("image/jpeg", served.Content.Headers.ContentType!.MediaType);

        // An "image" that is really a web page is refused, with the question's line.
        var html = Convert.ToBase64String("<html><script>alert(1)</script></html>"u8.ToArray());
        var xml = $"""
            <?xml version="1.0" encoding="UTF-8"?>
            <quiz>
              <question type="truefalse">
                <name><text>ภาพปลอม</text></name>
                <questiontext format="html"><text><![CDATA[<img src="@@PLUGINFILE@@/ภาพ.png">]]></text>
                  <file name="ภาพ.png" path="/" encoding="base64">{html}</file></questiontext>
                <answer fraction="100"><text>true</text></answer>
                <answer fraction="0"><text>false</text></answer>
              </question>
            </quiz>
            """;
        var fake = await designer.UploadQuestionsAsync(null, target, "ปลอม.xml", Encoding.UTF8.GetBytes(xml));
        var problem = fake.QuerySelector("[data-testid=import-problems] tbody tr")!;
        Assert.Equal(("3", "ภาพปลอม"), (problem.Children[0].TextContent, problem.Children[1].TextContent));
        Assert.Contains("ไม่ใช่ภาพหรือเสียง", problem.Children[2].TextContent);
        Assert.Null(fake.QuerySelector("[data-testid=confirm-import]"));
    }

    [Fact]
    public async Task Files_that_are_not_question_files_are_refused_before_anything_is_read()
    {
        var designer = await app.DesignerAsync();
        var wrongName = await designer.UploadQuestionsAsync(null, null, "ข้อสอบ.docx", "::a:: b {T}"u8.ToArray());
        Assert.Contains("กรุณาอัปโหลดไฟล์ GIFT", wrongName.Text("[data-testid=import-problems]"));
        var notText = await designer.UploadQuestionsAsync(null, null, "ข้อสอบ.txt", [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46]);
        Assert.Contains("ไม่ใช่ข้อความที่บันทึกแบบ UTF-8", notText.Text("[data-testid=import-problems]"));
        var notXml = await designer.UploadQuestionsAsync(null, null, "ข้อสอบ.xml", "::a:: b {T}"u8.ToArray());
        Assert.Contains("ไฟล์ไม่ใช่ XML", notXml.Text("[data-testid=import-problems]"));
        var unknownCode = await designer.UploadQuestionsAsync(null, null, "x.xml", "<lesson/>"u8.ToArray());
        Assert.Contains("ไม่ใช่ไฟล์คำถาม Moodle XML", unknownCode.Text("[data-testid=import-problems]"));
    }
}
