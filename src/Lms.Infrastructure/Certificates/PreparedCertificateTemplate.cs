using Lms.Domain.Certificates;
using SkiaSharp;

namespace Lms.Infrastructure.Certificates;

/// <summary>
/// A template with its pictures decoded, ready to draw many certificates (safe to use from several threads at once).
/// Holds a snapshot of the template's design: later edits of the entity do not change it. Dispose it to free the pictures.
/// </summary>
public sealed class PreparedCertificateTemplate : IDisposable
{
    /// <summary>Backgrounds are reduced to 300 dpi on A4: finer detail does not print, and every PDF would carry it.</summary>
    internal const int MaxBackgroundSidePixels = 3508;

    internal PreparedCertificateTemplate(CertificateTemplate template, SKImage? backgroundForPdf, SKImage? backgroundRaster,
        IReadOnlyDictionary<int, SKImage> signatureImages)
    {
        Name = template.Name;
        Orientation = template.Orientation;
        Fields = template.Fields.ToList();
        Signatures = template.Signatures.ToList();
        ThaiDigits = template.ThaiDigits;
        BackgroundForPdf = backgroundForPdf;
        BackgroundRaster = backgroundRaster;
        SignatureImages = signatureImages;
    }

    public string Name { get; }
    public CertificateOrientation Orientation { get; }
    public IReadOnlyList<CertificateField> Fields { get; }
    public IReadOnlyList<CertificateSignature> Signatures { get; }
    public bool ThaiDigits { get; }
    /// <summary>JPEG-encoded, so the PDF writer embeds the bytes as they are instead of compressing the pixels for every certificate.</summary>
    internal SKImage? BackgroundForPdf { get; }
    /// <summary>Decoded pixels, for PNG previews.</summary>
    internal SKImage? BackgroundRaster { get; }
    /// <summary>Decoded signature pictures by signature index (0–2).</summary>
    internal IReadOnlyDictionary<int, SKImage> SignatureImages { get; }

    public void Dispose()
    {
        BackgroundForPdf?.Dispose();
        BackgroundRaster?.Dispose();
        foreach (var image in SignatureImages.Values) image.Dispose();
    }
}
