using Lms.Domain.Courses;
using Lms.Infrastructure.Persistence;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Lms.Web.Pages.Design.Courses;

/// <summary>The designer's list of courses: drafts, published (with unpublished changes flagged) and archived.</summary>
public sealed class IndexModel(LmsDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public int? FiscalYear { get; set; }
    public IReadOnlyList<Row> Courses { get; private set; } = [];

    public sealed record Row(Guid Id, string TitleTh, int FiscalYear, decimal CreditHours, CourseStatus Status,
        int PublishedVersion, bool HasUnpublishedChanges, int Enrolled, int Completed);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var q = db.Courses.AsNoTracking();
        if (FiscalYear is { } fy) q = q.Where(c => c.FiscalYear == fy);
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var term = $"%{Q.Trim()}%";
            q = q.Where(c => EF.Functions.ILike(c.TitleTh, term) || EF.Functions.ILike(c.TitleEn, term));
        }
        Courses = await q.OrderByDescending(c => c.FiscalYear).ThenBy(c => c.TitleTh)
            .Select(c => new Row(c.Id, c.TitleTh, c.FiscalYear, c.CreditHours, c.Status, c.PublishedVersion, c.HasUnpublishedChanges,
                db.Enrolments.Count(e => e.CourseId == c.Id), db.Enrolments.Count(e => e.CourseId == c.Id && e.CompletedAtUtc != null)))
            .ToListAsync(ct);
    }
}
