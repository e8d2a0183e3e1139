using Lms.Domain.Courses;
using Lms.Domain.Enrolments;
using Lms.Infrastructure.Persistence;
using Lms.Web.Learning;
using Lms.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Lms.Web.Pages.Learn;

/// <summary>Published courses open to the person's position, with self-enrolment where the course allows it.</summary>
public sealed class CatalogueModel(LmsDbContext db, LearnerContext learner, IStringLocalizer<SharedResource> l) : PageModel
{
    public IReadOnlyList<Row> Courses { get; private set; } = [];
    [BindProperty(SupportsGet = true)] public Guid? Category { get; set; }
    public IReadOnlyList<(Guid Id, string Name)> Categories { get; private set; } = [];
    [TempData] public string? ErrorMessage { get; set; }

    public sealed record Row(Guid Id, string TitleTh, string TitleEn, decimal CreditHours, int FiscalYear, bool Enrolled, bool CanEnrol,
        string? CoverKey);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var me = LearnerContext.PersonId(User);
        var position = await learner.PositionOfAsync(me, ct);
        var now = learner.Now;
        Categories = (await db.CourseCategories.AsNoTracking().OrderBy(c => c.SortOrder).ThenBy(c => c.NameTh)
            .Select(c => new { c.Id, c.NameTh }).ToListAsync(ct)).Select(c => (c.Id, c.NameTh)).ToList();
        var published = db.Courses.AsNoTracking().Where(c => c.Status == CourseStatus.Published);
        if (Category is { } category) published = published.Where(c => c.CategoryId == category);
        var courses = await published.OrderBy(c => c.TitleTh).ToListAsync(ct);
        var mine = await db.Enrolments.AsNoTracking().Where(e => e.PersonId == me).Select(e => e.CourseId).ToListAsync(ct);
        Courses = courses.Where(c => c.IsFor(position) || mine.Contains(c.Id))
            .Select(c => new Row(c.Id, c.TitleTh, c.TitleEn, c.CreditHours, c.FiscalYear, mine.Contains(c.Id), c.IsOpenForSelfEnrolment(now),
                c.CoverImageKey))
            .ToList();
    }

    public async Task<IActionResult> OnPostEnrolAsync(Guid courseId, CancellationToken ct)
    {
        var me = LearnerContext.PersonId(User);
        var course = await db.Courses.AsNoTracking().FirstOrDefaultAsync(c => c.Id == courseId, ct);
        var position = await learner.PositionOfAsync(me, ct);
        if (course is null || !course.IsFor(position) || !course.IsOpenForSelfEnrolment(learner.Now))
        {
            ErrorMessage = l["This course is not open for enrolment."];
            return RedirectToPage();
        }
        await learner.EnrolAsync(courseId, me, EnrolmentSource.Self, me, ct);
        return Redirect($"/Learn/Course/{courseId}");
    }
}
