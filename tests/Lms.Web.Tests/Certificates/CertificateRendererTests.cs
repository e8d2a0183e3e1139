using System.Text;
using Lms.Domain.Certificates;
using Lms.Infrastructure.Certificates;
using SkiaSharp;
using UglyToad.PdfPig;
using Xunit.Abstractions;
using ZXing;
using ZXing.Common;

namespace Lms.Web.Tests.Certificates;

/// <summary>What a designer or a teacher would check on a certificate: the page, the texts, the pictures, the QR code.</summary>
public sealed class CertificateRendererTests(ITestOutputHelper output)
{
    private static readonly ICertificateRenderer Renderer = new SkiaCertificateRenderer();
    private static readonly Dictionary<string, byte[]> NoImages = new();

    private static CertificateTemplate FullTemplate(CertificateOrientation o = CertificateOrientation.Landscape, bool thaiDigits = false) =>
        CertificateSamples.Template(o, CertificateTemplate.DefaultFields(o), thaiDigits: thaiDigits);

    [Theory]
    [InlineData(CertificateOrientation.Landscape, 841.89, 595.28)]
    [InlineData(CertificateOrientation.Portrait, 595.28, 841.89)]
    public void The_PDF_is_one_A4_page_in_the_chosen_orientation(CertificateOrientation orientation, double width, double height)
    {
        var pdf = Renderer.RenderPdf(FullTemplate(orientation), null, NoImages, CertificateSamples.Content());
        Assert.Equal("%PDF", Encoding.ASCII.GetString(pdf, 0, 4));
        using var document = PdfDocument.Open(pdf);
        Assert.Equal(1, document.NumberOfPages);
        var page = document.GetPage(1);
        Assert.Equal(width, page.Width, 0.5);
        Assert.Equal(height, page.Height, 0.5);
    }

    [Fact]
    public void The_PDF_carries_the_printed_texts_with_the_Thai_font_embedded()
    {
        var pdf = Renderer.RenderPdf(FullTemplate(), null, NoImages, CertificateSamples.Content());
        using var document = PdfDocument.Open(pdf);
        var page = document.GetPage(1);
        // Ordinal: a culture-aware comparison ignores \0 and takes ๒ for 2.
        var text = string.Concat(page.Letters.Select(l => l.Value));
        output.WriteLine(text);
        // The texts come back as printed, except that a tone mark HarfBuzz moved left (the font's shifted variant of
        // the mark, used over tall letters and above upper vowels) has no character of its own in the PDF: it reads as \0.
        // It is printed in the right place (see ThaiMarkPlacementTests); only copying text out of the PDF loses it.
        Assert.Contains("นางสาวกิ\0งก้อย ผู้ใฝ\0รู้", text, StringComparison.Ordinal);
        Assert.Contains("หลักสูตร การจัดการเรียนรู้เชิงรุก (Active Learning)", text, StringComparison.Ordinal);
        Assert.Contains("เลขที\0 สพม.สท 0123/2569", text, StringComparison.Ordinal);
        Assert.Contains("25 พฤศจิกายน พ.ศ. 2569", text, StringComparison.Ordinal);
        Assert.All(page.Letters, l => Assert.Contains("Sarabun", l.FontName));
        Assert.Equal("เกียรติบัตร นางสาวกิ่งก้อย ผู้ใฝ่รู้", document.Information.Title);
    }

    [Fact]
    public void The_QR_code_decodes_to_the_verification_address()
    {
        var png = Renderer.RenderPng(FullTemplate(), null, NoImages, CertificateSamples.Content(), 1600);
        Assert.Equal(CertificateSamples.VerifyUrl, DecodeQr(png));
    }

    [Fact]
    public void A_certificate_without_a_verification_address_has_no_QR_code()
    {
        var png = Renderer.RenderPng(FullTemplate(), null, NoImages, CertificateSamples.Content() with { VerificationUrl = "" }, 1600);
        Assert.Null(DecodeQr(png));
    }

    [Theory]
    [InlineData(1200, 848, CertificateOrientation.Landscape)]
    [InlineData(600, 849, CertificateOrientation.Portrait)]
    public void The_PNG_has_the_requested_width_and_the_page_s_proportion(int width, int height, CertificateOrientation o)
    {
        using var bitmap = SKBitmap.Decode(Renderer.RenderPng(FullTemplate(o), null, NoImages, CertificateSamples.Content(), width));
        Assert.Equal((width, height), (bitmap.Width, bitmap.Height));
    }

    [Fact]
    public void The_background_picture_fills_the_page_and_the_text_is_drawn_over_it()
    {
        var background = CertificateSamples.Jpeg(1754, 1240, new SKColor(0xF5, 0xE6, 0xC8)); // cream, A4 at 150 dpi
        var png = Renderer.RenderPng(FullTemplate(), background, NoImages, CertificateSamples.Content(), 1200);
        using var bitmap = SKBitmap.Decode(png);
        foreach (var (x, y) in new[] { (2, 2), (1197, 2), (2, 845), (1197, 845), (600, 700) })
            Assert.True(Near(bitmap.GetPixel(x, y), new SKColor(0xF5, 0xE6, 0xC8)), $"pixel {x},{y} is {bitmap.GetPixel(x, y)}");
        Assert.True(Ink(bitmap, SKRectI.Create(300, 180, 600, 70)) > 1000, "the name is drawn over the background");
    }

    [Fact]
    public void The_PDF_embeds_the_background_once_as_JPEG_and_stays_small()
    {
        var background = CertificateSamples.Png(3508, 2480, new SKColor(0xF5, 0xE6, 0xC8));
        using var prepared = Renderer.Prepare(FullTemplate(), background, NoImages);
        var pdf = Renderer.RenderPdf(prepared, CertificateSamples.Content());
        var raw = Encoding.Latin1.GetString(pdf);
        Assert.Contains("/DCTDecode", raw);
        Assert.True(pdf.Length < 400_000, $"{pdf.Length} bytes");
    }

    [Fact]
    public void A_long_name_shrinks_to_its_maximum_width()
    {
        var field = new CertificateField
        {
            Kind = CertificateFieldKind.RecipientName, XMm = 148.5m, YMm = 100, FontSizePt = 40, MaxWidthMm = 100, Align = FieldAlignment.Centre,
        };
        var template = CertificateSamples.Template(CertificateOrientation.Landscape, [field]);
        var longName = CertificateSamples.Content("ว่าที่ร้อยตรีหญิงกิ่งก้อยประกายแก้ว ผู้ใฝ่รู้ยิ่งกว่าใครในปฐพีแห่งสุโขทัย");
        using var bitmap = SKBitmap.Decode(Renderer.RenderPng(template, null, NoImages, longName, 2970)); // 10 px per mm
        var (left, right) = InkColumns(bitmap);
        output.WriteLine($"ink from {left / 10.0} mm to {right / 10.0} mm");
        Assert.InRange(left, 980, 1000);   // centred on 148.5 mm, 100 mm wide: 98.5 … 198.5 mm
        Assert.InRange(right, 1970, 1990);
    }

    [Theory]
    [InlineData(FieldAlignment.Left, 50, -1)]
    [InlineData(FieldAlignment.Right, -1, 250)]
    public void Alignment_anchors_the_text_at_the_field_s_position(FieldAlignment align, int expectedLeftMm, int expectedRightMm)
    {
        var field = new CertificateField { Kind = CertificateFieldKind.CourseName, XMm = align == FieldAlignment.Left ? 50 : 250, YMm = 100, Align = align };
        var template = CertificateSamples.Template(CertificateOrientation.Landscape, [field]);
        using var bitmap = SKBitmap.Decode(Renderer.RenderPng(template, null, NoImages, CertificateSamples.Content(), 2970));
        var (left, right) = InkColumns(bitmap);
        if (expectedLeftMm >= 0) Assert.InRange(left, expectedLeftMm * 10, expectedLeftMm * 10 + 15);
        if (expectedRightMm >= 0) Assert.InRange(right, expectedRightMm * 10 - 15, expectedRightMm * 10);
    }

    [Fact]
    public void A_signature_block_shows_the_signature_picture_above_the_name_and_position()
    {
        var signature = new CertificateSignature { Name = "นายสมชาย ผู้นำดี", Position = "ผู้อำนวยการโรงเรียน", ImageKey = "2026/11/" + new string('a', 32) };
        var field = new CertificateField { Kind = CertificateFieldKind.Signature1, XMm = 148.5m, YMm = 150, FontSizePt = 16 };
        var template = CertificateSamples.Template(CertificateOrientation.Landscape, [field], [signature]);
        var blue = CertificateSamples.Png(400, 160, new SKColor(0x10, 0x30, 0xC0));
        using var bitmap = SKBitmap.Decode(Renderer.RenderPng(template, null,
            new Dictionary<string, byte[]> { [signature.ImageKey] = blue }, CertificateSamples.Content(), 2970));
        // 10 px per mm; the name's baseline is at 150 mm, the picture stands above it, the position is below.
        Assert.True(Near(bitmap.GetPixel(1485, 1380), new SKColor(0x10, 0x30, 0xC0)), $"picture at 138 mm: {bitmap.GetPixel(1485, 1380)}");
        Assert.True(Ink(bitmap, SKRectI.Create(1300, 1440, 370, 70)) > 500, "the name line");
        Assert.True(Ink(bitmap, SKRectI.Create(1300, 1520, 370, 80)) > 500, "the position line");
    }

    [Fact]
    public void Thai_digits_print_the_date_and_number_in_Thai_digits()
    {
        var pdf = Renderer.RenderPdf(FullTemplate(thaiDigits: true), null, NoImages, CertificateSamples.Content());
        using var document = PdfDocument.Open(pdf);
        var text = string.Concat(document.GetPage(1).Letters.Select(l => l.Value));
        Assert.Contains("เลขที\0 สพม.สท ๐๑๒๓/๒๕๖๙", text, StringComparison.Ordinal);
        Assert.Contains("๒๕ พฤศจิกายน พ.ศ. ๒๕๖๙", text, StringComparison.Ordinal);
        Assert.Contains("๑๒ ชั\0วโมง", text, StringComparison.Ordinal);
        Assert.DoesNotContain("2569", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_damaged_picture_is_refused_when_preparing_not_drawn_as_garbage()
    {
        Assert.Throws<InvalidDataException>(() => Renderer.Prepare(FullTemplate(), "\u0089PNG not really"u8.ToArray(), NoImages));
        Assert.False(CertificateImageCheck.CanDraw([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3]));
        Assert.True(CertificateImageCheck.CanDraw(CertificateSamples.Png(20, 10, SKColors.Red)));
    }

    [Fact]
    public void A_prepared_template_renders_from_several_threads_alike()
    {
        using var prepared = Renderer.Prepare(FullTemplate(), CertificateSamples.Jpeg(800, 566, SKColors.Beige), NoImages);
        var first = Renderer.RenderPng(prepared, CertificateSamples.Content(), 800);
        var all = new byte[16][];
        Parallel.For(0, all.Length, i => all[i] = Renderer.RenderPng(prepared, CertificateSamples.Content(), 800));
        Assert.All(all, png => Assert.Equal(0, ImageDifference.Between(first, png).DifferentPixels));
    }

    // ---- helpers ---------------------------------------------------------------------------------------

    private static string? DecodeQr(byte[] png)
    {
        using var bitmap = SKBitmap.Decode(png);
        var luminance = new byte[bitmap.Width * bitmap.Height];
        for (var y = 0; y < bitmap.Height; y++)
            for (var x = 0; x < bitmap.Width; x++)
            {
                var c = bitmap.GetPixel(x, y);
                luminance[y * bitmap.Width + x] = (byte)((c.Red * 299 + c.Green * 587 + c.Blue * 114) / 1000);
            }
        var source = new RGBLuminanceSource(luminance, bitmap.Width, bitmap.Height, RGBLuminanceSource.BitmapFormat.Gray8);
        var reader = new BarcodeReaderGeneric { Options = new DecodingOptions { PossibleFormats = [BarcodeFormat.QR_CODE], TryHarder = true } };
        return reader.Decode(source)?.Text;
    }

    private static bool Near(SKColor a, SKColor b) =>
        Math.Abs(a.Red - b.Red) < 12 && Math.Abs(a.Green - b.Green) < 12 && Math.Abs(a.Blue - b.Blue) < 12;

    private static int Ink(SKBitmap bitmap, SKRectI area)
    {
        var n = 0;
        for (var y = area.Top; y < area.Bottom; y++)
            for (var x = area.Left; x < area.Right; x++)
                if (bitmap.GetPixel(x, y).Red < 128) n++;
        return n;
    }

    /// <summary>The first and last pixel columns with any dark pixel.</summary>
    private static (int Left, int Right) InkColumns(SKBitmap bitmap)
    {
        int left = int.MaxValue, right = -1;
        for (var y = 0; y < bitmap.Height; y++)
            for (var x = 0; x < bitmap.Width; x++)
                if (bitmap.GetPixel(x, y).Red < 128) { left = Math.Min(left, x); right = Math.Max(right, x); }
        return (left, right);
    }
}
