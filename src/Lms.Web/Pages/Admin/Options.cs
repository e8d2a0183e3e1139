using Lms.Domain.Organisation;
using Lms.Infrastructure.Persistence;
using Lms.Web.Localization;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Lms.Web.Pages.Admin;

/// <summary>Drop-down lists shared by the administration pages, labelled in the reader's language.</summary>
public static class Options
{
    public static async Task<List<SelectListItem>> SchoolsAsync(LmsDbContext db, CancellationToken ct, bool includeInactive = false) =>
        await db.Schools.AsNoTracking().Where(s => includeInactive || s.IsActive).OrderBy(s => s.Code)
            .Select(s => new SelectListItem($"{s.Code} {s.NameTh}", s.Id.ToString())).ToListAsync(ct);

    public static List<SelectListItem> Positions(IStringLocalizer l) =>
        Enum.GetValues<Position>().Select(p => new SelectListItem(l[DomainNames.Of(p)], p.ToString())).ToList();

    public static List<SelectListItem> SubjectAreas(IStringLocalizer l) =>
        Enum.GetValues<SubjectArea>().Select(s => new SelectListItem(l[DomainNames.Of(s)], s.ToString())).ToList();

    public static List<SelectListItem> Roles(IStringLocalizer l) =>
        SystemRole.All.Select(r => new SelectListItem(l[DomainNames.OfRole(r)], r)).ToList();
}
