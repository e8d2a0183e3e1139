using Lms.Infrastructure.Files;
using Microsoft.Extensions.Options;
using MiniExcelLibs;
using E = Lms.Infrastructure.Files.UploadErrorCodes;

namespace Lms.Web.Tests.Files;

public sealed class UploadRulesTests
{
    private static readonly UploadRules Rules = new(Options.Create(new UploadLimits()));

    private static Task<UploadCheck> CheckAsync(byte[] bytes, string fileName, FileCategory allowed = FileCategory.CourseContent) =>
        Rules.CheckAsync(new MemoryStream(bytes), fileName, allowed);

    public static TheoryData<string, string, string> AcceptedKinds => new()
    {
        { "pdf", "แผนการจัดการเรียนรู้ ม.1.pdf", "application/pdf" },
        { "png", "แผนผังความคิด.PNG", "image/png" },
        { "jpeg", "ภาพกิจกรรม.jpg", "image/jpeg" },
        { "jpeg", "ภาพกิจกรรม.jpeg", "image/jpeg" },
        { "gif", "animation.gif", "image/gif" },
        { "webp", "ปก.webp", "image/webp" },
        { "mp4", "คลิปการสอน.mp4", "video/mp4" },
        { "docx", "ใบงาน.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document" },
        { "xlsx", "คะแนน.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
        { "pptx", "สไลด์.pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation" },
    };

    private static byte[] Sample(string kind) => kind switch
    {
        "pdf" => SampleFiles.Pdf(),
        "png" => SampleFiles.Png(),
        "jpeg" => SampleFiles.Jpeg(),
        "gif" => SampleFiles.Gif(),
        "webp" => SampleFiles.WebP(),
        "mp4" => SampleFiles.Mp4(),
        "docx" => SampleFiles.Docx(),
        "xlsx" => SampleFiles.Xlsx(),
        "pptx" => SampleFiles.Pptx(),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    [Theory]
    [MemberData(nameof(AcceptedKinds))]
    public async Task Each_accepted_kind_is_recognised_by_its_content(string kind, string fileName, string contentType)
    {
        var bytes = Sample(kind);
        var stream = new MemoryStream(bytes);

        var check = await Rules.CheckAsync(stream, fileName);

        Assert.True(check.IsValid, check.ErrorCode);
        Assert.Equal(contentType, check.Type!.ContentType);
        Assert.Equal(bytes.Length, check.Length);
        Assert.Equal(0, stream.Position); // ready to be saved
        Assert.Equal("", UploadMessages.Describe(check, thai: true));
    }

    [Fact]
    public async Task A_real_spreadsheet_is_accepted_as_xlsx()
    {
        var ms = new MemoryStream();
        await ms.SaveAsAsync(new[] { new { ชื่อ = "กิ่งก้อย", คะแนน = 18 } });
        var check = await CheckAsync(ms.ToArray(), "คะแนน.xlsx");
        Assert.True(check.IsValid, check.ErrorCode);
        Assert.Same(FileTypes.Xlsx, check.Type);
    }

    [Fact]
    public async Task A_pdf_renamed_mp4_is_refused_for_its_name()
    {
        var check = await CheckAsync(SampleFiles.Pdf(), "คลิปการสอน.mp4");

        Assert.Equal(E.ExtensionMismatch, check.ErrorCode);
        Assert.Same(FileTypes.Pdf, check.Type);
        Assert.Equal("นามสกุลของไฟล์ (.mp4) ไม่ตรงกับเนื้อหา ซึ่งเป็นไฟล์ PDF กรุณาแก้ชื่อไฟล์ให้ถูกต้องแล้วส่งใหม่",
            UploadMessages.Describe(check, thai: true));
        Assert.Equal("The file name ends in .mp4, but the file is a PDF file; correct the name and upload it again.",
            UploadMessages.Describe(check, thai: false));
    }

    [Theory]
    [InlineData("docx", "ใบงาน.xlsx")]
    [InlineData("pptx", "สไลด์.pdf")]
    [InlineData("png", "รูป.jpg")]
    [InlineData("png", "รูป.svg")]
    [InlineData("pdf", "เอกสาร.html")]
    [InlineData("pdf", "เอกสาร")]
    public async Task A_name_that_disagrees_with_the_content_is_refused(string kind, string fileName)
    {
        var check = await CheckAsync(Sample(kind), fileName);
        Assert.Equal(E.ExtensionMismatch, check.ErrorCode);
    }

    public static TheoryData<string, string> RefusedContent => new()
    {
        { "html", "หน้าเว็บ.html" },
        { "html", "หน้าเว็บ.pdf" },
        { "svg", "โลโก้.svg" },
        { "svg", "โลโก้.png" },
        { "exe", "setup.exe" },
        { "exe", "ใบงาน.docx" },
        { "zip", "งาน.zip" },
        { "zip", "งาน.docx" },
        { "docm", "มาโคร.docx" },
        { "contenttypes-only", "เอกสาร.docx" },
        { "quicktime", "คลิป.mp4" },
        { "text", "บันทึก.txt" },
        { "broken-zip", "ใบงาน.docx" },
    };

    [Theory]
    [MemberData(nameof(RefusedContent))]
    public async Task Content_of_other_kinds_is_refused_whatever_its_name(string kind, string fileName)
    {
        var bytes = kind switch
        {
            "html" => SampleFiles.Html(),
            "svg" => SampleFiles.Svg(),
            "exe" => SampleFiles.Exe(),
            "zip" => SampleFiles.PlainZip(),
            "docm" => SampleFiles.Docm(),
            "contenttypes-only" => SampleFiles.ZipWithContentTypesOnly(),
            "quicktime" => SampleFiles.QuickTime(),
            "text" => "บันทึกการสอน"u8.ToArray(),
            "broken-zip" => [.. SampleFiles.Docx().AsSpan(0, 200)],
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };

        var check = await CheckAsync(bytes, fileName);

        Assert.Equal(E.TypeNotAllowed, check.ErrorCode);
        Assert.Null(check.Type);
        Assert.Equal("ไม่รองรับไฟล์ชนิดนี้ ระบบรับเฉพาะไฟล์ PDF, Word (.docx), Excel (.xlsx), PowerPoint (.pptx), PNG, JPEG, GIF, WebP, MP4",
            UploadMessages.Describe(check, thai: true));
    }

    [Fact]
    public async Task Damaged_office_files_are_refused_without_an_exception()
    {
        var docx = SampleFiles.Docx();
        for (var cut = 1; cut < docx.Length; cut += 7)
        {
            var truncated = await CheckAsync(docx[..cut], "ใบงาน.docx");
            Assert.Equal(E.TypeNotAllowed, truncated.ErrorCode);
            var garbled = docx.ToArray();
            garbled[cut] ^= 0x5A;
            var check = await CheckAsync(garbled, "ใบงาน.docx");
            Assert.True(check.ErrorCode is null or E.TypeNotAllowed, $"byte {cut}: {check.ErrorCode}");
        }
    }

    [Fact]
    public async Task A_kind_not_asked_for_is_refused()
    {
        var check = await CheckAsync(SampleFiles.Pdf(), "ปก.pdf", FileCategory.Image);

        Assert.Equal(E.TypeNotAllowed, check.ErrorCode);
        Assert.Equal("This type of file is not accepted. Accepted: PNG, JPEG, GIF, WebP.", UploadMessages.Describe(check, thai: false));
    }

    [Fact]
    public async Task An_empty_file_is_refused()
    {
        var check = await CheckAsync([], "ว่าง.pdf");
        Assert.Equal(E.Empty, check.ErrorCode);
        Assert.Equal("ไฟล์ว่างเปล่า ไม่มีข้อมูล", UploadMessages.Describe(check, thai: true));
    }

    [Fact]
    public async Task Each_category_has_its_own_size_limit()
    {
        var rules = new UploadRules(Options.Create(new UploadLimits { ImageMegabytes = 1, DocumentMegabytes = 2, VideoMegabytes = 3 }));
        const int mb = 1024 * 1024;

        Assert.True((await rules.CheckAsync(new MemoryStream(Pad(SampleFiles.Png(), mb)), "a.png")).IsValid);
        Assert.True((await rules.CheckAsync(new MemoryStream(SampleFiles.Pdf(2 * mb)), "a.pdf")).IsValid);
        Assert.True((await rules.CheckAsync(new MemoryStream(SampleFiles.Mp4(3 * mb)), "a.mp4")).IsValid);

        var image = await rules.CheckAsync(new MemoryStream(Pad(SampleFiles.Png(), mb + 1)), "a.png");
        var pdf = await rules.CheckAsync(new MemoryStream(SampleFiles.Pdf(2 * mb + 1)), "a.pdf");
        var video = await rules.CheckAsync(new MemoryStream(SampleFiles.Mp4(3 * mb + 1)), "a.mp4");

        Assert.All([image, pdf, video], c => Assert.Equal(E.TooLarge, c.ErrorCode));
        Assert.Equal([1, 2, 3], [image.LimitMegabytes, pdf.LimitMegabytes, video.LimitMegabytes]);
        Assert.Equal("ไฟล์ MP4 มีขนาดใหญ่เกิน 3 MB กรุณาลดขนาดไฟล์แล้วส่งใหม่", UploadMessages.Describe(video, thai: true));
        Assert.Equal("MP4 files may be at most 3 MB; make the file smaller and upload it again.", UploadMessages.Describe(video, thai: false));
    }

    [Fact]
    public void The_default_limits_are_10_MB_for_pictures_50_MB_for_documents_and_500_MB_for_video()
    {
        var limits = new UploadLimits();
        Assert.Equal(10L * 1024 * 1024, limits.BytesFor(FileCategory.Image));
        Assert.Equal(50L * 1024 * 1024, limits.BytesFor(FileCategory.Document));
        Assert.Equal(500L * 1024 * 1024, limits.BytesFor(FileCategory.Video));
    }

    [Fact]
    public void Every_error_code_has_Thai_and_English_sentences()
    {
        var codes = typeof(E).GetFields().Select(f => (string)f.GetValue(null)!).ToList();
        Assert.Equal(4, codes.Count);
        Assert.All(codes, c => Assert.True(UploadMessages.HasTemplate(c), c));
    }

    private static byte[] Pad(byte[] head, int length) => [.. head, .. new byte[length - head.Length]];
}
