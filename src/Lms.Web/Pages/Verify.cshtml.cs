using Lms.Infrastructure.Persistence;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Lms.Web.Pages;

/// <summary>
/// The public check behind a certificate's QR code: valid or revoked, the name, the course or event, the date — nothing
/// more (PDPA: no school, no position, no number of other certificates). Unknown codes get 404.
/// </summary>
public sealed class VerifyModel(LmsDbContext db) : PageModel
{
    public string RecipientName { get; private set; } = "";
    public string SubjectName { get; private set; } = "";
    public DateOnly CompletedOn { get; private set; }
    public bool Revoked { get; private set; }

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        if (code.Length is < 16 or > 40) return NotFound();
        var c = await db.Certificates.AsNoTracking().Where(x => x.VerificationCode == code)
            .Select(x => new { x.RecipientName, x.SubjectName, x.CompletedOn, x.RevokedAtUtc }).FirstOrDefaultAsync(ct);
        if (c is null) return NotFound();
        (RecipientName, SubjectName, CompletedOn, Revoked) = (c.RecipientName, c.SubjectName, c.CompletedOn, c.RevokedAtUtc is not null);
        Response.Headers.CacheControl = "no-store"; // a revocation must show at once
        Response.Headers["X-Robots-Tag"] = "noindex";
        return Page();
    }
}
