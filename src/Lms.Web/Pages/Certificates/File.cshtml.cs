using Lms.Domain.Organisation;
using Lms.Infrastructure.Files;
using Lms.Infrastructure.Persistence;
using Lms.Web.Files;
using Lms.Web.Learning;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Lms.Web.Pages.Certificates;

/// <summary>
/// A certificate's PDF, for its owner and for administrators only (anyone else gets 404, not 403: the address does not
/// confirm that a certificate exists). The public proof is the verification page, not the file.
/// </summary>
public sealed class FileModel(LmsDbContext db, IFileStore files) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var c = await db.Certificates.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (c is null || (c.PersonId != LearnerContext.PersonId(User) && !User.IsInRole(SystemRole.Administrator))) return NotFound();
        if (c.FileKey is null || await files.GetInfoAsync(c.FileKey, ct) is not { } info) return NotFound();
        var stream = await files.OpenReadAsync(c.FileKey, ct);
        if (stream is null) return NotFound();
        var name = $"เกียรติบัตร {c.SerialNumber.Replace('/', '-')}.pdf";
        return FileDownloads.Serve(info, stream, name);
    }
}
