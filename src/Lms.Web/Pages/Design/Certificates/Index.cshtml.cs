using Lms.Domain.Certificates;
using Lms.Infrastructure.Persistence;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Lms.Web.Pages.Design.Certificates;

/// <summary>
/// The certificate templates (แม่แบบเกียรติบัตร): office-wide ones first, then each course's. Course designers may edit
/// every course (as in course authoring), so they see every course's templates.
/// </summary>
public sealed class IndexModel(LmsDbContext db) : PageModel
{
    public IReadOnlyList<Row> Templates { get; private set; } = [];

    public sealed record Row(Guid Id, string Name, string? CourseTitle, int? CourseFiscalYear, CertificateOrientation Orientation, DateTime UpdatedAtUtc);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Templates = await (
                from t in db.CertificateTemplates.AsNoTracking()
                join c in db.Courses on t.CourseId equals c.Id into courses
                from c in courses.DefaultIfEmpty()
                orderby t.CourseId != null, c.FiscalYear descending, c.TitleTh, t.Name
                select new Row(t.Id, t.Name, c.TitleTh, (int?)c.FiscalYear, t.Orientation, t.UpdatedAtUtc))
            .ToListAsync(ct);
    }
}
