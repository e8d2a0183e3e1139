using Lms.Domain.Calendar;
using Lms.Infrastructure.Persistence;
using Lms.Web.Learning;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Lms.Web.Pages.Learn;

/// <summary>"My learning": each course with its progress and the next step, and the completion history by fiscal year.</summary>
public sealed class IndexModel(LmsDbContext db, LearnerContext learner) : PageModel
{
    public IReadOnlyList<Row> InProgress { get; private set; } = [];
    public IReadOnlyList<IGrouping<int, Row>> CompletedByFiscalYear { get; private set; } = [];

    public sealed record Row(Guid CourseId, string Title, decimal CreditHours, int Percent, Guid? NextActivityId, string? NextTitle,
        Guid? LastActivityId, DateTime? CompletedAtUtc);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var me = LearnerContext.PersonId(User);
        var enrolments = await db.Enrolments.AsNoTracking().Include(e => e.Progress).Where(e => e.PersonId == me)
            .OrderByDescending(e => e.LastActivityAtUtc ?? e.EnrolledAtUtc).ToListAsync(ct);
        var courses = await learner.PublishedAsync(enrolments.Select(e => e.CourseId).ToList(), ct);
        var rows = new List<Row>();
        foreach (var e in enrolments)
        {
            if (!courses.TryGetValue(e.CourseId, out var course)) continue;
            var outline = course.Outline();
            var next = e.NextActivity(outline, learner.Now);
            rows.Add(new Row(e.CourseId, course.TitleTh, course.CreditHours, e.PercentComplete(outline), next?.Id,
                next is null ? null : course.Find(next.Id)?.Title, e.LastActivityId, e.CompletedAtUtc));
        }
        InProgress = rows.Where(r => r.CompletedAtUtc is null).ToList();
        // Credit hours count in the fiscal year the course was completed (how the office reports them).
        CompletedByFiscalYear = rows.Where(r => r.CompletedAtUtc is not null)
            .GroupBy(r => FiscalYear.ContainingUtc(r.CompletedAtUtc!.Value).BuddhistYear)
            .OrderByDescending(g => g.Key).ToList();
    }
}
