using Lms.Domain.Calendar;
using Lms.Infrastructure.Persistence;
using Lms.Infrastructure.Plc;
using Lms.Web.Localization;
using Lms.Web.Pages.Reports;
using Lms.Web.Plc;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Lms.Web.Pages.Plc.Reports;

/// <summary>
/// PLC hours report (รายงานชั่วโมง PLC) for a fiscal year: a school director sees each teacher of their school, supervisors
/// and administrators each school (staff counted, approved and waiting hours, how many reached the target) and, choosing
/// a school, its teachers. Teachers with no hours are listed too. CSV and XLSX downloads of the same, in the same scope.
/// </summary>
public sealed class HoursModel(LmsDbContext db, PlcHoursQueries hours, PlcSettingsStore settings, TimeProvider clock,
    IStringLocalizer<SharedResource> l) : PageModel
{
    [FromQuery(Name = "year")] public int? Year { get; set; }
    [FromQuery(Name = "school")] public Guid? School { get; set; }

    public FiscalYear FiscalYear { get; private set; }
    public decimal TargetHours { get; private set; }
    public bool WholeOffice { get; private set; }
    public List<SchoolFilter.Option> Schools { get; private set; } = [];
    /// <summary>Per teacher: the director's school, or the school chosen; empty for the office overview.</summary>
    public List<PlcPersonHours> People { get; private set; } = [];
    public List<SchoolTotal> Totals { get; private set; } = [];
    public string Query => $"year={FiscalYear.BuddhistYear}" + (School is { } s ? $"&school={s}" : "");

    public sealed record SchoolTotal(Guid SchoolId, string Code, string School, int People, decimal ApprovedHours, decimal PendingHours,
        int ReachedTarget);

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct)
    {
        await LoadAsync(ct, everyone: true);
        return ReportFile.Csv(PeopleTable(), ReportFile.FileName($"plc-hours-{FiscalYear.BuddhistYear}", clock, "csv"));
    }

    public async Task<IActionResult> OnGetXlsxAsync(CancellationToken ct)
    {
        await LoadAsync(ct, everyone: true);
        var sheets = new List<ReportTable> { PeopleTable() };
        if (Totals.Count > 0) sheets.Insert(0, SchoolsTable());
        return await ReportFile.XlsxAsync(sheets, ReportFile.FileName($"plc-hours-{FiscalYear.BuddhistYear}", clock, "xlsx"), ct);
    }

    private ReportTable PeopleTable() => new(l["Teachers"],
        [l["School code"], l["School"], l["Name"], l["Position"], l["Approved hours"], l["Waiting for approval"], l["Approved meetings"],
            l["Target (hours)"], l["Target reached"]],
        People.Select(p => new object?[]
        {
            p.SchoolCode, p.School, p.Name, l[DomainNames.Of(p.Position)].Value, p.ApprovedHours, p.PendingHours, p.ApprovedMeetings,
            TargetHours, p.ApprovedHours >= TargetHours ? l["Yes"].Value : l["No"].Value,
        }).ToList());

    private ReportTable SchoolsTable() => new(l["Schools"],
        [l["School code"], l["School"], l["Staff counted"], l["Approved hours"], l["Waiting for approval"], l["Reached the target"]],
        Totals.Select(t => new object?[] { t.Code, t.School, t.People, t.ApprovedHours, t.PendingHours, t.ReachedTarget }).ToList());

    /// <param name="everyone">Downloads of the whole office hold every teacher; the page shows schools until one is chosen.</param>
    private async Task LoadAsync(CancellationToken ct, bool everyone = false)
    {
        var viewer = await PlcViewer.ForAsync(User, db, ct);
        var current = FiscalYear.ContainingUtc(clock.GetUtcNow().UtcDateTime);
        FiscalYear = Year is >= 2500 and <= 2700 ? new FiscalYear(Year.Value) : current;
        TargetHours = (await settings.CurrentAsync(ct)).YearlyTargetHours;
        WholeOffice = viewer.OverseesAll;
        // A director's own school whatever they ask for; the others the school chosen, or all.
        var school = WholeOffice ? School : viewer.DirectorOf;
        if (!WholeOffice) School = null;
        if (WholeOffice)
            Schools = await db.Schools.AsNoTracking().Where(s => s.IsActive).OrderBy(s => s.Code)
                .Select(s => new SchoolFilter.Option(s.Id, s.NameTh)).ToListAsync(ct);
        var rows = await hours.ReportAsync(school, FiscalYear, ct);
        if (WholeOffice && school is null)
        {
            Totals = rows.GroupBy(r => (r.SchoolId, r.SchoolCode, r.School))
                .Select(g => new SchoolTotal(g.Key.SchoolId, g.Key.SchoolCode, g.Key.School, g.Count(), g.Sum(r => r.ApprovedHours),
                    g.Sum(r => r.PendingHours), g.Count(r => r.ApprovedHours >= TargetHours)))
                .OrderBy(t => t.Code, StringComparer.Ordinal).ToList();
            if (everyone) People = rows;
        }
        else People = rows;
    }
}
