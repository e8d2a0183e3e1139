using Lms.Domain.Certificates;
using SkiaSharp;

namespace Lms.Web.Tests.Certificates;

/// <summary>Templates, contents and pictures that the rendering tests draw.</summary>
public static class CertificateSamples
{
    public static readonly DateTime Now = new(2026, 11, 25, 3, 0, 0, DateTimeKind.Utc);
    public const string VerifyUrl = "https://lms.sukhothai.example/verify/3f2a9c0e-5b7d-4e1a-9f00-2a6c1d8e4b11";

    public static CertificateContent Content(string name = "นางสาวกิ่งก้อย ผู้ใฝ่รู้") => new(
        name, "การจัดการเรียนรู้เชิงรุก (Active Learning) สำหรับครู", new DateOnly(2026, 11, 25), 12m, "สพม.สท 0123/2569", VerifyUrl);

    public static CertificateTemplate Template(CertificateOrientation orientation, IEnumerable<CertificateField> fields,
        IEnumerable<CertificateSignature>? signatures = null, bool thaiDigits = false)
    {
        var t = new CertificateTemplate(Guid.NewGuid(), "ทดสอบ", null, orientation, Guid.NewGuid(), Now);
        t.Design("ทดสอบ", orientation, fields, signatures ?? [], "สพม.สท {n:0000}/{fy}", thaiDigits, Now);
        return t;
    }

    /// <summary>The two lines of the mark-placement test, left-aligned so that only the marks can differ from an unshaped drawing.</summary>
    public static readonly CertificateField NameLine = new()
    {
        Kind = CertificateFieldKind.RecipientName, XMm = 20, YMm = 45, Align = FieldAlignment.Left, FontSizePt = 44,
    };

    public const string StackedMarks = "ว่าที่ร้อยตรีปิ่นปั่นปุ้ย";

    public static readonly CertificateField StackedLine = new()
    {
        Kind = CertificateFieldKind.FreeText, Text = StackedMarks, XMm = 20, YMm = 95, Align = FieldAlignment.Left, FontSizePt = 44,
    };

    /// <summary>A PNG of one flat colour (a stand-in for a designed background or a scanned signature).</summary>
    public static byte[] Png(int width, int height, SKColor colour)
    {
        using var bitmap = new SKBitmap(width, height);
        bitmap.Erase(colour);
        using var image = SKImage.FromBitmap(bitmap);
        return image.Encode(SKEncodedImageFormat.Png, 100).ToArray();
    }

    public static byte[] Jpeg(int width, int height, SKColor colour)
    {
        using var bitmap = new SKBitmap(width, height);
        bitmap.Erase(colour);
        using var image = SKImage.FromBitmap(bitmap);
        return image.Encode(SKEncodedImageFormat.Jpeg, 90).ToArray();
    }
}
