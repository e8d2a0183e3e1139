using Lms.Domain.Organisation;
using Lms.Infrastructure.Persistence;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Lms.Web.Localization;

namespace Lms.Web.Pages.Admin.People;

public sealed class IndexModel(LmsDbContext db, IStringLocalizer<SharedResource> l, TimeProvider clock) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? SchoolId { get; set; }
    [BindProperty(SupportsGet = true)] public Position? Position { get; set; }
    [BindProperty(SupportsGet = true)] public string? Role { get; set; }
    /// <summary>active (default), inactive, locked or all.</summary>
    [BindProperty(SupportsGet = true)] public string Status { get; set; } = "active";
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public IReadOnlyList<Row> People { get; private set; } = [];
    public int Total { get; private set; }
    public List<SelectListItem> SchoolOptions { get; private set; } = [];
    public List<SelectListItem> PositionOptions { get; private set; } = [];
    public List<SelectListItem> RoleOptions { get; private set; } = [];

    public sealed record Row(Guid Id, string Name, string? Email, string? UserName, Position Position, string? School,
        bool IsActive, bool IsLockedOut, IReadOnlyList<string> Roles);

    public async Task OnGetAsync(CancellationToken ct)
    {
        SchoolOptions = await Options.SchoolsAsync(db, ct, includeInactive: true);
        PositionOptions = Options.Positions(l);
        RoleOptions = Options.Roles(l);
        var now = clock.GetUtcNow();

        var q = from p in db.People.AsNoTracking()
                join u in db.Users.AsNoTracking() on p.Id equals u.Id
                select new { p, u };
        q = Status switch
        {
            "inactive" => q.Where(x => !x.p.IsActive),
            "locked" => q.Where(x => x.u.LockoutEnd != null && x.u.LockoutEnd > now),
            "all" => q,
            _ => q.Where(x => x.p.IsActive),
        };
        if (SchoolId is { } sid) q = q.Where(x => x.p.SchoolId == sid);
        if (Position is { } pos) q = q.Where(x => x.p.Position == pos);
        if (!string.IsNullOrEmpty(Role) && SystemRole.IsKnown(Role))
        {
            var normalized = Role.ToUpperInvariant();
            q = q.Where(x => db.UserRoles.Any(ur => ur.UserId == x.p.Id &&
                                                    db.Roles.Any(r => r.Id == ur.RoleId && r.NormalizedName == normalized)));
        }
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var term = $"%{Q.Trim()}%";
            q = q.Where(x => EF.Functions.ILike(x.p.FirstName + " " + x.p.LastName, term) ||
                             EF.Functions.ILike(x.p.FirstNameEn + " " + x.p.LastNameEn, term) ||
                             EF.Functions.ILike(x.u.Email!, term) || EF.Functions.ILike(x.u.UserName!, term));
        }

        Total = await q.CountAsync(ct);
        PageNumber = Math.Clamp(PageNumber, 1, Math.Max(1, (Total + PageSize - 1) / PageSize));
        var page = await q.OrderBy(x => x.p.FirstName).ThenBy(x => x.p.LastName)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize)
            .Select(x => new
            {
                x.p.Id, x.p.Title, x.p.FirstName, x.p.LastName, x.u.Email, x.u.UserName, x.p.Position, x.p.IsActive,
                Locked = x.u.LockoutEnd != null && x.u.LockoutEnd > now,
                School = db.Schools.Where(s => s.Id == x.p.SchoolId).Select(s => s.NameTh).FirstOrDefault(),
            }).ToListAsync(ct);
        var ids = page.Select(x => x.Id).ToList();
        var roles = (await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id
                            where ids.Contains(ur.UserId) select new { ur.UserId, r.Name }).ToListAsync(ct))
            .ToLookup(x => x.UserId, x => x.Name!);
        People = page.Select(x => new Row(x.Id, $"{x.Title}{x.FirstName} {x.LastName}", x.Email, x.UserName, x.Position,
            x.School, x.IsActive, x.Locked, roles[x.Id].Order().ToList())).ToList();
    }

    public string PageLink(int page) => Url.Page("/Admin/People/Index", new
    {
        q = Q, schoolId = SchoolId, position = Position, role = Role, status = Status, p = page,
    })!;
}
