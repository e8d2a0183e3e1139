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
/// What a course changed, from its pre-test and post-test (the "Check" of the office's PDCA cycle): each teacher's two
/// quiz grades, the gain and the normalised gain, and the averages per school and overall — over the teachers who sat
/// both tests (<see cref="LearningGainAverage"/>). Directors see their own school only. Export as CSV or XLSX.
/// </summary>
public sealed class PrePostModel(LmsDbContext db, CoursePublisher publisher, TimeProvider clock, IStringLocalizer<SharedResource> l)
    : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid CourseId { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? School { get; set; }
    public PublishedCourse Course { get; private set; } = null!;
    public Quiz? PreTest { get; private set; }
    public Quiz? PostTest { get; private set; }
    public ReportScope Scope { get; private set; } = new((Guid?)null);
    public SchoolFilter? Filter { get; private set; }
    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public IReadOnlyList<SchoolAverage> Schools { get; private set; } = [];
    public LearningGainAverage Overall { get; private set; } = LearningGainAverage.Of([]);

    public sealed record Row(ReportPerson Person, LearningGain Gain);
    public sealed record SchoolAverage(string School, int Listed, LearningGainAverage Average);

    public bool HasBothTests => PreTest is not null && PostTest is not null;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct) =>
        await LoadAsync(ct) ? ReportFile.Csv(TeachersTable(), ReportFile.FileName("pre-post", clock, "csv")) : NotFound();

    public async Task<IActionResult> OnGetXlsxAsync(CancellationToken ct) =>
        await LoadAsync(ct)
            ? await ReportFile.XlsxAsync([TeachersTable(), SchoolsTable()], ReportFile.FileName("pre-post", clock, "xlsx"), ct)
            : NotFound();

    /// <summary>Empty cells (not dashes) for a missing score, so a spreadsheet's own averages skip them as this page does.</summary>
    private ReportTable TeachersTable() => new(l["Teachers"],
        [l["Name"], l["School"], l["Pre-test (%)"], l["Post-test (%)"], l["Gain (points)"], l["Normalised gain"]],
        Rows.Select(r => new object?[] { r.Person.Name, r.Person.School, r.Gain.Pre, r.Gain.Post, r.Gain.Gain, r.Gain.NormalisedGain })
            .ToList());

    private ReportTable SchoolsTable() => new(l["Averages per school"],
        [l["School"], l["Teachers listed"], l["Teachers with both tests"], l["Pre-test (%)"], l["Post-test (%)"], l["Gain (points)"],
         l["Normalised gain"]],
        Schools.Select(s => (s.School, s.Listed, s.Average)).Append((l["All schools"].Value, Rows.Count, Overall))
            .Select(s => new object?[]
            {
                s.Item1, s.Item2, s.Item3.Teachers, s.Item3.Pre, s.Item3.Post, s.Item3.Gain, s.Item3.NormalisedGain,
            }).ToList());

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (await publisher.CurrentAsync(CourseId, ct) is not { } course) return false;
        Course = course;
        Scope = await ReportScope.ForAsync(User, db, ct);
        Filter = await SchoolFilter.ForAsync(Scope, School, db, ct);
        // The first pre-test and post-test in the course's order, should a designer have marked more than one.
        var quizIds = course.Activities.Select(a => a.Quiz).OfType<Guid>().ToList();
        var quizzes = await db.Quizzes.AsNoTracking().Where(q => quizIds.Contains(q.Id) && q.Role != QuizRole.Ordinary).ToListAsync(ct);
        PreTest = quizIds.Select(id => quizzes.FirstOrDefault(q => q.Id == id && q.Role == QuizRole.PreTest)).FirstOrDefault(q => q is not null);
        PostTest = quizIds.Select(id => quizzes.FirstOrDefault(q => q.Id == id && q.Role == QuizRole.PostTest)).FirstOrDefault(q => q is not null);
        if (PreTest is not { } pre || PostTest is not { } post) return true;

        var ofTests = db.QuizAttempts.AsNoTracking().Where(a => a.QuizId == pre.Id || a.QuizId == post.Id);
        var everyone = db.Enrolments.Where(e => e.CourseId == CourseId).Select(e => e.PersonId).Union(ofTests.Select(a => a.PersonId));
        var people = await ReportPeople.OfAsync(db, everyone, Scope.Narrow(School), ct);
        var ids = people.Select(p => p.Id).ToList();
        var attempts = (await ofTests.Where(a => ids.Contains(a.PersonId)).ToListAsync(ct)).ToLookup(a => (a.QuizId, a.PersonId));
        Rows = people.Select(p => new Row(p, new LearningGain(
            QuizGrade.Of(pre.GradingMethod, attempts[(pre.Id, p.Id)]),
            QuizGrade.Of(post.GradingMethod, attempts[(post.Id, p.Id)])))).ToList();
        var noSchool = l["No school"].Value;
        Schools = Rows.GroupBy(r => r.Person.School ?? noSchool).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new SchoolAverage(g.Key, g.Count(), LearningGainAverage.Of(g.Select(r => r.Gain)))).ToList();
        Overall = LearningGainAverage.Of(Rows.Select(r => r.Gain));
        return true;
    }
}
