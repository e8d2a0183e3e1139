using Lms.Domain.Courses;
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
/// Results of one quiz: every teacher who attempted it, each attempt (state, mark, time taken), their quiz grade by the
/// quiz's grading method and whether it passes; then the item analysis of its questions (see QuizItems.cs).
/// Directors see their own school's staff only; others may pick a school. Export as CSV or XLSX.
/// </summary>
public sealed partial class QuizReportModel(LmsDbContext db, CoursePublisher publisher, TimeProvider clock,
    IConfiguration config, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid CourseId { get; set; }
    [BindProperty(SupportsGet = true)] public Guid ActivityId { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? School { get; set; }
    public PublishedCourse Course { get; private set; } = null!;
    public Quiz Quiz { get; private set; } = null!;
    public ReportScope Scope { get; private set; } = new((Guid?)null);
    public SchoolFilter? Filter { get; private set; }
    public IReadOnlyList<TeacherResult> Teachers { get; private set; } = [];
    /// <summary>Enrolled teachers (in the reader's scope) with no attempt yet.</summary>
    public int NotAttempted { get; private set; }

    public sealed record TeacherResult(ReportPerson Person, IReadOnlyList<QuizAttempt> Attempts, decimal? Grade, bool? Passed);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct) =>
        await LoadAsync(ct) ? ReportFile.Csv(ResultsTable(), ReportFile.FileName("quiz-results", clock, "csv")) : NotFound();

    public async Task<IActionResult> OnGetItemsCsvAsync(CancellationToken ct) =>
        await LoadAsync(ct) ? ReportFile.Csv(ItemsTable(), ReportFile.FileName("quiz-items", clock, "csv")) : NotFound();

    public async Task<IActionResult> OnGetXlsxAsync(CancellationToken ct) =>
        await LoadAsync(ct)
            ? await ReportFile.XlsxAsync([ResultsTable(), ItemsTable()], ReportFile.FileName("quiz-results", clock, "xlsx"), ct)
            : NotFound();

    public int Graded => Teachers.Count(t => t.Grade is not null);
    public int PassedCount => Teachers.Count(t => t.Passed == true);

    public decimal? AverageGrade => Graded == 0 ? null : Math.Round(Teachers.Where(t => t.Grade is not null).Average(t => t.Grade!.Value), 2);

    /// <summary>Wall-clock time from start to submit, as h:mm:ss (the same in every language).</summary>
    public static string TimeTaken(QuizAttempt a) => a.SubmittedAtUtc is { } end && end - a.StartedAtUtc is var t
        ? $"{(int)t.TotalHours}:{t.Minutes:00}:{t.Seconds:00}"
        : "";

    public string ResultName(bool? passed) => passed switch { true => l["Passed"], false => l["Not passed"], _ => "" };

    private ReportTable ResultsTable() => new(l["Results"],
        [l["Name"], l["School"], l["Attempt"], l["Status"], l["Started"], l["Submitted on"], l["Time taken"], l["Mark"],
         l["Out of"], l["Percent"], l["Quiz grade (%)"], l["Result"]],
        Teachers.SelectMany(t => t.Attempts.Select(a => new object?[]
        {
            t.Person.Name, t.Person.School, a.Number, l[DomainNames.Of(a.State)].Value, DateDisplay.DateAndTime(a.StartedAtUtc),
            a.SubmittedAtUtc is { } s ? DateDisplay.DateAndTime(s) : null, TimeTaken(a),
            a.State == AttemptState.Finished ? a.Mark : null, a.MaxMark, a.Percent, t.Grade, ResultName(t.Passed),
        })).ToList());

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (await publisher.CurrentAsync(CourseId, ct) is not { } course || course.Find(ActivityId) is not { Quiz: { } quizId })
            return false;
        if (await db.Quizzes.AsNoTracking().FirstOrDefaultAsync(q => q.Id == quizId && q.CourseId == CourseId, ct) is not { } quiz)
            return false;
        (Course, Quiz) = (course, quiz);
        Scope = await ReportScope.ForAsync(User, db, ct);
        Filter = await SchoolFilter.ForAsync(Scope, School, db, ct);
        var school = Scope.Narrow(School);

        var ofQuiz = db.QuizAttempts.AsNoTracking().Where(a => a.QuizId == quizId);
        var people = await ReportPeople.OfAsync(db, ofQuiz.Select(a => a.PersonId), school, ct);
        var ids = people.Select(p => p.Id).ToList();
        var attempts = (await ofQuiz.Where(a => ids.Contains(a.PersonId)).OrderBy(a => a.Number).ToListAsync(ct))
            .ToLookup(a => a.PersonId);
        Teachers = people.Select(p =>
        {
            var mine = attempts[p.Id].ToList();
            var grade = QuizGrade.Of(quiz.GradingMethod, mine);
            return new TeacherResult(p, mine, grade, grade is { } g ? quiz.Passes(g) : null);
        }).ToList();
        NotAttempted = await (from e in db.Enrolments
                              join p in db.People on e.PersonId equals p.Id
                              where e.CourseId == CourseId && (school == null || p.SchoolId == school)
                                    && !ofQuiz.Any(a => a.PersonId == e.PersonId)
                              select e.Id).CountAsync(ct);
        await LoadItemsAsync(Teachers.SelectMany(t => t.Attempts), ct);
        return true;
    }
}
