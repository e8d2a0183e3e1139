using System.Security.Claims;
using Lms.Domain.Calendar;
using Lms.Domain.Plc;
using Lms.Infrastructure.Persistence;
using Lms.Infrastructure.Plc;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Lms.Web.Pages.Plc;

/// <summary>
/// My PLC hours (ชั่วโมง PLC ของฉัน): the meetings I attended in a fiscal year with their status and hours, the approved
/// total against the office's target and what still waits for approval; and the logbooks of my groups.
/// </summary>
public sealed class HoursModel(LmsDbContext db, PlcHoursQueries hours, TimeProvider clock) : PageModel
{
    [FromQuery(Name = "year")] public int? Year { get; set; }

    public FiscalYear FiscalYear { get; private set; }
    public List<FiscalYear> Years { get; private set; } = [];
    public PlcHoursProgress Progress { get; private set; } = new(0, 0, 0);
    public List<Row> Meetings { get; private set; } = [];
    public List<(Guid Id, string Name)> Groups { get; private set; } = [];

    public sealed record Row(Guid GroupId, Guid MeetingId, string Group, string Topic, DateTime StartsAtUtc, PlcCycleStep Step,
        PlcMeetingStatus Status, decimal Hours);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var me = Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!);
        var current = FiscalYear.ContainingUtc(clock.GetUtcNow().UtcDateTime);
        FiscalYear = Year is >= 2500 and <= 2700 ? new FiscalYear(Year.Value) : current;
        Progress = await hours.OfPersonAsync(me, FiscalYear, ct);
        var attended = await hours.Attended(me)
            .Where(m => m.StartsAtUtc >= FiscalYear.StartUtc && m.StartsAtUtc < FiscalYear.EndUtcExclusive)
            .Join(db.PlcGroups, m => m.GroupId, g => g.Id, (m, g) => new { m, g.Name })
            .OrderBy(x => x.m.StartsAtUtc).ToListAsync(ct);
        Meetings = attended.Select(x => new Row(x.m.GroupId, x.m.Id, x.Name, x.m.Topic, x.m.StartsAtUtc, x.m.Step, x.m.Status, x.m.Hours)).ToList();
        var firstStart = await hours.Attended(me).Select(m => (DateTime?)m.StartsAtUtc).MinAsync(ct);
        var first = firstStart is { } f ? FiscalYear.ContainingUtc(f) : current;
        for (var y = first.CompareTo(current) < 0 ? first : current; y.CompareTo(current) <= 0; y = y.Next) Years.Add(y);
        if (!Years.Contains(FiscalYear)) Years.Add(FiscalYear);
        Groups = (await db.PlcMembers.AsNoTracking().Where(m => m.PersonId == me && m.RemovedAtUtc == null)
                .Join(db.PlcGroups, m => m.GroupId, g => g.Id, (m, g) => new { g.Id, g.Name, g.FiscalYear })
                .OrderByDescending(g => g.FiscalYear).ThenBy(g => g.Name).ToListAsync(ct))
            .Select(g => (g.Id, g.Name)).ToList();
    }
}
