using System.Collections.Concurrent;
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
    /// <summary>PNG previews draw from a copy this size (the preview page asks for at most 2000 px): drawing the
    /// 300-dpi picture scaled down for every preview took ~150 ms.</summary>
    internal const int MaxPreviewSidePixels = 2000;

    internal PreparedCertificateTemplate(CertificateTemplate template, SKImage? pageLayerForPdf, SKImage? pageLayerRaster)
    {
        Name = template.Name;
        Orientation = template.Orientation;
        Fields = template.Fields.ToList();
        Signatures = template.Signatures.ToList();
        ThaiDigits = template.ThaiDigits;
        PageLayerForPdf = pageLayerForPdf;
        PageLayerRaster = pageLayerRaster;
    }

    public string Name { get; }
    public CertificateOrientation Orientation { get; }
    public IReadOnlyList<CertificateField> Fields { get; }
    public IReadOnlyList<CertificateSignature> Signatures { get; }
    public bool ThaiDigits { get; }
    /// <summary>
    /// What every certificate of the template shares under its text: the background and the signature pictures, as one
    /// JPEG. Skia's PDF writer copies JPEG bytes into the file as they are, but compresses any other picture again for
    /// every document (a 600 × 200 signature PNG cost ~8 ms per certificate). Null: a plain white page.
    /// </summary>
    internal SKImage? PageLayerForPdf { get; }
    /// <summary>The same layer as decoded pixels of at most <see cref="MaxPreviewSidePixels"/>, for PNG.</summary>
    internal SKImage? PageLayerRaster { get; }

    private readonly ConcurrentDictionary<(int Width, int Height), Lazy<SKImage>> layersBySize = new();

    /// <summary>The page layer at exactly this many pixels, made once per size (PNG rendering draws it 1:1).</summary>
    internal SKImage PageLayerAt(int width, int height) =>
        layersBySize.GetOrAdd((width, height),
            size => new Lazy<SKImage>(() => SkiaCertificateRenderer.Reduce(PageLayerRaster!, size.Width, size.Height))).Value;

    public void Dispose()
    {
        foreach (var image in layersBySize.Values.Where(l => l.IsValueCreated)) image.Value.Dispose();
        PageLayerForPdf?.Dispose();
        PageLayerRaster?.Dispose();
    }
}
