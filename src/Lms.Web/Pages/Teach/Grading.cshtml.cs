using Lms.Infrastructure.Courses;
using Lms.Infrastructure.Persistence;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Lms.Web.Pages.Teach;

/// <summary>The grading queue: handed-in assignments and quiz essays not yet graded, oldest first.</summary>
public sealed partial class GradingModel(LmsDbContext db, CoursePublisher publisher) : PageModel
{
    [BindProperty(SupportsGet = true)] public bool ShowGraded { get; set; }
    public IReadOnlyList<Row> Rows { get; private set; } = [];
    [TempData] public string? StatusMessage { get; set; }

    public sealed record Row(Guid Id, string Course, string Activity, string Person, string? School, DateTime SubmittedAtUtc, decimal? Grade);

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAssignmentsAsync(ct);
        await LoadQuizAnswersAsync(ct);
    }

    private async Task LoadAssignmentsAsync(CancellationToken ct)
    {
        var q = from s in db.AssignmentSubmissions.AsNoTracking()
                join p in db.People.AsNoTracking() on s.PersonId equals p.Id
                where ShowGraded ? s.GradedAtUtc != null : s.GradedAtUtc == null
                orderby s.SubmittedAtUtc
                select new
                {
                    s.Id, s.CourseId, s.ActivityId, s.SubmittedAtUtc, s.Grade, Name = p.Title + p.FirstName + " " + p.LastName,
                    School = db.Schools.Where(x => x.Id == p.SchoolId).Select(x => x.NameTh).FirstOrDefault(),
                };
        var submissions = await q.Take(500).ToListAsync(ct);
        var courses = await publisher.CurrentAsync(submissions.Select(s => s.CourseId).Distinct().ToList(), ct);
        Rows = submissions.Select(s =>
        {
            var course = courses.GetValueOrDefault(s.CourseId);
            return new Row(s.Id, course?.TitleTh ?? "", course?.Find(s.ActivityId)?.Title ?? "", s.Name, s.School, s.SubmittedAtUtc, s.Grade);
        }).ToList();
    }
}
