using Lms.Domain.Certificates;

namespace Lms.Infrastructure.Certificates;

/// <summary>
/// Draws certificates from a <see cref="CertificateTemplate"/> and a <see cref="CertificateContent"/>: PDF for issuing and
/// downloading, PNG for previews. Pure CPU work, no I/O: the caller loads the template's pictures
/// (<see cref="CertificateImagesLoader.LoadCertificateImagesAsync"/>) and stores the result.
/// <para>Issuing many certificates from one template: <see cref="Prepare"/> it once (the pictures are decoded once)
/// and call <see cref="RenderPdf(PreparedCertificateTemplate, CertificateContent)"/> for each person, from any number
/// of threads; dispose the prepared template when done. The one-off overloads in <see cref="CertificateRendererExtensions"/>
/// prepare and dispose for you.</para>
/// </summary>
public interface ICertificateRenderer
{
    /// <summary>
    /// Decodes the background and signature images for repeated rendering. A picture that cannot be decoded throws
    /// <see cref="InvalidDataException"/> (uploads are checked with <see cref="CertificateImageCheck"/> first, so this means a
    /// damaged stored file).
    /// </summary>
    /// <param name="background">The bytes of <see cref="CertificateTemplate.BackgroundImageKey"/>, or null for a white page.</param>
    /// <param name="signatureImages">The bytes of each signature's <see cref="CertificateSignature.ImageKey"/>, by key; a missing key draws no image.</param>
    PreparedCertificateTemplate Prepare(CertificateTemplate template, byte[]? background, IReadOnlyDictionary<string, byte[]> signatureImages);

    /// <summary>One A4 page (595 × 842 pt, turned for landscape) with vector text (the Thai font embedded, text selectable) and a vector QR code.</summary>
    byte[] RenderPdf(PreparedCertificateTemplate template, CertificateContent content);

    /// <summary>The page as a PNG <paramref name="widthPx"/> pixels wide (100–4000), height in the page's proportion.</summary>
    byte[] RenderPng(PreparedCertificateTemplate template, CertificateContent content, int widthPx);
}

public static class CertificateRendererExtensions
{
    public static byte[] RenderPdf(this ICertificateRenderer renderer, CertificateTemplate template, byte[]? background,
        IReadOnlyDictionary<string, byte[]> signatureImages, CertificateContent content)
    {
        using var prepared = renderer.Prepare(template, background, signatureImages);
        return renderer.RenderPdf(prepared, content);
    }

    public static byte[] RenderPng(this ICertificateRenderer renderer, CertificateTemplate template, byte[]? background,
        IReadOnlyDictionary<string, byte[]> signatureImages, CertificateContent content, int widthPx)
    {
        using var prepared = renderer.Prepare(template, background, signatureImages);
        return renderer.RenderPng(prepared, content, widthPx);
    }

    public static byte[] RenderPdf(this ICertificateRenderer renderer, CertificateTemplate template, CertificateImages images, CertificateContent content) =>
        renderer.RenderPdf(template, images.Background, images.ByKey, content);

    public static byte[] RenderPng(this ICertificateRenderer renderer, CertificateTemplate template, CertificateImages images,
        CertificateContent content, int widthPx) =>
        renderer.RenderPng(template, images.Background, images.ByKey, content, widthPx);
}
