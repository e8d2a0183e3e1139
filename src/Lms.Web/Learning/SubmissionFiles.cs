using System.Globalization;
using Lms.Domain.Enrolments;
using Lms.Infrastructure.Files;
using Microsoft.Extensions.Localization;

namespace Lms.Web.Learning;

/// <summary>Checks (by content) and stores the files a teacher hands in with an assignment.</summary>
public static class SubmissionFiles
{
    public static async Task<(List<SubmittedFile> Files, string? Error)> SaveAsync(IReadOnlyList<IFormFile> uploads, UploadRules rules,
        IFileStore store, IStringLocalizer l, CancellationToken ct)
    {
        var saved = new List<SubmittedFile>();
        if (uploads.Count > AssignmentSubmission.MaxFiles)
            return (saved, l["At most {0} files.", AssignmentSubmission.MaxFiles]);
        foreach (var upload in uploads.Where(u => u.Length > 0))
        {
            await using var stream = upload.OpenReadStream();
            var check = await rules.CheckAsync(stream, upload.FileName, FileCategory.CourseContent, ct);
            if (!check.IsValid)
                return (saved, $"{upload.FileName}: {UploadMessages.Describe(check, CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "th")}");
            stream.Position = 0;
            var stored = await store.SaveAsync(stream, check.Type!.ContentType, ct);
            saved.Add(new SubmittedFile(stored.Key, Path.GetFileName(upload.FileName), stored.ContentType, stored.Length));
        }
        return (saved, null);
    }
}
