using Lms.Domain.Certificates;
using Lms.Domain.Common;
using Lms.Infrastructure.Certificates.Issuing;
using Lms.Infrastructure.Persistence;
using Lms.Web.Learning;
using Lms.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Lms.Web.Pages.Admin.Certificates;

/// <summary>Issued certificates: find one by name, number or course; revoke it (with a reason) or reissue it.</summary>
public sealed class IndexModel(LmsDbContext db, CertificateAdministration admin, IStringLocalizer<SharedResource> l) : PageModel
{
    public const int PageSize = 50;
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;
    public IReadOnlyList<Certificate> Certificates { get; private set; } = [];
    public bool HasMore { get; private set; }
    [TempData] public string? StatusMessage { get; set; }
    [TempData] public string? ErrorMessage { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var q = db.Certificates.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var like = $"%{Q.Trim()}%";
            q = q.Where(c => EF.Functions.ILike(c.RecipientName, like) || EF.Functions.ILike(c.SerialNumber, like)
                             || EF.Functions.ILike(c.SubjectName, like));
        }
        PageNumber = Math.Max(1, PageNumber);
        var rows = await q.OrderByDescending(c => c.IssuedAtUtc).ThenByDescending(c => c.RunningNumber)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize + 1).ToListAsync(ct);
        HasMore = rows.Count > PageSize;
        Certificates = rows.Take(PageSize).ToList();
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid id, string? reason, CancellationToken ct)
    {
        try
        {
            await admin.RevokeAsync(id, reason ?? "", LearnerContext.PersonId(User), ct);
            StatusMessage = l["The certificate was revoked."];
        }
        catch (DomainException e) { ErrorMessage = DomainErrors.Describe(e, l); }
        return RedirectToPage(new { q = Q });
    }

    public async Task<IActionResult> OnPostReissueAsync(Guid id, string? reason, CancellationToken ct)
    {
        try
        {
            var replacement = await admin.ReissueAsync(id, reason ?? "", LearnerContext.PersonId(User), ct);
            StatusMessage = string.Format(l["Reissued as {0}; the old certificate is revoked."], replacement.SerialNumber);
        }
        catch (DomainException e) { ErrorMessage = DomainErrors.Describe(e, l); }
        return RedirectToPage(new { q = Q });
    }

    public string PageLink(int page) => Url.Page("/Admin/Certificates/Index", new { q = Q, p = page })!;
}
