using Lms.Domain.Courses;
using Lms.Infrastructure.Persistence;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Lms.Web.Pages.Reports;

/// <summary>Published courses with how many of the reader's people are enrolled and have completed them.</summary>
public sealed class CoursesModel(LmsDbContext db) : PageModel
{
    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public ReportScope Scope { get; private set; } = new((Guid?)null);

    public sealed record Row(Guid Id, string Title, int FiscalYear, int Enrolled, int Completed);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Scope = await ReportScope.ForAsync(User, db, ct);
        var school = Scope.SchoolId;
        var enrolments = from e in db.Enrolments
                         join p in db.People on e.PersonId equals p.Id
                         where school == null || p.SchoolId == school
                         select e;
        Rows = await db.Courses.AsNoTracking().Where(c => c.PublishedVersion > 0)
            .OrderByDescending(c => c.FiscalYear).ThenBy(c => c.TitleTh)
            .Select(c => new Row(c.Id, c.TitleTh, c.FiscalYear, enrolments.Count(e => e.CourseId == c.Id),
                enrolments.Count(e => e.CourseId == c.Id && e.CompletedAtUtc != null)))
            .ToListAsync(ct);
    }
}
