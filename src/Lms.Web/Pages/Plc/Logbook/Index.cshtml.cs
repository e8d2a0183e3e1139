using Lms.Domain.Calendar;
using Lms.Domain.Plc;
using Lms.Infrastructure.Persistence;
using Lms.Infrastructure.Plc;
using Lms.Web.Plc;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Lms.Web.Pages.Plc.Logbook;

/// <summary>
/// A group's logbook (บันทึกการประชุม PLC): its meetings by date with step, duration, status and hours, and each member's
/// approved hours from the group this fiscal year. Members and those who oversee the group; anyone else gets 404.
/// </summary>
public sealed class IndexModel(LmsDbContext db, PlcSettingsStore settings, TimeProvider clock) : PageModel
{
    [FromRoute] public Guid GroupId { get; set; }

    public PlcGroup Group { get; private set; } = null!;
    public string? SchoolName { get; private set; }
    public List<PlcMeeting> Meetings { get; private set; } = [];
    public List<MemberHours> Members { get; private set; } = [];
    public FiscalYear CurrentYear { get; private set; }
    public decimal TargetHours { get; private set; }
    public bool MayRecord { get; private set; }
    public bool Oversees { get; private set; }

    public sealed record MemberHours(Guid PersonId, string Name, PlcRole Role, PlcHoursProgress Hours);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var group = await db.PlcGroups.AsNoTracking().Include(g => g.Members).FirstOrDefaultAsync(g => g.Id == GroupId, ct);
        if (group is null) return NotFound();
        var me = await PlcViewer.ForAsync(User, db, ct);
        if (!me.MayRead(group)) return NotFound();
        Group = group;
        MayRecord = group.CanRecordMeetings(me.PersonId);
        Oversees = me.Oversees(group.SchoolId);
        SchoolName = group.SchoolId is { } s ? await db.Schools.Where(x => x.Id == s).Select(x => x.NameTh).FirstOrDefaultAsync(ct) : null;
        CurrentYear = FiscalYear.ContainingUtc(clock.GetUtcNow().UtcDateTime);
        TargetHours = (await settings.CurrentAsync(ct)).YearlyTargetHours;
        Meetings = await db.PlcMeetings.AsNoTracking().Where(m => m.GroupId == GroupId)
            .OrderByDescending(m => m.StartsAtUtc).ToListAsync(ct);

        var active = group.Members.Where(m => m.IsActive).ToList();
        var ids = active.Select(m => m.PersonId).ToList();
        var names = await db.People.AsNoTracking().Where(p => ids.Contains(p.Id))
            .ToDictionaryAsync(p => p.Id, p => p.Title + p.FirstName + " " + p.LastName, ct);
        var thisYear = Meetings.Where(m => m.FiscalYear == CurrentYear).ToList();
        Members = active
            .Select(m => new MemberHours(m.PersonId, names.GetValueOrDefault(m.PersonId) ?? "", m.Role,
                PlcHoursProgress.Of(thisYear.Where(x => x.AttendeeIds.Contains(m.PersonId)), TargetHours)))
            .OrderBy(m => m.Role).ThenBy(m => m.Name, StringComparer.Ordinal).ToList();
        return Page();
    }
}
