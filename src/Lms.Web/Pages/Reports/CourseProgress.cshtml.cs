using Lms.Domain.Courses;
using Lms.Domain.Organisation;
using Lms.Domain.Quizzes;
using Lms.Infrastructure.Courses;
using Lms.Infrastructure.Persistence;
using Lms.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Lms.Web.Pages.Reports;

/// <summary>
/// Who is where in one course: progress, last activity, completion — and who is stuck (no activity for
/// a number of days, a setting). Directors see their own school's staff only. Export as CSV or XLSX.
/// </summary>
public sealed class CourseProgressModel(LmsDbContext db, CoursePublisher publisher, TimeProvider clock, Microsoft.Extensions.Configuration.IConfiguration config,
    IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    public PublishedCourse Course { get; private set; } = null!;
    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public ReportScope Scope { get; private set; } = new((Guid?)null);
    public int StuckAfterDays => config.GetValue("Reports:StuckAfterDays", 14);

    public enum State { NotStarted, InProgress, Stuck, Completed }

    public sealed record Row(string Name, string? School, Position Position, int Percent, DateTime EnrolledAtUtc,
        DateTime? LastActivityAtUtc, DateTime? CompletedAtUtc, State State);

    /// <summary>The course's quizzes, for links to their results (and to the pre/post report when it has both tests).</summary>
    public IReadOnlyList<QuizLink> Quizzes { get; private set; } = [];

    public sealed record QuizLink(Guid ActivityId, string Title, QuizRole Role);

    public bool HasPrePost => Quizzes.Any(q => q.Role == QuizRole.PreTest) && Quizzes.Any(q => q.Role == QuizRole.PostTest);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        var activities = Course.Activities.Where(a => a.Quiz is not null).ToList();
        var quizIds = activities.Select(a => a.Quiz!.Value).ToList();
        var roles = await db.Quizzes.AsNoTracking().Where(q => quizIds.Contains(q.Id)).ToDictionaryAsync(q => q.Id, q => q.Role, ct);
        Quizzes = activities.Where(a => roles.ContainsKey(a.Quiz!.Value))
            .Select(a => new QuizLink(a.Id, a.Title, roles[a.Quiz!.Value])).ToList();
        return Page();
    }

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct) =>
        await LoadAsync(ct) ? ReportFile.Csv(Table(), ReportFile.FileName("course-progress", clock, "csv")) : NotFound();

    public async Task<IActionResult> OnGetXlsxAsync(CancellationToken ct) =>
        await LoadAsync(ct) ? await ReportFile.XlsxAsync([Table()], ReportFile.FileName("course-progress", clock, "xlsx"), ct) : NotFound();

    public string StateName(State s) => s switch
    {
        State.NotStarted => l["Not started"],
        State.InProgress => l["In progress"],
        State.Stuck => l["Stuck"],
        _ => l["Completed"],
    };

    private ReportTable Table() => new(l["Progress"],
        [l["Name"], l["School"], l["Position"], l["Progress (%)"], l["Enrolled"], l["Last activity"], l["Completed"], l["Status"]],
        Rows.Select(r => new object?[]
        {
            r.Name, r.School, l[DomainNames.Of(r.Position)].Value, r.Percent, DateDisplay.Date(r.EnrolledAtUtc),
            DateDisplay.Date(r.LastActivityAtUtc), DateDisplay.Date(r.CompletedAtUtc), StateName(r.State),
        }).ToList());

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var course = await publisher.CurrentAsync(Id, ct);
        if (course is null) return false;
        Course = course;
        Scope = await ReportScope.ForAsync(User, db, ct);
        var school = Scope.SchoolId;
        var outline = course.Outline();
        var now = clock.GetUtcNow().UtcDateTime;
        var rows = await (from e in db.Enrolments.AsNoTracking().Include(e => e.Progress)
                          join p in db.People.AsNoTracking() on e.PersonId equals p.Id
                          where e.CourseId == Id && (school == null || p.SchoolId == school)
                          orderby p.FirstName, p.LastName
                          select new
                          {
                              Enrolment = e, Name = p.Title + p.FirstName + " " + p.LastName, p.Position,
                              School = db.Schools.Where(s => s.Id == p.SchoolId).Select(s => s.NameTh).FirstOrDefault(),
                          }).ToListAsync(ct);
        Rows = rows.Select(x =>
        {
            var e = x.Enrolment;
            var last = e.LastActivityAtUtc;
            var state = e.CompletedAtUtc is not null ? State.Completed
                : (last ?? e.EnrolledAtUtc) < now.AddDays(-StuckAfterDays) ? State.Stuck
                : last is null ? State.NotStarted : State.InProgress;
            return new Row(x.Name, x.School, x.Position, e.PercentComplete(outline), e.EnrolledAtUtc, last, e.CompletedAtUtc, state);
        }).ToList();
        return true;
    }
}
