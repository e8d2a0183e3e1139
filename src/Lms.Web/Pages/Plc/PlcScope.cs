using System.Security.Claims;
using Lms.Domain.Organisation;
using Lms.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Lms.Web.Pages.Plc;

/// <summary>
/// Which PLC groups a person may manage: administrators and supervisors every group (networks included), a school
/// director only the groups of their own school. Checked in every handler, not only by hiding links.
/// </summary>
public sealed record PlcScope(Guid? SchoolId)
{
    public bool WholeOffice => SchoolId is null;

    public bool MayManage(Guid? groupSchoolId) => WholeOffice || (groupSchoolId is { } s && s == SchoolId);

    public static async Task<PlcScope> ForAsync(ClaimsPrincipal user, LmsDbContext db, CancellationToken ct)
    {
        if (user.IsInRole(SystemRole.Administrator) || user.IsInRole(SystemRole.Supervisor)) return new PlcScope((Guid?)null);
        var me = Guid.Parse(user.FindFirstValue(ClaimTypes.NameIdentifier)!);
        var school = await db.People.Where(p => p.Id == me).Select(p => p.SchoolId).FirstOrDefaultAsync(ct);
        // A director without a school manages nothing rather than everything.
        return new PlcScope(school ?? Guid.Empty);
    }
}
