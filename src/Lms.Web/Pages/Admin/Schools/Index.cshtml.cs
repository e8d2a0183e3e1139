using Lms.Infrastructure.Persistence;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Lms.Web.Pages.Admin.Schools;

public sealed class IndexModel(LmsDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public bool ShowInactive { get; set; }
    public IReadOnlyList<Row> Schools { get; private set; } = [];

    public sealed record Row(Guid Id, string Code, string NameTh, string District, bool IsActive, int People);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var q = db.Schools.AsNoTracking();
        if (!ShowInactive) q = q.Where(s => s.IsActive);
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var term = $"%{Q.Trim()}%";
            q = q.Where(s => EF.Functions.ILike(s.NameTh, term) || EF.Functions.ILike(s.NameEn, term) ||
                             EF.Functions.ILike(s.Code, term) || EF.Functions.ILike(s.District, term));
        }
        Schools = await q.OrderBy(s => s.Code)
            .Select(s => new Row(s.Id, s.Code, s.NameTh, s.District, s.IsActive,
                db.People.Count(p => p.SchoolId == s.Id && p.IsActive)))
            .ToListAsync(ct);
    }
}
