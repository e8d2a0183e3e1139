using System.Security.Claims;
using Lms.Domain.Calendar;
using Lms.Domain.Organisation;
using Lms.Domain.Plc;
using Lms.Infrastructure.Persistence;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Lms.Web.Pages;

/// <summary>The signed-in person's own dashboard: their learning this fiscal year; more sections come with later features.</summary>
public sealed class IndexModel(LmsDbContext db, TimeProvider clock) : PageModel
{
    public string FullName { get; private set; } = "";
    public Position Position { get; private set; }
    public string? SchoolName { get; private set; }
    public FiscalYear CurrentFiscalYear { get; private set; }
    public DateTime NowUtc { get; private set; }
    public IReadOnlyList<(Position Position, int Count)> StaffByPosition { get; private set; } = [];
    public int ActiveSchools { get; private set; }
    public int CoursesInProgress { get; private set; }
    public int CompletedThisYear { get; private set; }
    public decimal HoursThisYear { get; private set; }
    public PlcHoursProgress PlcHours { get; private set; } = new(0, 0, 0);

    private sealed record Me(string Title, string FirstName, string LastName, Position Position, Guid? SchoolId, string? School,
        int InProgress, int CompletedInYear, decimal? HoursInYear, int UnreadNotifications, decimal? PlcApproved, decimal? PlcPending,
        decimal? PlcTarget);

    /// <summary>
    /// The one query every dashboard view makes, compiled once: EF no longer walks, hashes and looks up
    /// the expression tree in its query cache on each request.
    /// </summary>
    private static readonly Func<LmsDbContext, Guid, DateTime, DateTime, CancellationToken, Task<Me>> LoadMe = EF.CompileAsyncQuery(
        (LmsDbContext db, Guid id, DateTime yearStart, DateTime yearEnd, CancellationToken ct) =>
            (from p in db.People.AsNoTracking()
             where p.Id == id
             select new Me(p.Title, p.FirstName, p.LastName, p.Position, p.SchoolId,
                 db.Schools.Where(s => s.Id == p.SchoolId).Select(s => s.NameTh).FirstOrDefault(),
                 db.Enrolments.Count(e => e.PersonId == id && e.CompletedAtUtc == null),
                 db.Enrolments.Count(e => e.PersonId == id && e.CompletedAtUtc >= yearStart && e.CompletedAtUtc < yearEnd),
                 (from e in db.Enrolments
                  join c in db.Courses on e.CourseId equals c.Id
                  where e.PersonId == id && e.CompletedAtUtc >= yearStart && e.CompletedAtUtc < yearEnd
                  select (decimal?)c.CreditHours).Sum(),
                 // The bell's count rides along in the same statement (the layout would otherwise ask separately).
                 db.Notifications.Count(n => n.PersonId == id && n.ReadAtUtc == null),
                 // PLC hours of the year: Contains on the attendee array becomes @> (the GIN index); rounded per meeting
                 // as PlcMeeting.Hours and the hours report do. Only approved ones count; submitted ones wait.
                 db.PlcMeetings.Where(m => m.AttendeeIds.Contains(id) && m.StartsAtUtc >= yearStart && m.StartsAtUtc < yearEnd
                                           && m.Status == PlcMeetingStatus.Approved)
                     .Sum(m => (decimal?)Math.Round(m.DurationMinutes / 60m, 2)),
                 db.PlcMeetings.Where(m => m.AttendeeIds.Contains(id) && m.StartsAtUtc >= yearStart && m.StartsAtUtc < yearEnd
                                           && m.Status == PlcMeetingStatus.Submitted)
                     .Sum(m => (decimal?)Math.Round(m.DurationMinutes / 60m, 2)),
                 db.PlcSettings.Where(x => x.Id == Lms.Infrastructure.Plc.PlcSettingsRow.SingleId).Select(x => (decimal?)x.YearlyTargetHours).FirstOrDefault()))
            .First());

    public async Task OnGetAsync(CancellationToken ct)
    {
        var id = Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!);
        NowUtc = clock.GetUtcNow().UtcDateTime;
        CurrentFiscalYear = FiscalYear.ContainingUtc(NowUtc);
        var me = await LoadMe(db, id, CurrentFiscalYear.StartUtc, CurrentFiscalYear.EndUtcExclusive, ct);
        (CoursesInProgress, CompletedThisYear, HoursThisYear) = (me.InProgress, me.CompletedInYear, me.HoursInYear ?? 0);
        FullName = $"{me.Title}{me.FirstName} {me.LastName}";
        Position = me.Position;
        SchoolName = me.School;
        ViewData[Lms.Web.Notifications.BellCount.ViewDataKey] = me.UnreadNotifications;
        PlcHours = new PlcHoursProgress(me.PlcApproved ?? 0, me.PlcPending ?? 0, me.PlcTarget ?? PlcSettings.Default.YearlyTargetHours);

        // Administrators and directors see who there is to develop: the denominators of the office's targets.
        if (User.IsInRole(SystemRole.Administrator) || User.IsInRole(SystemRole.SchoolDirector))
        {
            var people = db.People.AsNoTracking().Where(p => p.IsActive);
            if (!User.IsInRole(SystemRole.Administrator)) people = people.Where(p => p.SchoolId == me.SchoolId);
            StaffByPosition = (await people.GroupBy(p => p.Position).Select(g => new { g.Key, Count = g.Count() })
                    .ToListAsync(ct))
                .OrderBy(x => x.Key).Select(x => (x.Key, x.Count)).ToList();
            if (User.IsInRole(SystemRole.Administrator))
                ActiveSchools = await db.Schools.CountAsync(s => s.IsActive, ct);
        }
    }
}
