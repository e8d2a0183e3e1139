using Lms.Domain.Certificates;
using Lms.Infrastructure.Files;
using SkiaSharp;

namespace Lms.Infrastructure.Certificates;

/// <summary>The bytes of a template's pictures, loaded from the file store: the background and the signature images by key.</summary>
public sealed record CertificateImages(byte[]? Background, IReadOnlyDictionary<string, byte[]> ByKey)
{
    public static readonly CertificateImages None = new(null, new Dictionary<string, byte[]>());
}

public static class CertificateImagesLoader
{
    /// <summary>Reads the template's background and signature images. A file missing from the store is left out (the
    /// certificate is drawn without it) rather than failing the issue of a certificate.</summary>
    public static async Task<CertificateImages> LoadCertificateImagesAsync(this IFileStore files, CertificateTemplate template,
        CancellationToken ct = default)
    {
        var byKey = new Dictionary<string, byte[]>();
        foreach (var key in template.ImageKeys)
        {
            if (!FileKeys.IsValid(key)) continue;
            await using var stream = await files.OpenReadAsync(key, ct);
            if (stream is null) continue;
            using var copy = new MemoryStream();
            await stream.CopyToAsync(copy, ct);
            byKey[key] = copy.ToArray();
        }
        return new(template.BackgroundImageKey is { } b ? byKey.GetValueOrDefault(b) : null, byKey);
    }
}

/// <summary>
/// Whether an uploaded picture can be drawn on a certificate. <see cref="UploadRules"/> has already recognised the
/// file by its first bytes; this decodes it, so a file that only starts like a PNG is refused at upload, not when
/// certificates are issued.
/// </summary>
public static class CertificateImageCheck
{
    /// <summary>Larger pictures are refused: decoding them would take hundreds of megabytes for each certificate.</summary>
    public const int MaxSidePixels = 8000;

    public static bool CanDraw(byte[] bytes)
    {
        using var data = SKData.CreateCopy(bytes);
        using var codec = SKCodec.Create(data);
        if (codec is null) return false;
        var info = codec.Info;
        if (info.Width is < 1 or > MaxSidePixels || info.Height is < 1 or > MaxSidePixels) return false;
        using var bitmap = SKBitmap.Decode(codec);
        return bitmap is not null;
    }
}
