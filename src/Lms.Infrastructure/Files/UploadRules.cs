using Microsoft.Extensions.Options;

namespace Lms.Infrastructure.Files;

/// <summary>Stable codes of upload errors; the web layer shows them with <see cref="UploadMessages"/>.</summary>
public static class UploadErrorCodes
{
    public const string Empty = "upload.empty";
    public const string TooLarge = "upload.too_large";
    public const string TypeNotAllowed = "upload.type_not_allowed";
    public const string ExtensionMismatch = "upload.extension_mismatch";
}

/// <summary>Configuration section <c>Uploads</c>: the largest file accepted per category, in megabytes (MiB).</summary>
public sealed class UploadLimits
{
    public const string Section = "Uploads";
    /// <summary>
    /// The request-size ceiling of upload endpoints (attributes need a constant). Configured per-kind
    /// limits above it have no effect: raise this too.
    /// </summary>
    public const long MaxRequestBytes = 600L * 1024 * 1024;
    public int ImageMegabytes { get; set; } = 10;
    public int DocumentMegabytes { get; set; } = 50;
    public int VideoMegabytes { get; set; } = 500;
    public int AudioMegabytes { get; set; } = 20;

    public int MegabytesFor(FileCategory category) => category switch
    {
        FileCategory.Image => ImageMegabytes,
        FileCategory.Document => DocumentMegabytes,
        FileCategory.Video => VideoMegabytes,
        FileCategory.Audio => AudioMegabytes,
        _ => throw new ArgumentOutOfRangeException(nameof(category), category, "One category, please."),
    };

    public long BytesFor(FileCategory category) => MegabytesFor(category) * 1024L * 1024L;

    /// <summary>The largest limit, for the request body size of an upload form.</summary>
    public long LargestBytes => Math.Max(Math.Max(ImageMegabytes, AudioMegabytes), Math.Max(DocumentMegabytes, VideoMegabytes)) * 1024L * 1024L;
}

/// <summary>The verdict on one upload.</summary>
/// <param name="ErrorCode">Null when the file may be stored; otherwise one of <see cref="UploadErrorCodes"/>.</param>
/// <param name="Type">What the content is (also when refused for its name or size); null if it is nothing we accept.</param>
/// <param name="Extension">The file name's extension as given, lower-case with the dot, or "".</param>
/// <param name="Allowed">The categories that were asked for (for the message listing what is accepted).</param>
/// <param name="LimitMegabytes">The limit that was exceeded (<see cref="UploadErrorCodes.TooLarge"/>).</param>
public sealed record UploadCheck(string? ErrorCode, FileType? Type, long Length, string Extension, FileCategory Allowed,
    int? LimitMegabytes = null)
{
    public bool IsValid => ErrorCode is null;
}

/// <summary>
/// What may be uploaded: the content decides the type (magic bytes; Office files by their parts), the name's
/// extension must agree with it, and each category has its size limit (<see cref="UploadLimits"/>).
/// Store an accepted file with <c>check.Type.ContentType</c>, not the type the browser sent.
/// </summary>
public sealed class UploadRules(IOptions<UploadLimits> limits)
{
    public UploadLimits Limits => limits.Value;

    /// <summary>Checks the seekable <paramref name="content"/> (e.g. <c>IFormFile.OpenReadStream()</c>) from its start
    /// and leaves it at position 0, ready to be saved.</summary>
    public async Task<UploadCheck> CheckAsync(Stream content, string fileName,
        FileCategory allowed = FileCategory.CourseContent, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (!content.CanSeek) throw new ArgumentException("The stream must be seekable (an IFormFile's stream is).", nameof(content));
        var extension = Path.GetExtension((fileName ?? "").Trim()).ToLowerInvariant();
        var length = content.Length;
        if (length == 0) return new(UploadErrorCodes.Empty, null, 0, extension, allowed);

        var type = await FileSniffer.DetectAsync(content, ct);
        if (type is null || (type.Category & allowed) == 0)
            return new(UploadErrorCodes.TypeNotAllowed, type, length, extension, allowed);
        if (!type.Extensions.Contains(extension))
            return new(UploadErrorCodes.ExtensionMismatch, type, length, extension, allowed);
        var limit = Limits.MegabytesFor(type.Category);
        if (length > Limits.BytesFor(type.Category))
            return new(UploadErrorCodes.TooLarge, type, length, extension, allowed, limit);
        return new(null, type, length, extension, allowed);
    }
}
