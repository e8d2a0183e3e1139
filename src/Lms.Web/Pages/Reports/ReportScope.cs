using System.Security.Claims;
using Lms.Domain.Organisation;
using Lms.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Lms.Web.Pages.Reports;

/// <summary>
/// Whose records a report may show: everyone for administrators, course designers and trainers; only the
/// staff of their own school for a school director (checked on every report and export, not just hidden).
/// </summary>
public sealed record ReportScope(Guid? SchoolId)
{
    public bool WholeOffice => SchoolId is null;

    /// <summary>The school a report shows: a director's own whatever they ask for, otherwise the one chosen (or all when none).</summary>
    public Guid? Narrow(Guid? chosen) => SchoolId ?? chosen;

    public static async Task<ReportScope> ForAsync(ClaimsPrincipal user, LmsDbContext db, CancellationToken ct)
    {
        if (user.IsInRole(SystemRole.Administrator) || user.IsInRole(SystemRole.CourseDesigner) || user.IsInRole(SystemRole.Trainer))
            return new ReportScope((Guid?)null);
        var me = Guid.Parse(user.FindFirstValue(ClaimTypes.NameIdentifier)!);
        var school = await db.People.Where(p => p.Id == me).Select(p => p.SchoolId).FirstOrDefaultAsync(ct);
        // A director without a school sees nobody rather than everybody.
        return new ReportScope(school ?? Guid.Empty);
    }
}
