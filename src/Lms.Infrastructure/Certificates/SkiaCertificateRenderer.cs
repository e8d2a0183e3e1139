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
        var pictures = new List<(CertificateField Field, SKImage Image)>();
        SKData? backgroundData = null;
        SKCodec? codec = null;
        SKBitmap? decoded = null;
        try
        {
            if (background is { Length: > 0 })
            {
                backgroundData = SKData.CreateCopy(background);
                codec = SKCodec.Create(backgroundData) ?? throw new InvalidDataException("The certificate's background image could not be decoded.");
                decoded = SKBitmap.Decode(codec) ?? throw new InvalidDataException("The certificate's background image could not be decoded.");
            }
            foreach (var field in template.Fields.Where(f => f.IsSignature && f.SignatureIndex < template.Signatures.Count))
                if (template.Signatures[field.SignatureIndex].ImageKey is { } key && signatureImages.TryGetValue(key, out var bytes))
                    pictures.Add((field, Decode(bytes, "signature")));
            if (decoded is null && pictures.Count == 0) return new PreparedCertificateTemplate(template, null, null);

            // Background and signature pictures never change between certificates: they become one picture, made once.
            // A JPEG background of at most 300 dpi and no signature pictures is used as uploaded.
            var (w, h) = PageSizePt(template.Orientation);
            SKImage? pdfLayer = null;
            try
            {
                SKImage raster;
                if (pictures.Count == 0 && codec!.EncodedFormat == SKEncodedImageFormat.Jpeg
                    && Math.Max(decoded!.Width, decoded.Height) <= PreparedCertificateTemplate.MaxBackgroundSidePixels)
                {
                    pdfLayer = SKImage.FromEncodedData(backgroundData) ?? throw new InvalidDataException("The background could not be read.");
                    using var source = SKImage.FromBitmap(decoded);
                    raster = ReduceToFit(source, PreparedCertificateTemplate.MaxPreviewSidePixels);
                }
                else
                {
                    using var layer = PageLayer(decoded, pictures, w, h);
                    using var jpeg = layer.Encode(SKEncodedImageFormat.Jpeg, 90);
                    pdfLayer = SKImage.FromEncodedData(jpeg) ?? throw new InvalidDataException("The page picture could not be encoded.");
                    raster = ReduceToFit(layer, PreparedCertificateTemplate.MaxPreviewSidePixels);
                }
                return new PreparedCertificateTemplate(template, pdfLayer, raster);
            }
            catch
            {
                pdfLayer?.Dispose();
                throw;
            }
        }
        finally
        {
            foreach (var (_, image) in pictures) image.Dispose();
            decoded?.Dispose();
            codec?.Dispose();
            backgroundData?.Dispose();
        }
    }

    /// <summary>The page at 300 dpi: white, the background stretched over it, the signature pictures where their blocks put them.</summary>
    private static SKImage PageLayer(SKBitmap? background, List<(CertificateField Field, SKImage Image)> pictures, float w, float h)
    {
        var width = (int)Math.Round(w / 72f * 300f);
        var height = (int)Math.Round(h / 72f * 300f);
        using var surface = SKSurface.Create(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul))
            ?? throw new InvalidOperationException("Skia could not make a drawing surface.");
        var canvas = surface.Canvas;
        canvas.Clear(SKColors.White);
        if (background is not null)
        {
            using var source = SKImage.FromBitmap(background);
            using var fitted = Reduce(source, width, height);
            canvas.DrawImage(fitted, 0, 0);
        }
        canvas.Scale(width / w);
        foreach (var (field, image) in pictures)
            canvas.DrawImage(image, SignaturePictureRect(field, image), new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear));
        return surface.Snapshot();
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
            Draw(canvas, template, content, template.PageLayerForPdf, w, h);
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
        var background = template.PageLayerRaster is null ? null : template.PageLayerAt(widthPx, heightPx);
        if (background is not null) canvas.DrawImage(background, 0, 0);
        canvas.Scale(widthPx / w);
        Draw(canvas, template, content, null, w, h, clear: background is null);
        // zlib level 3: a background photo or scan has noise that the default level spends ~5× longer on for ~10 % less.
        using var pixmap = surface.PeekPixels();
        using var png = pixmap.Encode(new SKPngEncoderOptions(SKPngEncoderFilterFlags.AllFilters, zLibLevel: 3))
            ?? throw new InvalidOperationException("Skia could not encode the PNG.");
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

    private static void Draw(SKCanvas canvas, PreparedCertificateTemplate t, CertificateContent content, SKImage? background, float w, float h,
        bool clear = true)
    {
        if (clear) canvas.Clear(SKColors.White);
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
                        DrawSignature(canvas, field, t.Signatures[field.SignatureIndex]);
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

    /// <summary>The "(name)" line and the position (ตำแหน่ง) below it; the signature picture is in the page layer.</summary>
    private static void DrawSignature(SKCanvas canvas, CertificateField field, CertificateSignature signature)
    {
        var size = (float)field.FontSizePt;
        var x = Pt(field.XMm);
        var y = Pt(field.YMm);
        DrawLine(canvas, $"({signature.Name})", field, x, y, size);
        if (signature.Position.Length > 0)
            DrawLine(canvas, signature.Position, field with { Bold = false }, x, y + size * 1.5f, size);
    }

    /// <summary>Where a signature picture stands (in points): on the block's "(name)" line, three lines high, aligned like
    /// the block, at most the block's maximum width (70 mm without one).</summary>
    private static SKRect SignaturePictureRect(CertificateField field, SKImage image)
    {
        var size = (float)field.FontSizePt;
        var x = Pt(field.XMm);
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
        var bottom = Pt(field.YMm) - size * 1.35f;
        return SKRect.Create(left, bottom - boxHeight, boxWidth, boxHeight);
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
        // One rectangle per horizontal run of dark modules, each drawn on its own: the PDF gets plain "re f"
        // operators (a single path of ~600 squares cost ~7 ms per certificate in Skia's PDF writer, runs ~1 ms).
        using var dark = new SKPaint { Color = SKColor.Parse(field.Colour), IsAntialias = false };
        for (var row = 0; row < matrix.Count; row++)
        {
            var line = matrix[row];
            for (var col = 0; col < line.Count; col++)
            {
                if (!line[col]) continue;
                var start = col;
                while (col + 1 < line.Count && line[col + 1]) col++;
                canvas.DrawRect(SKRect.Create(left + start * module, top + row * module, (col - start + 1) * module, module), dark);
            }
        }
    }

    // ---- pictures ----------------------------------------------------------------------------------------

    private static SKImage Decode(byte[] bytes, string what)
    {
        using var data = SKData.CreateCopy(bytes);
        using var codec = SKCodec.Create(data) ?? throw new InvalidDataException($"The certificate's {what} image could not be decoded.");
        using var bitmap = SKBitmap.Decode(codec) ?? throw new InvalidDataException($"The certificate's {what} image could not be decoded.");
        return SKImage.FromBitmap(bitmap);
    }

    /// <summary><paramref name="source"/> reduced (never enlarged) so that its longer side is at most <paramref name="maxSide"/>.</summary>
    private static SKImage ReduceToFit(SKImage source, int maxSide)
    {
        var scale = Math.Min(1f, (float)maxSide / Math.Max(source.Width, source.Height));
        return Reduce(source, Math.Max(1, (int)Math.Round(source.Width * scale)), Math.Max(1, (int)Math.Round(source.Height * scale)));
    }

    /// <summary>
    /// <paramref name="source"/> at <paramref name="width"/> × <paramref name="height"/>, halved step by step with bilinear
    /// filtering (each step averages 2 × 2 pixels, so no detail is skipped) and then scaled the rest of the way. Skia's
    /// mipmapped drawing gives the same quality but rebuilt the mipmaps on every draw: ~200 ms per preview.
    /// </summary>
    internal static SKImage Reduce(SKImage source, int width, int height)
    {
        var current = source;
        try
        {
            while (current.Width / 2 >= width && current.Height / 2 >= height)
            {
                var half = Resample(current, current.Width / 2, current.Height / 2);
                if (!ReferenceEquals(current, source)) current.Dispose();
                current = half;
            }
            var result = Resample(current, width, height);
            if (!ReferenceEquals(current, source)) current.Dispose();
            return result;
        }
        catch
        {
            if (!ReferenceEquals(current, source)) current.Dispose();
            throw;
        }
    }

    private static SKImage Resample(SKImage source, int width, int height)
    {
        using var surface = SKSurface.Create(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul))
            ?? throw new InvalidOperationException("Skia could not make a drawing surface.");
        surface.Canvas.DrawImage(source, SKRect.Create(0, 0, width, height), new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.None));
        return surface.Snapshot();
    }
}
