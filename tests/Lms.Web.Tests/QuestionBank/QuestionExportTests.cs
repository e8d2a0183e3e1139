using System.Net;
using System.Text.Json;
using Lms.Domain.Questions;
using Lms.Infrastructure.Files;
using Lms.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lms.Web.Tests.QuestionBank;

/// <summary>Exporting a category as GIFT or Moodle XML through the export page, and importing the download again elsewhere.</summary>
public sealed class QuestionExportTests(LmsAppFactory app) : IClassFixture<LmsAppFactory>
{
    [Fact]
    public async Task A_GIFT_export_imported_into_another_bank_gives_the_same_questions()
    {
        var designer = await app.DesignerAsync();
        var from = await app.NewCourseAsync("ต้นทาง GIFT");
        var category = await designer.AddCategoryAsync(from, "คณิตศาสตร์ ม.1");
        var sub = await designer.AddCategoryAsync(from, "เศษส่วน", category);
        var preview = await designer.UploadQuestionsAsync(from, category, "questions.gift.txt",
            File.ReadAllBytes(MoodleFixtures.PathOf("question/format/gift/tests/fixtures/questions.gift.txt")));
        await designer.ConfirmImportAsync(preview);
        await designer.WriteQuestionAsync(sub, QuestionType.MultipleChoice, new Dictionary<string, string>
        {
            ["Input.Name"] = "ครึ่งหนึ่ง", ["Input.Text"] = "**ครึ่งหนึ่ง** เท่ากับข้อใด", ["Input.Tags"] = "เศษส่วน",
            ["Input.Choices[0].Text"] = "1/2", ["Input.Choices[0].Fraction"] = "1", ["Input.Choices[0].Feedback"] = "ถูกต้อง",
            ["Input.Choices[1].Text"] = "1/3", ["Input.Choices[1].Fraction"] = "0", ["Input.Choices[1].Feedback"] = "ยังไม่ถูก",
        });

        var response = await designer.GetAsync($"/Design/Questions/Export?courseId={from}&categoryId={category}&format=gift");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType.CharSet);
        Assert.Equal("คณิตศาสตร์ ม.1.txt", response.Content.Headers.ContentDisposition!.FileNameStar);
        var bytes = await response.Content.ReadAsByteArrayAsync();

        var to = await app.NewCourseAsync("ปลายทาง GIFT");
        var again = await designer.UploadQuestionsAsync(to, null, "คณิตศาสตร์ ม.1.txt", bytes);
        Assert.Equal("พร้อมนำเข้า 10 ข้อ พบปัญหา 0 รายการ", again.Text("[data-testid=import-summary]"));
        Assert.Equal("คณิตศาสตร์ ม.1\nคณิตศาสตร์ ม.1 / เศษส่วน", again.Texts("[data-testid=new-categories] li"));
        await designer.ConfirmImportAsync(again);

        var original = await BankAsync(from);
        var copy = await BankAsync(to);
        Assert.Equal(original.Keys.Order(), copy.Keys.Order());
        foreach (var (key, content) in original) Assert.Equal(content, copy[key]);
    }

    [Fact]
    public async Task A_Moodle_XML_export_carries_the_pictures_and_sounds_into_the_other_bank()
    {
        var designer = await app.DesignerAsync();
        var from = await app.NewCourseAsync("ต้นทาง XML");
        var category = await designer.AddCategoryAsync(from, "ฟังและดู");
        var preview = await designer.UploadQuestionsAsync(from, category, "multichoice.xml",
            File.ReadAllBytes(MoodleFixtures.PathOf("question/format/xml/tests/fixtures/multichoice.xml")));
        await designer.ConfirmImportAsync(preview);
        var exportPage = await designer.PageAsync($"/Design/Questions/Export?courseId={from}&categoryId={category}");
        Assert.Contains("เขียนเป็น GIFT ไม่ได้", exportPage.Body!.TextContent);

        var response = await designer.GetAsync($"/Design/Questions/Export?courseId={from}&categoryId={category}&format=xml");
        Assert.Equal("application/xml", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("ฟังและดู.xml", response.Content.Headers.ContentDisposition!.FileNameStar);
        var to = await app.NewCourseAsync("ปลายทาง XML");
        var again = await designer.UploadQuestionsAsync(to, null, "ฟังและดู.xml", await response.Content.ReadAsByteArrayAsync());
        Assert.Equal("พร้อมนำเข้า 1 ข้อ พบปัญหา 0 รายการ", again.Text("[data-testid=import-summary]"));
        await designer.ConfirmImportAsync(again);

        var original = (await BankAsync(from)).Single();
        var copy = (await BankAsync(to)).Single();
        Assert.Equal(original.Key, copy.Key);
        Assert.Equal(original.Value, copy.Value);
        Assert.Equal(await FileBytesAsync(from), await FileBytesAsync(to));
    }

    [Fact]
    public async Task Only_a_category_of_the_named_bank_is_exported()
    {
        var designer = await app.DesignerAsync();
        var course = await app.NewCourseAsync("ส่งออกผิดคลัง");
        var category = await designer.AddCategoryAsync(course, "ของรายวิชา");
        Assert.Equal(HttpStatusCode.NotFound, (await designer.GetAsync($"/Design/Questions/Export?categoryId={category}&format=gift")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await designer.GetAsync($"/Design/Questions/Export?courseId={course}&categoryId={category}&format=gift")).StatusCode);
    }

    /// <summary>Each question of a course's bank by its category path and name, with its content as JSON (files by name only: keys differ).</summary>
    private Task<Dictionary<string, string>> BankAsync(Guid courseId) => app.DbAsync(async db =>
    {
        var tree = new QuestionCategoryTree(await db.QuestionCategories.AsNoTracking().Where(c => c.CourseId == courseId).ToListAsync());
        var ids = tree.Flatten().Select(c => c.Category.Id).ToList();
        var questions = await db.Questions.AsNoTracking().Include(q => q.Versions).Where(q => ids.Contains(q.CategoryId)).ToListAsync();
        return questions.GroupBy(q => string.Join("/", tree.PathOf(q.CategoryId)) + "/" + q.Name)
            .SelectMany(g => g.Select((q, i) => (Key: $"{g.Key}#{i}", q)))
            .ToDictionary(x => x.Key, x => JsonSerializer.Serialize(x.q.Current.Content with
            {
                Files = x.q.Current.Content.Files.Select(f => f with { Key = "" }).OrderBy(f => f.Name).ToList(),
            }) + " tags: " + string.Join(",", x.q.Tags));
    });

    private Task<List<string>> FileBytesAsync(Guid courseId) => app.DbAsync(async db =>
    {
        var contents = await db.Questions.AsNoTracking().Include(q => q.Versions)
            .Where(q => db.QuestionCategories.Any(c => c.Id == q.CategoryId && c.CourseId == courseId)).ToListAsync();
        var store = app.Services.GetRequiredService<IFileStore>();
        var result = new List<string>();
        foreach (var f in contents.SelectMany(q => q.Current.Content.Files).OrderBy(f => f.Name))
        {
            await using var stream = (await store.OpenReadAsync(f.Key))!;
            using var buffer = new MemoryStream();
            await stream.CopyToAsync(buffer);
            result.Add(f.Name + ":" + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(buffer.ToArray())));
        }
        return result;
    });
}
