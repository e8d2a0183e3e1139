using System.Security.Claims;
using Lms.Domain.Organisation;
using Lms.Infrastructure.Files;
using Lms.Infrastructure.Persistence;
using Lms.Web.Files;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Lms.Web.Pages.Media;

/// <summary>
/// Images and videos placed in a course's Markdown, at /Media/{course}/{key}: served to the course's
/// designers and administrators, and to learners enrolled in it — to nobody else, whatever the address.
/// </summary>
public sealed class IndexModel(LmsDbContext db, IFileStore files) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid courseId, string key, CancellationToken ct)
    {
        // Addresses may end in the file type's extension (…/abc123.mp4); stored keys never contain a dot.
        var dot = key.LastIndexOf('.');
        if (dot > key.LastIndexOf('/')) key = key[..dot];
        var media = await db.CourseMedia.AsNoTracking().FirstOrDefaultAsync(m => m.CourseId == courseId && m.FileKey == key, ct);
        if (media is null) return NotFound();
        var designer = User.IsInRole(SystemRole.CourseDesigner) || User.IsInRole(SystemRole.Administrator);
        // A course's cover is part of the catalogue, which every signed-in person may browse.
        var isCover = await db.Courses.AnyAsync(c => c.Id == courseId && c.CoverImageKey == key && c.PublishedVersion > 0, ct);
        if (!designer && !isCover)
        {
            var me = Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!);
            if (!await db.Enrolments.AnyAsync(e => e.CourseId == courseId && e.PersonId == me, ct)) return NotFound();
        }
        var info = await files.GetInfoAsync(media.FileKey, ct);
        var stream = info is null ? null : await files.OpenReadAsync(media.FileKey, ct);
        return info is null || stream is null ? NotFound() : FileDownloads.Serve(info, stream, media.FileName);
    }
}
