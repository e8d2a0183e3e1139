using Lms.Domain.Courses;
using Lms.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Lms.Web.Pages.Design.Courses;

internal static class CourseLoader
{
    /// <summary>The whole draft aggregate, tracked, for a change.</summary>
    public static Task<Course?> LoadDraftAsync(this LmsDbContext db, Guid id, CancellationToken ct) =>
        db.Courses.Include(c => c.Sections).ThenInclude(s => s.Activities).AsSplitQuery().FirstOrDefaultAsync(c => c.Id == id, ct);
}
