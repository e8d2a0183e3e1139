using Lms.Infrastructure.Files;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace Lms.Web.Files;

/// <summary>
/// Sends a stored file to someone the caller has already decided may see it.
///
/// Files have no public URL: every download goes through a page or endpoint of the app, which checks the
/// person's right to it and streams the file from <see cref="IFileStore"/>. Short-lived Azure SAS links
/// were considered (less traffic through the app), but a link works for whoever holds it until it expires and
/// would put a second authorisation path beside the app's; streaming keeps the decision in one place and works
/// the same with the local store.
/// </summary>
public static class FileDownloads
{
    /// <summary>
    /// The file as a response that answers HTTP range requests (a browser seeks in a large MP4 without
    /// downloading it), names it in UTF-8 (Thai names survive: <c>filename*=UTF-8''…</c>), and is cached only by the
    /// person's own browser. Usable as a Razor Pages handler result (<see cref="IActionResult"/>) and from a
    /// minimal endpoint (<see cref="IResult"/>). The response disposes <paramref name="content"/>.
    /// </summary>
    /// <param name="content">From <see cref="IFileStore.OpenReadAsync"/>: seekable, so ranges can be served.</param>
    /// <param name="fileName">The name the person gave the file (kept by the caller), e.g. "แผนการสอน.pdf".</param>
    /// <param name="inline">True shows PDFs, pictures and videos in the browser; anything else is always downloaded.
    /// False downloads every type.</param>
    public static StoredFileResult Serve(StoredFile file, Stream content, string fileName, bool inline = true)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(content);
        var showInline = inline && FileTypes.ByContentType(file.ContentType)?.Inline == true;
        return new StoredFileResult(file, content, string.IsNullOrWhiteSpace(fileName) ? "file" : fileName.Trim(), showInline);
    }
}

/// <summary>See <see cref="FileDownloads.Serve"/>.</summary>
public sealed class StoredFileResult(StoredFile file, Stream content, string fileName, bool inline) : IActionResult, IResult
{
    public StoredFile File => file;
    public string FileName => fileName;
    public bool Inline => inline;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        var headers = httpContext.Response.Headers;
        var disposition = new ContentDispositionHeaderValue(inline ? "inline" : "attachment");
        disposition.SetHttpFileName(fileName); // filename="____.pdf" (ASCII stand-in) and filename*=UTF-8''%E0%B9%81…
        headers.ContentDisposition = disposition.ToString();
        // Never let a browser guess that a file is HTML (and run it with the site's origin).
        headers.XContentTypeOptions = "nosniff";
        // Only the person's browser may keep it, not a shared proxy; the ETag lets it revalidate cheaply.
        headers.CacheControl = "private";
        var etag = file.Sha256.Length > 0 ? new EntityTagHeaderValue($"\"{file.Sha256}\"") : null;
        return Results.File(content, file.ContentType, fileDownloadName: null, lastModified: null, entityTag: etag,
            enableRangeProcessing: true).ExecuteAsync(httpContext);
    }

    public Task ExecuteResultAsync(ActionContext context) => ExecuteAsync(context.HttpContext);
}
