using System.Net;
using System.Net.Http.Headers;
using AngleSharp.Html.Dom;
using Lms.Domain.Certificates;
using Lms.Infrastructure.Files;
using Lms.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SkiaSharp;

namespace Lms.Web.Tests.Certificates;

/// <summary>A course designer makes a certificate template in the browser: background, fields, signatures, preview.</summary>
public sealed class TemplateDesignTests(LmsAppFactory app) : IClassFixture<LmsAppFactory>
{
    private static readonly SKColor Cream = new(0xF5, 0xE6, 0xC8);

    private async Task<(HttpClient Designer, Guid Id)> CreateTemplateAsync(string name, string orientation = "Landscape", string? courseId = null)
    {
        var designer = app.NewClient();
        await designer.SignInOkAsync("designer");
        var fields = new Dictionary<string, string> { ["Input.Name"] = name, ["Input.Orientation"] = orientation };
        if (courseId is not null) fields["Input.CourseId"] = courseId;
        var created = await designer.SubmitAsync("/Design/Certificates/Edit", fields);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        return (designer, Guid.Parse(created.Location().Split('/').Last()));
    }

    /// <summary>Posts the template form as a browser would: every current value, the changes, and the files chosen.</summary>
    private static async Task<HttpResponseMessage> SaveAsync(HttpClient client, Guid id, IDictionary<string, string> changes,
        params (string Field, string FileName, byte[] Bytes)[] uploads)
    {
        var url = $"/Design/Certificates/Edit/{id}";
        var page = await client.PageAsync(url);
        var form = page.QuerySelectorAll("form").OfType<IHtmlFormElement>().Single(f => f.Enctype == "multipart/form-data");
        using var content = new MultipartFormDataContent();
        foreach (var (name, value) in FormValues(form).Where(kv => !changes.ContainsKey(kv.Key))) content.Add(new StringContent(value), name);
        foreach (var (name, value) in changes) content.Add(new StringContent(value), name);
        foreach (var (field, fileName, bytes) in uploads)
        {
            var file = new ByteArrayContent(bytes);
            file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
            content.Add(file, field, fileName);
        }
        return await client.PostAsync(url, content);
    }

    private static IEnumerable<KeyValuePair<string, string>> FormValues(IHtmlFormElement form)
    {
        foreach (var el in form.QuerySelectorAll("input, select, textarea"))
        {
            var name = el.GetAttribute("name");
            if (string.IsNullOrEmpty(name)) continue;
            switch (el)
            {
                case IHtmlInputElement { Type: "checkbox" or "radio" } input:
                    if (input.IsChecked) yield return new(name, input.GetAttribute("value") ?? "on");
                    break;
                case IHtmlInputElement { Type: "file" or "submit" }:
                    break;
                case IHtmlInputElement input:
                    yield return new(name, input.GetAttribute("value") ?? "");
                    break;
                case IHtmlSelectElement select:
                    foreach (var option in select.Options.Where(o => o.IsSelected)) yield return new(name, option.Value);
                    break;
            }
        }
    }

    private Task<CertificateTemplate> LoadAsync(Guid id) =>
        app.DbAsync(db => db.CertificateTemplates.AsNoTracking().SingleAsync(t => t.Id == id));

    private static string Errors(IHtmlDocument page) => page.QuerySelector("[data-testid=template-errors]")?.TextContent ?? "";

    [Fact]
    public async Task A_designer_uploads_a_background_and_the_preview_shows_it_at_A4_proportions()
    {
        var (designer, id) = await CreateTemplateAsync("เกียรติบัตรอบรมครู 2570");
        var saved = await SaveAsync(designer, id, new Dictionary<string, string>(),
            ("background", "พื้นหลัง.png", CertificateSamples.Png(1169, 827, Cream)));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var page = await designer.PageAsync($"/Design/Certificates/Edit/{id}");
        Assert.Equal("บันทึกแม่แบบแล้ว", page.Text("[data-testid=template-saved]"));

        var template = await LoadAsync(id);
        Assert.NotNull(template.BackgroundImageKey);
        await app.ScopeAsync(async sp => Assert.True(await sp.GetRequiredService<IFileStore>().ExistsAsync(template.BackgroundImageKey!)));

        var previewUrl = page.QuerySelector("[data-testid=template-preview]")!.GetAttribute("src")!;
        var preview = await designer.GetAsync(previewUrl);
        Assert.Equal("image/png", preview.Content.Headers.ContentType!.MediaType);
        using var bitmap = SKBitmap.Decode(await preview.Content.ReadAsByteArrayAsync());
        Assert.Equal(1000, bitmap.Width);
        Assert.Equal(297.0 / 210.0, (double)bitmap.Width / bitmap.Height, 0.01);
        var corner = bitmap.GetPixel(3, 3);
        Assert.True(Math.Abs(corner.Red - Cream.Red) < 10 && Math.Abs(corner.Blue - Cream.Blue) < 10, $"corner {corner}: the background should show");

        var pdf = await designer.GetAsync(page.QuerySelector("[data-testid=preview-pdf]")!.GetAttribute("href")!);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType!.MediaType);
        using var document = UglyToad.PdfPig.PdfDocument.Open(await pdf.Content.ReadAsByteArrayAsync());
        Assert.Equal(1, document.NumberOfPages);
        Assert.Equal(841.89, document.GetPage(1).Width, 0.5);
        Assert.Contains("นางสาวกิ", string.Concat(document.GetPage(1).Letters.Select(x => x.Value)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_designer_edits_fields_and_signatures_and_sees_them_again()
    {
        var (designer, id) = await CreateTemplateAsync("แม่แบบแก้ไขช่อง", "Portrait");
        var page = await designer.PageAsync($"/Design/Certificates/Edit/{id}");
        var rows = page.QuerySelectorAll("[data-testid=field-row]").Length;
        var blank = rows - EditBlankRows;
        var saved = await SaveAsync(designer, id, new Dictionary<string, string>
        {
            ["Input.Name"] = "แม่แบบเกียรติบัตรวิทยากร",
            ["Input.SerialNumberFormat"] = "สพม.สท {n:0000}/{fy}",
            ["Input.ThaiDigits"] = "true",
            ["Input.Fields[1].FontSizePt"] = "36",
            ["Input.Fields[1].Colour"] = "#1f3a93",
            [$"Input.Fields[{blank}].Kind"] = "Signature1",
            [$"Input.Fields[{blank}].XMm"] = "105", [$"Input.Fields[{blank}].YMm"] = "250",
            [$"Input.Fields[{blank}].Align"] = "Centre", [$"Input.Fields[{blank}].FontSizePt"] = "14",
            ["Input.Fields[0].Remove"] = "true",
            ["Input.Signatures[0].Name"] = "นายสมชาย ผู้นำดี",
            ["Input.Signatures[0].Position"] = "ผู้อำนวยการสำนักงานเขตพื้นที่การศึกษามัธยมศึกษาสุโขทัย",
        }, ("signatureImage0", "ลายเซ็น.png", CertificateSamples.Png(400, 160, SKColors.Navy)));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var template = await LoadAsync(id);
        Assert.Equal("แม่แบบเกียรติบัตรวิทยากร", template.Name);
        Assert.Equal(CertificateOrientation.Portrait, template.Orientation);
        Assert.True(template.ThaiDigits);
        Assert.Equal(blank, template.Fields.Count); // one removed, one added
        Assert.DoesNotContain(template.Fields, f => f.Kind == CertificateFieldKind.FreeText);
        var name = template.Fields.Single(f => f.Kind == CertificateFieldKind.RecipientName);
        Assert.Equal((36m, "#1F3A93"), (name.FontSizePt, name.Colour));
        Assert.Equal(105m, template.Fields.Single(f => f.Kind == CertificateFieldKind.Signature1).XMm);
        Assert.Equal("นายสมชาย ผู้นำดี", template.Signatures.Single().Name);
        Assert.NotNull(template.Signatures.Single().ImageKey);
        Assert.Equal("สพม.สท 0001/2570", template.FormatSerial(1, new Domain.Calendar.FiscalYear(2570)));

        var again = await designer.PageAsync($"/Design/Certificates/Edit/{id}");
        Assert.Equal("นายสมชาย ผู้นำดี", again.QuerySelector("input[name='Input.Signatures[0].Name']")!.GetAttribute("value"));
        Assert.NotNull(again.QuerySelector("input[name='Input.Signatures[0].RemoveImage']"));
        var list = await designer.PageAsync("/Design/Certificates");
        Assert.Contains(list.QuerySelectorAll("[data-testid=template-row]"), r => r.TextContent.Contains("แม่แบบเกียรติบัตรวิทยากร") && r.TextContent.Contains("A4 แนวตั้ง"));

        var preview = await designer.GetAsync($"/Design/Certificates/Edit/{id}?handler=Preview&width=600");
        using var bitmap = SKBitmap.Decode(await preview.Content.ReadAsByteArrayAsync());
        Assert.Equal((600, 849), (bitmap.Width, bitmap.Height));
    }

    private const int EditBlankRows = 3;

    [Fact]
    public async Task A_text_file_named_png_is_refused_in_Thai_and_nothing_is_saved()
    {
        var (designer, id) = await CreateTemplateAsync("แม่แบบไฟล์ปลอม");
        var before = await LoadAsync(id);
        var response = await SaveAsync(designer, id, new Dictionary<string, string> { ["Input.Name"] = "ชื่อใหม่ที่ไม่ควรถูกบันทึก" },
            ("background", "พื้นหลัง.png", "นี่คือข้อความ ไม่ใช่รูปภาพ"u8.ToArray()));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var errors = Errors(await response.HtmlAsync());
        Assert.Contains("ภาพพื้นหลัง: ไม่รองรับไฟล์ชนิดนี้ ระบบรับเฉพาะไฟล์", errors);
        var after = await LoadAsync(id);
        Assert.Equal(before.Name, after.Name);
        Assert.Null(after.BackgroundImageKey);
    }

    [Fact]
    public async Task A_file_that_only_starts_like_a_PNG_is_refused_because_it_cannot_be_drawn()
    {
        var (designer, id) = await CreateTemplateAsync("แม่แบบ PNG เสีย");
        var response = await SaveAsync(designer, id, new Dictionary<string, string>(),
            ("signatureImage0", "ลายเซ็น.png", Files.SampleFiles.Png()));
        var errors = Errors(await response.HtmlAsync());
        Assert.Contains("ภาพลายมือชื่อที่ 1: ไม่สามารถอ่านภาพนี้ได้", errors);
        Assert.Empty((await LoadAsync(id)).Signatures);
    }

    [Fact]
    public async Task A_field_off_the_page_is_refused_with_its_row_number_and_nothing_is_saved()
    {
        var (designer, id) = await CreateTemplateAsync("แม่แบบตำแหน่งผิด");
        var before = await LoadAsync(id);
        var response = await SaveAsync(designer, id, new Dictionary<string, string>
        {
            ["Input.Name"] = "ไม่ควรถูกบันทึก", ["Input.Fields[2].XMm"] = "250", ["Input.Orientation"] = "Portrait",
        }, ("background", "พื้นหลัง.png", CertificateSamples.Png(827, 1169, Cream)));
        var errors = Errors(await response.HtmlAsync());
        Assert.Contains("ช่องที่ 3: ตำแหน่งของช่องอยู่นอกหน้ากระดาษ", errors);
        var after = await LoadAsync(id);
        Assert.Equal((before.Name, before.Orientation, (string?)null), (after.Name, after.Orientation, after.BackgroundImageKey));
    }

    [Fact]
    public async Task A_number_format_without_the_running_number_is_refused_in_Thai()
    {
        var (designer, id) = await CreateTemplateAsync("แม่แบบเลขที่ผิด");
        var response = await SaveAsync(designer, id, new Dictionary<string, string> { ["Input.SerialNumberFormat"] = "สพม.สท /{fy}" });
        Assert.Contains("รูปแบบเลขที่ต้องมีเลขลำดับ {n} หนึ่งครั้งพอดี", Errors(await response.HtmlAsync()));
        Assert.Equal(SerialNumberFormat.Default, (await LoadAsync(id)).SerialNumberFormat);
    }

    [Fact]
    public async Task A_course_template_is_listed_with_its_course_and_previews_with_the_course_s_hours_and_title()
    {
        const string title = "Coding for Teachers ครูสอนโค้ด";
        var (_, courseId, _) = await app.NewCourseAsync(title); // 3 credit hours
        var (designer, id) = await CreateTemplateAsync("แม่แบบเฉพาะรายวิชา", courseId: courseId.ToString());
        Assert.Equal(courseId, (await LoadAsync(id)).CourseId);
        var list = await designer.PageAsync("/Design/Certificates");
        Assert.Contains(list.QuerySelectorAll("[data-testid=template-row]"), r => r.TextContent.Contains("แม่แบบเฉพาะรายวิชา") && r.TextContent.Contains(title));
        var pdf = await designer.GetAsync($"/Design/Certificates/Edit/{id}?handler=PreviewPdf");
        using var document = UglyToad.PdfPig.PdfDocument.Open(await pdf.Content.ReadAsByteArrayAsync());
        var text = string.Concat(document.GetPage(1).Letters.Select(x => x.Value));
        Assert.Contains("หลักสูตร Coding for Teachers ครูสอนโค้ด", text, StringComparison.Ordinal);
        Assert.Contains("จํานวน 3 ชั", text, StringComparison.Ordinal); // "ำ" comes back as its two parts, ่ as \0 (see CertificateRendererTests)
    }

    [Fact]
    public async Task A_designer_deletes_a_template()
    {
        var (designer, id) = await CreateTemplateAsync("แม่แบบที่จะลบ");
        var deleted = await designer.SubmitAsync($"/Design/Certificates/Edit/{id}", new Dictionary<string, string>(), handler: "Delete");
        Assert.Equal("/Design/Certificates", deleted.Location());
        Assert.False(await app.DbAsync(db => db.CertificateTemplates.AnyAsync(t => t.Id == id)));
    }

    [Fact]
    public async Task A_teacher_cannot_open_the_templates_or_their_previews()
    {
        var (_, id) = await CreateTemplateAsync("แม่แบบที่ครูเปิดไม่ได้");
        var teacher = app.NewClient();
        await teacher.SignInOkAsync("teacher");
        foreach (var url in new[] { "/Design/Certificates", $"/Design/Certificates/Edit/{id}", $"/Design/Certificates/Edit/{id}?handler=Preview",
                     $"/Design/Certificates/Edit/{id}?handler=PreviewPdf" })
        {
            var response = await teacher.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden || (response.Headers.Location?.OriginalString ?? "").Contains("/Account/AccessDenied"),
                $"{url} → {(int)response.StatusCode}");
        }
    }
}
