using Lms.Domain.Auditing;
using Lms.Infrastructure.Persistence;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Lms.Web.Pages.Admin.Audit;

/// <summary>Administrative changes, newest first: who, what, when, before and after.</summary>
public sealed class IndexModel(LmsDbContext db) : PageModel
{
    public const int PageSize = 100;
    [BindProperty(SupportsGet = true)] public string? Entity { get; set; }
    [BindProperty(SupportsGet = true)] public string? EntityId { get; set; }
    [BindProperty(SupportsGet = true)] public string? Actor { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;
    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];
    public bool HasMore { get; private set; }
    public static readonly string[] EntityTypes = ["Person", "LmsUser", "School", "ServiceAreaOffice", "StaffImport", "PlcGroup", "PlcMember"];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var q = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrEmpty(Entity)) q = q.Where(a => a.EntityType == Entity);
        if (!string.IsNullOrEmpty(EntityId)) q = q.Where(a => a.EntityId == EntityId);
        if (!string.IsNullOrWhiteSpace(Actor)) q = q.Where(a => EF.Functions.ILike(a.ActorName, $"%{Actor.Trim()}%"));
        PageNumber = Math.Max(1, PageNumber);
        var rows = await q.OrderByDescending(a => a.Id).Skip((PageNumber - 1) * PageSize).Take(PageSize + 1).ToListAsync(ct);
        HasMore = rows.Count > PageSize;
        Entries = rows.Take(PageSize).ToList();
    }

    public string PageLink(int page) => Url.Page("/Admin/Audit/Index", new { entity = Entity, entityId = EntityId, actor = Actor, p = page })!;
}
