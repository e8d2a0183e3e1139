using Lms.Domain.Enrolments;
using Lms.Infrastructure.Files;
using Lms.Web.Files;
using Microsoft.AspNetCore.Mvc;

namespace Lms.Web.Learning;

/// <summary>Streams one handed-in file (the caller has checked who may see it).</summary>
public static class SubmissionDownload
{
    public static async Task<IActionResult?> ServeAsync(IFileStore store, SubmittedFile file, CancellationToken ct)
    {
        var info = await store.GetInfoAsync(file.Key, ct);
        var stream = info is null ? null : await store.OpenReadAsync(file.Key, ct);
        return info is null || stream is null ? null : FileDownloads.Serve(info, stream, file.Name);
    }
}
