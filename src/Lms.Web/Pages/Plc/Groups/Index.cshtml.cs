using Lms.Domain.Calendar;
using Lms.Infrastructure.Persistence;
using Lms.Web.Plc;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Lms.Web.Pages.Plc.Groups;

/// <summary>The PLC groups a person oversees (directors: their school's), by fiscal year.</summary>
public sealed class IndexModel(LmsDbContext db, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    public PlcViewer Scope { get; private set; } = null!;
    public List<Row> Groups { get; private set; } = [];

    public sealed record Row(Guid Id, string Name, string? School, int FiscalYear, int Members, bool IsOpen);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Scope = await PlcViewer.ForAsync(User, db, ct);
        Year ??= FiscalYear.ContainingUtc(clock.GetUtcNow().UtcDateTime).BuddhistYear;
        var school = Scope.School;
        Groups = await db.PlcGroups.AsNoTracking()
            .Where(g => g.FiscalYear == Year && (school == null || g.SchoolId == school))
            .OrderBy(g => g.Name)
            .Select(g => new Row(g.Id, g.Name, db.Schools.Where(s => s.Id == g.SchoolId).Select(s => s.NameTh).FirstOrDefault(),
                g.FiscalYear, g.Members.Count(m => m.RemovedAtUtc == null), g.RoomClosedAtUtc == null))
            .ToListAsync(ct);
    }
}
