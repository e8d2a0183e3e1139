using Lms.Domain.Certificates;
using Lms.Infrastructure.Certificates;
using SkiaSharp;
using Xunit.Abstractions;

namespace Lms.Web.Tests.Certificates;

/// <summary>
/// Thai vowels and tone marks must sit where they belong. The reference References/thai-stacked-marks.png was rendered
/// by this code and looked at (enlarged) before it was committed. What it shows (1200 × 848, white A4 landscape,
/// Sarabun 44 pt): line 1 "นางสาวกิ่งก้อย ผู้ใฝ่รู้" — in กิ่ the tone mark ่ stands clear above the vowel ิ, in ก้ the ้ sits
/// low at vowel height, in ผู้ the ู hangs below ผ and the ้ is above it, in ใฝ่ the ่ is moved left of ฝ's tall stem;
/// line 2 "ว่าที่ร้อยตรีปิ่นปั่นปุ้ย" — ที่ has ่ above ี, and over ป (whose stem rises to the marks' height) the marks of ปิ่น,
/// ปั่น and ปุ้ are moved left of the stem, with ุ clear below the line.
/// Drawn without shaping (Skia's DrawText, looked at too) the tone mark lands on the upper vowel, so กิ่ and ที่ read as
/// กึ and ทึ, and the marks over ป and ฝ run into their stems. That drawing must fail the comparison (second test),
/// which proves the comparison can see a misplaced mark: it differs in ~12 % of the text's pixels, the limit is 1 %.
/// </summary>
public sealed class ThaiMarkPlacementTests(ITestOutputHelper output)
{
    private const int WidthPx = 1200;
    /// <summary>Differences allowed, as a share of the text's pixels: far above anti-aliasing noise (≈0 on one machine,
    /// a few edge pixels across CPUs), far below what one misplaced mark makes.</summary>
    private const double Tolerance = 0.01;

    private static readonly ICertificateRenderer Renderer = new SkiaCertificateRenderer();

    private static byte[] RenderShaped()
    {
        var template = CertificateSamples.Template(CertificateOrientation.Landscape,
            [CertificateSamples.NameLine, CertificateSamples.StackedLine]);
        return Renderer.RenderPng(template, null, new Dictionary<string, byte[]>(), CertificateSamples.Content(), WidthPx);
    }

    /// <summary>The same two lines, same font, size and positions, drawn with Skia's plain DrawText (no HarfBuzz).</summary>
    private static byte[] RenderUnshaped()
    {
        var (w, h) = SkiaCertificateRenderer.PageSizePt(CertificateOrientation.Landscape);
        var heightPx = (int)Math.Round(WidthPx * h / w);
        using var surface = SKSurface.Create(new SKImageInfo(WidthPx, heightPx, SKColorType.Rgba8888, SKAlphaType.Premul));
        var canvas = surface.Canvas;
        canvas.Scale(WidthPx / w);
        canvas.Clear(SKColors.White);
        using var font = CertificateFonts.Font(bold: false, 44);
        using var paint = new SKPaint { Color = SKColors.Black, IsAntialias = true };
        canvas.DrawText(CertificateSamples.Content().RecipientName, SkiaCertificateRenderer.Pt(20), SkiaCertificateRenderer.Pt(45), SKTextAlign.Left, font, paint);
        canvas.DrawText(CertificateSamples.StackedMarks, SkiaCertificateRenderer.Pt(20), SkiaCertificateRenderer.Pt(95), SKTextAlign.Left, font, paint);
        using var image = surface.Snapshot();
        return image.Encode(SKEncodedImageFormat.Png, 100).ToArray();
    }

    [Fact]
    public void A_Thai_name_with_stacked_marks_renders_like_the_approved_reference()
    {
        var actual = RenderShaped();
        var reference = ReferenceImages.Load("thai-stacked-marks.png", actual);
        var difference = ImageDifference.Between(reference, actual);
        output.WriteLine(difference.ToString());
        Assert.Equal((1200, 848), (difference.Width, difference.Height));
        Assert.True(difference.InkPixels > 10_000, $"the lines should be drawn: {difference}");
        Assert.True(difference.Fraction < Tolerance, $"the rendering differs from the approved reference: {difference}");
    }

    [Fact]
    public void The_same_text_drawn_without_shaping_fails_the_comparison()
    {
        var reference = File.ReadAllBytes(ReferenceImages.PathOf("thai-stacked-marks.png"));
        var unshaped = RenderUnshaped();
        if (ReferenceImages.Updating) File.WriteAllBytes(Path.Combine(Path.GetTempPath(), "thai-stacked-marks.unshaped.png"), unshaped);
        var difference = ImageDifference.Between(reference, unshaped);
        output.WriteLine(difference.ToString());
        Assert.True(difference.Fraction > Tolerance * 3, $"an unshaped drawing should be far from the reference: {difference}");
    }
}
