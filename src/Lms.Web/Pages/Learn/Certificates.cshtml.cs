using Lms.Domain.Certificates;
using Lms.Infrastructure.Persistence;
using Lms.Web.Learning;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Lms.Web.Pages.Learn;

/// <summary>All of a person's certificates (เกียรติบัตรของฉัน), newest first, with the PDF to download.</summary>
public sealed class CertificatesModel(LmsDbContext db) : PageModel
{
    public IReadOnlyList<Certificate> Certificates { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var me = LearnerContext.PersonId(User);
        Certificates = await db.Certificates.AsNoTracking()
            .Where(c => c.PersonId == me && c.SupersededAtUtc == null)
            .OrderByDescending(c => c.IssuedAtUtc).ToListAsync(ct);
    }
}
