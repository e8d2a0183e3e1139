using Lms.Domain.Certificates;
using QRCoder;
using SkiaSharp;
using SkiaSharp.HarfBuzz;

namespace Lms.Infrastructure.Certificates;

/// <summary>
/// <see cref="ICertificateRenderer"/> with SkiaSharp. Text is shaped by HarfBuzz (<see cref="SKShaper"/>): Thai above
/// and below vowels and tone marks are placed by the font's mark-positioning tables, so "กิ่งก้อย" and "ปิ่นปั่นปุ้ย" have
/// their marks stacked and clear of tall letters. Plain <c>DrawText</c> would draw each mark at its default spot.
/// The page is drawn once in PDF points (1 mm = 72 / 25.4 pt) and scaled for PNG, so both show the same layout.
/// </summary>
public sealed class SkiaCertificateRenderer : ICertificateRenderer
{
    public const int MinPngWidth = 100;
    public const int MaxPngWidth = 4000;
    private const float PointsPerMm = 72f / 25.4f;

    public PreparedCertificateTemplate Prepare(CertificateTemplate template, byte[]? background, IReadOnlyDictionary<string, byte[]> signatureImages)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(signatureImages);
        SKImage? pdfBackground = null, rasterBackground = null;
        var signatures = new Dictionary<int, SKImage>();
        try
        {
            if (background is { Length: > 0 })
                (pdfBackground, rasterBackground) = PrepareBackground(background);
            for (var i = 0; i < template.Signatures.Count; i++)
                if (template.Signatures[i].ImageKey is { } key && signatureImages.TryGetValue(key, out var bytes))
                    signatures[i] = Decode(bytes, "signature");
            return new PreparedCertificateTemplate(template, pdfBackground, rasterBackground, signatures);
        }
        catch
        {
            pdfBackground?.Dispose();
            rasterBackground?.Dispose();
            foreach (var image in signatures.Values) image.Dispose();
            throw;
        }
    }

    public byte[] RenderPdf(PreparedCertificateTemplate template, CertificateContent content)
    {
        var (w, h) = PageSizePt(template.Orientation);
        using var stream = new MemoryStream();
        var metadata = new SKDocumentPdfMetadata
        {
            Title = $"เกียรติบัตร {content.RecipientName}", Subject = content.CourseName, Creator = "Lms",
            Producer = "Lms (SkiaSharp)", RasterDpi = 300, EncodingQuality = 90,
        };
        using (var document = SKDocument.CreatePdf(stream, metadata))
        {
            var canvas = document.BeginPage(w, h);
            Draw(canvas, template, content, template.BackgroundForPdf, w, h);
            document.EndPage();
            document.Close();
        }
        return stream.ToArray();
    }

    public byte[] RenderPng(PreparedCertificateTemplate template, CertificateContent content, int widthPx)
    {
        if (widthPx is < MinPngWidth or > MaxPngWidth)
            throw new ArgumentOutOfRangeException(nameof(widthPx), widthPx, $"Between {MinPngWidth} and {MaxPngWidth} pixels.");
        var (w, h) = PageSizePt(template.Orientation);
        var heightPx = (int)Math.Round(widthPx * h / w);
        using var surface = SKSurface.Create(new SKImageInfo(widthPx, heightPx, SKColorType.Rgba8888, SKAlphaType.Premul))
            ?? throw new InvalidOperationException("Skia could not make a drawing surface.");
        var canvas = surface.Canvas;
        canvas.Scale(widthPx / w);
        Draw(canvas, template, content, template.BackgroundRaster, w, h);
        using var image = surface.Snapshot();
        using var png = image.Encode(SKEncodedImageFormat.Png, 100);
        return png.ToArray();
    }

    /// <summary>A4 in points, turned for landscape.</summary>
    public static (float Width, float Height) PageSizePt(CertificateOrientation orientation)
    {
        var (w, h) = A4.Size(orientation);
        return ((float)w * PointsPerMm, (float)h * PointsPerMm);
    }

    public static float Pt(decimal mm) => (float)mm * PointsPerMm;

    // ---- drawing -----------------------------------------------------------------------------------------

    private static void Draw(SKCanvas canvas, PreparedCertificateTemplate t, CertificateContent content, SKImage? background, float w, float h)
    {
        canvas.Clear(SKColors.White);
        if (background is not null)
            canvas.DrawImage(background, SKRect.Create(0, 0, w, h), new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear));
        foreach (var field in t.Fields)
        {
            switch (field.Kind)
            {
                case CertificateFieldKind.QrCode:
                    DrawQr(canvas, field, content.VerificationUrl);
                    break;
                case CertificateFieldKind.Signature1 or CertificateFieldKind.Signature2 or CertificateFieldKind.Signature3:
                    if (field.SignatureIndex < t.Signatures.Count)
                        DrawSignature(canvas, field, t.Signatures[field.SignatureIndex], t.SignatureImages.GetValueOrDefault(field.SignatureIndex));
                    break;
                default:
                    var value = Value(field, content, t.ThaiDigits);
                    var text = field.Prefix.Length > 0 ? $"{field.Prefix} {value}" : value;
                    DrawLine(canvas, text, field, Pt(field.XMm), Pt(field.YMm), (float)field.FontSizePt);
                    break;
            }
        }
    }

    /// <summary>The printed value of a text field (without its prefix).</summary>
    public static string Value(CertificateField field, CertificateContent content, bool thaiDigits) => field.Kind switch
    {
        CertificateFieldKind.RecipientName => content.RecipientName,
        CertificateFieldKind.CourseName => content.CourseName,
        CertificateFieldKind.CompletionDate => CertificateText.LongDate(content.CompletionDate, thaiDigits),
        CertificateFieldKind.CreditHours => CertificateText.CreditHours(content.CreditHours, thaiDigits),
        CertificateFieldKind.SerialNumber => thaiDigits ? CertificateText.ToThaiDigits(content.SerialNumber) : content.SerialNumber,
        CertificateFieldKind.FreeText => field.Text,
        _ => "",
    };

    /// <summary>One shaped line, anchored by the field's alignment at (x, baseline y), shrunk to the field's maximum width.</summary>
    private static void DrawLine(SKCanvas canvas, string text, CertificateField field, float x, float y, float sizePt)
    {
        if (string.IsNullOrWhiteSpace(text)) return;
        var shaper = CertificateFonts.Shaper(field.Bold);
        var font = CertificateFonts.Font(field.Bold, sizePt);
        try
        {
            var width = shaper.Shape(text, font).Width;
            if (field.MaxWidthMm is { } maxMm && width > Pt(maxMm) && width > 0)
            {
                var fitted = sizePt * Pt(maxMm) / width;
                font.Dispose();
                font = CertificateFonts.Font(field.Bold, fitted);
                width = shaper.Shape(text, font).Width;
            }
            var left = field.Align switch
            {
                FieldAlignment.Centre => x - width / 2,
                FieldAlignment.Right => x - width,
                _ => x,
            };
            using var paint = new SKPaint { Color = SKColor.Parse(field.Colour), IsAntialias = true };
            canvas.DrawShapedText(shaper, text, left, y, SKTextAlign.Left, font, paint);
        }
        finally
        {
            font.Dispose();
        }
    }

    /// <summary>The signature picture standing on the "(name)" line, and the position (ตำแหน่ง) below it.</summary>
    private static void DrawSignature(SKCanvas canvas, CertificateField field, CertificateSignature signature, SKImage? image)
    {
        var size = (float)field.FontSizePt;
        var x = Pt(field.XMm);
        var y = Pt(field.YMm);
        if (image is not null)
        {
            var boxHeight = size * 3f;
            var boxWidth = boxHeight * image.Width / image.Height;
            var maxWidth = field.MaxWidthMm is { } m ? Pt(m) : Pt(70);
            if (boxWidth > maxWidth) (boxWidth, boxHeight) = (maxWidth, maxWidth * image.Height / image.Width);
            var left = field.Align switch
            {
                FieldAlignment.Centre => x - boxWidth / 2,
                FieldAlignment.Right => x - boxWidth,
                _ => x,
            };
            var bottom = y - size * 1.35f;
            canvas.DrawImage(image, SKRect.Create(left, bottom - boxHeight, boxWidth, boxHeight),
                new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear));
        }
        DrawLine(canvas, $"({signature.Name})", field, x, y, size);
        if (signature.Position.Length > 0)
            DrawLine(canvas, signature.Position, field with { Bold = false }, x, y + size * 1.5f, size);
    }

    /// <summary>The QR code as vector squares (sharp when printed at any size), with its white quiet zone.</summary>
    private static void DrawQr(SKCanvas canvas, CertificateField field, string url)
    {
        if (string.IsNullOrWhiteSpace(url)) return;
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(url, QRCodeGenerator.ECCLevel.M);
        var matrix = data.ModuleMatrix; // includes the 4-module quiet zone on each side
        var side = Pt(field.SizeMm);
        var left = field.Align switch
        {
            FieldAlignment.Centre => Pt(field.XMm) - side / 2,
            FieldAlignment.Right => Pt(field.XMm) - side,
            _ => Pt(field.XMm),
        };
        var top = Pt(field.YMm);
        var module = side / matrix.Count;
        using var white = new SKPaint { Color = SKColors.White };
        canvas.DrawRect(SKRect.Create(left, top, side, side), white);
        using var path = new SKPath();
        for (var row = 0; row < matrix.Count; row++)
            for (var col = 0; col < matrix[row].Count; col++)
                if (matrix[row][col])
                    path.AddRect(SKRect.Create(left + col * module, top + row * module, module, module));
        using var dark = new SKPaint { Color = SKColor.Parse(field.Colour), IsAntialias = false };
        canvas.DrawPath(path, dark);
    }

    // ---- pictures ----------------------------------------------------------------------------------------

    private static SKImage Decode(byte[] bytes, string what)
    {
        using var bitmap = DecodeBitmap(bytes) ?? throw new InvalidDataException($"The certificate's {what} image could not be decoded.");
        return SKImage.FromBitmap(bitmap);
    }

    /// <summary>Null for bytes Skia cannot read (SKBitmap.Decode throws ArgumentNullException on them).</summary>
    private static SKBitmap? DecodeBitmap(byte[] bytes)
    {
        using var data = SKData.CreateCopy(bytes);
        using var codec = SKCodec.Create(data);
        return codec is null ? null : SKBitmap.Decode(codec);
    }

    /// <summary>
    /// The background twice: decoded pixels for PNG, and an opaque JPEG (at most 300 dpi) for PDF. Skia's PDF writer
    /// copies JPEG bytes straight into the file, but compresses any other picture again for every document.
    /// </summary>
    private static (SKImage Pdf, SKImage Raster) PrepareBackground(byte[] bytes)
    {
        using var decoded = DecodeBitmap(bytes) ?? throw new InvalidDataException("The certificate's background image could not be decoded.");
        var scale = Math.Min(1f, (float)PreparedCertificateTemplate.MaxBackgroundSidePixels / Math.Max(decoded.Width, decoded.Height));
        var width = Math.Max(1, (int)Math.Round(decoded.Width * scale));
        var height = Math.Max(1, (int)Math.Round(decoded.Height * scale));
        // Flatten onto white: the page is white, and JPEG has no transparency.
        using var opaque = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque));
        using (var canvas = new SKCanvas(opaque))
        {
            canvas.Clear(SKColors.White);
            using var source = SKImage.FromBitmap(decoded);
            canvas.DrawImage(source, SKRect.Create(0, 0, width, height), new SKSamplingOptions(SKCubicResampler.Mitchell));
        }
        var raster = SKImage.FromBitmap(opaque);
        using var jpeg = raster.Encode(SKEncodedImageFormat.Jpeg, 90);
        var pdf = SKImage.FromEncodedData(jpeg) ?? throw new InvalidDataException("The background could not be re-encoded.");
        return (pdf, raster);
    }
}
