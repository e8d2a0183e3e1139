using Lms.Infrastructure.Files;
using Microsoft.Extensions.Localization;
using System.Globalization;

namespace Lms.Web.Pages.Design.Courses;

/// <summary>Checks an uploaded course file by its content and stores it; returns a localised error instead when refused.</summary>
internal static class FileActivityUpload
{
    public static async Task<(StoredFile? Stored, string? Message)> SaveAsync(IFormFile? file, UploadRules rules, IFileStore store,
        IStringLocalizer l, CancellationToken ct)
    {
        if (file is null || file.Length == 0) return (null, l["Please choose a file."]);
        await using var stream = file.OpenReadStream();
        var check = await rules.CheckAsync(stream, file.FileName, FileCategory.CourseContent, ct);
        if (!check.IsValid)
            return (null, UploadMessages.Describe(check, CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "th"));
        stream.Position = 0;
        return (await store.SaveAsync(stream, check.Type!.ContentType, ct), null);
    }
}
