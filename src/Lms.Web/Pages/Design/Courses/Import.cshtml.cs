using System.Security.Claims;
using Lms.Domain.Common;
using Lms.Infrastructure.Courses;
using Lms.Infrastructure.Files;
using Lms.Infrastructure.Persistence;
using Lms.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Lms.Web.Pages.Design.Courses;

/// <summary>Import a course archive exported from this or another instance, as a new draft.</summary>
[RequestSizeLimit(UploadLimits.MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = UploadLimits.MaxRequestBytes)]
public sealed class ImportModel(LmsDbContext db, IFileStore files, UploadRules uploads, TimeProvider clock,
    IStringLocalizer<SharedResource> l) : PageModel
{
    public string? Error { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(IFormFile? file, CancellationToken ct)
    {
        if (file is null || file.Length == 0)
        {
            Error = l["Please choose a file."];
            return Page();
        }
        try
        {
            await using var stream = file.OpenReadStream();
            var me = Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!);
            var (course, media) = await CourseArchive.ReadAsync(stream, files, uploads, me, clock.GetUtcNow().UtcDateTime, ct);
            db.Courses.Add(course);
            db.CourseMedia.AddRange(media);
            await db.SaveChangesAsync(ct);
            TempData["StatusMessage"] = l["The course has been imported as a draft."].Value;
            return Redirect($"/Design/Courses/Structure/{course.Id}");
        }
        catch (DomainException e)
        {
            Error = e.Code.StartsWith("archive.", StringComparison.Ordinal)
                ? l["This is not a course archive this system can read ({0}).", e.Message]
                : DomainErrors.Describe(e, l);
            return Page();
        }
    }
}
