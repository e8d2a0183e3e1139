using System.Net;
using System.Net.Http.Headers;
using System.Text;
using AngleSharp.Html.Dom;
using Lms.Domain.Organisation;
using Lms.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace Lms.Web.Tests.Admin;

/// <summary>The administrator's bulk import, end to end over HTTP on real PostgreSQL.</summary>
public sealed class StaffImportPageTests(LmsAppFactory app) : IClassFixture<LmsAppFactory>
{
    private const string Header = "อีเมล,คำนำหน้า,ชื่อ,นามสกุล,ตำแหน่ง,รหัสโรงเรียน,กลุ่มสาระ,บทบาท";

    private static byte[] Csv(params string[] rows) =>
        [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(string.Join("\r\n", [Header, .. rows]) + "\r\n")];

    private async Task<(HttpClient Client, IHtmlDocument Preview)> UploadAsync(byte[] file, string name)
    {
        var client = app.NewClient();
        await client.SignInOkAsync("admin");
        var page = await client.PageAsync("/Admin/People/Import");
        var token = page.QuerySelector("form[enctype] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var content = new MultipartFormDataContent();
        content.Add(new StringContent(token), "__RequestVerificationToken");
        var part = new ByteArrayContent(file);
        part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        content.Add(part, "file", name);
        var response = await client.PostAsync("/Admin/People/Import?handler=Upload", content);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (client, await response.HtmlAsync());
    }

    private static async Task<IHtmlDocument> ConfirmAsync(HttpClient client, IHtmlDocument preview, bool onlyValid)
    {
        var fields = new Dictionary<string, string>();
        if (onlyValid) fields["OnlyValid"] = "true";
        var response = await client.SubmitAsync(preview, "/Admin/People/Import", fields, handler: "Import");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.HtmlAsync();
    }

    [Fact]
    public async Task A_file_with_one_bad_row_shows_its_row_number_and_imports_nothing_until_told_to_skip_it()
    {
        var (client, preview) = await UploadAsync(Csv(
            "malee.k@sukhothai.example,นางสาว,มาลี,แก้วใส,ครูผู้ช่วย,64010003,ภาษาไทย,",
            "wichai.s@sukhothai.example,นาย,วิชัย,สอนดี,ครู,64010003,คณิตศาสตร์,Learner",
            "bad.row@sukhothai.example,นาง,ผิด,โรงเรียน,ครู,64019999,,"), "staff.csv");

        Assert.Contains("แถวที่ 4", preview.Text("[data-testid=row-errors]"));
        Assert.Contains("64019999", preview.Text("[data-testid=row-errors]"));
        Assert.Contains("พร้อมนำเข้า 2 แถว มีข้อผิดพลาด 1 แถว", preview.Text("[data-testid=import-summary]"));

        var refused = await ConfirmAsync(client, preview, onlyValid: false);
        Assert.Contains("ยังไม่ได้นำเข้าข้อมูลใด ๆ", refused.Text("[data-testid=import-error]"));
        Assert.False(await app.DbAsync(db => db.Users.AnyAsync(u => u.Email == "malee.k@sukhothai.example")));

        var done = await ConfirmAsync(client, refused, onlyValid: true);
        Assert.Contains("นำเข้าบุคลากรแล้ว 2 คน", done.Text("[data-testid=import-done]"));
        var malee = await app.DbAsync(db => db.People.SingleAsync(p => p.FirstName == "มาลี" && p.LastName == "แก้วใส"));
        Assert.Equal(Position.AssistantTeacher, malee.Position);
        Assert.Equal(SubjectArea.Thai, malee.SubjectArea);
        Assert.False(await app.DbAsync(db => db.Users.AnyAsync(u => u.Email == "bad.row@sukhothai.example")));
        var audits = await app.DbAsync(db => db.AuditEntries.Where(a => a.EntityType == "StaffImport").ToListAsync());
        Assert.Contains(audits, a => a.ActorName == "admin" && a.After!.Contains("staff.csv") && a.After.Contains("\"Created\": 2"));
    }

    [Fact]
    public async Task An_xlsx_file_is_imported_with_roles_and_the_people_can_be_found()
    {
        var rows = new[]
        {
            new Dictionary<string, object> { ["อีเมล"] = "director.x@sukhothai.example", ["คำนำหน้า"] = "นาย", ["ชื่อ"] = "ประยุทธ", ["นามสกุล"] = "บริหารเก่ง",
                ["ตำแหน่ง"] = "ผู้บริหารสถานศึกษา", ["รหัสโรงเรียน"] = "64010010", ["กลุ่มสาระ"] = "", ["บทบาท"] = "SchoolDirector Learner" },
        };
        using var stream = new MemoryStream();
        await stream.SaveAsAsync(rows);
        var (client, preview) = await UploadAsync(stream.ToArray(), "staff.xlsx");
        Assert.Contains("พร้อมนำเข้า 1 แถว มีข้อผิดพลาด 0 แถว", preview.Text("[data-testid=import-summary]"));

        var done = await ConfirmAsync(client, preview, onlyValid: false);
        Assert.Contains("นำเข้าบุคลากรแล้ว 1 คน", done.Text("[data-testid=import-done]"));
        var list = await client.PageAsync("/Admin/People?q=บริหารเก่ง&role=SchoolDirector");
        Assert.Contains("director.x@sukhothai.example", list.QuerySelector("tbody")!.TextContent);
    }

    [Fact]
    public async Task A_file_that_is_not_UTF8_is_refused_with_advice_in_Thai()
    {
        var windows874 = Encoding.Latin1.GetBytes(Header.Length.ToString()) // header bytes irrelevant: invalid UTF-8 below
            .Concat(new byte[] { 0x0D, 0x0A, 0xA1, 0xD2, 0xC3, 0xBA, 0xE9, 0xD2, 0xB9, 0x2C, 0xFF, 0xFE }).ToArray();
        var (_, preview) = await UploadAsync(windows874, "staff.csv");
        Assert.Contains("UTF-8", preview.Text("[data-testid=file-error]"));
        Assert.Null(preview.QuerySelector("[data-testid=confirm-import]"));
    }

    [Fact]
    public async Task Importing_the_same_upload_twice_creates_nobody_twice()
    {
        var (client, preview) = await UploadAsync(Csv("twice@sukhothai.example,นาย,สอง,ครั้ง,ศึกษานิเทศก์,,,"), "once.csv");
        await ConfirmAsync(client, preview, onlyValid: false);
        var again = await ConfirmAsync(client, preview, onlyValid: false); // a double click, or the back button
        Assert.Contains("ไม่พบไฟล์ที่อัปโหลดไว้แล้ว", again.Text("[data-testid=import-error]"));
        Assert.Equal(1, await app.DbAsync(db => db.Users.CountAsync(u => u.Email == "twice@sukhothai.example")));
    }

    [Fact]
    public async Task The_templates_download_with_Thai_headings()
    {
        var client = app.NewClient();
        await client.SignInOkAsync("admin");
        var csv = await client.GetByteArrayAsync("/Admin/People/Import?handler=TemplateCsv");
        Assert.Equal(Encoding.UTF8.GetPreamble(), csv[..3]);
        Assert.StartsWith("อีเมล", Encoding.UTF8.GetString(csv[3..]));
        var xlsx = await client.GetAsync("/Admin/People/Import?handler=TemplateXlsx");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType?.MediaType);
    }
}
