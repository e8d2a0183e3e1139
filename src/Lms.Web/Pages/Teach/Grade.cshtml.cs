using System.Security.Claims;
using Lms.Domain.Common;
using Lms.Domain.Courses;
using Lms.Domain.Enrolments;
using Lms.Infrastructure.Courses;
using Lms.Infrastructure.Files;
using Lms.Infrastructure.Persistence;
using Lms.Web.Learning;
using Lms.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Lms.Web.Pages.Teach;

/// <summary>
/// Grade one submission with the assignment's rubric and written feedback; the teacher's completion follows at once.
/// The teacher is told through the grade's AssignmentGraded event (outbox), so the notice cannot be lost after the save.
/// </summary>
public sealed class GradeModel(LmsDbContext db, CoursePublisher publisher, LearnerContext learner, IFileStore files,
    IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty] public List<decimal> Scores { get; set; } = [];
    [BindProperty] public string? Feedback { get; set; }
    [TempData] public string? StatusMessage { get; set; }
    public AssignmentSubmission Submission { get; private set; } = null!;
    public PublishedCourse Course { get; private set; } = null!;
    public PublishedActivity Activity { get; private set; } = null!;
    public string PersonName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        Scores = Submission.RubricScores.Count == Activity.Rubric.Count ? [.. Submission.RubricScores] : Activity.Rubric.Select(_ => 0m).ToList();
        Feedback = Submission.Feedback;
        return Page();
    }

    public async Task<IActionResult> OnPostGradeAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        var trainer = Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!);
        try
        {
            var outline = Course.Outline();
            await learner.RecordAsync(Submission.CourseId, Submission.PersonId, async e =>
            {
                var submission = await db.AssignmentSubmissions.FirstAsync(x => x.Id == Id, ct);
                submission.GradeWith(Activity.Rubric, Scores, Feedback ?? "", trainer, learner.Now);
                e.RecordGrade(outline, Activity.Id, submission.Grade!.Value, Activity.MaxScore, learner.Now);
            }, ct);
            StatusMessage = l["The grade has been saved."];
            return Redirect("/Teach/Grading");
        }
        catch (DomainException e)
        {
            ModelState.AddModelError(string.Empty, DomainErrors.Describe(e, l));
            return Page();
        }
    }

    public async Task<IActionResult> OnPostReopenAsync(CancellationToken ct)
    {
        var submission = await db.AssignmentSubmissions.FirstOrDefaultAsync(x => x.Id == Id, ct);
        if (submission is null) return NotFound();
        submission.Reopen();
        await db.SaveChangesAsync(ct);
        StatusMessage = l["The teacher can hand in again."];
        return RedirectToPage(new { id = Id });
    }

    public async Task<IActionResult> OnGetFileAsync(int index, CancellationToken ct)
    {
        var submission = await db.AssignmentSubmissions.AsNoTracking().FirstOrDefaultAsync(x => x.Id == Id, ct);
        if (submission is null || index < 0 || index >= submission.Files.Count) return NotFound();
        return await SubmissionDownload.ServeAsync(files, submission.Files[index], ct) ?? (IActionResult)NotFound();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var submission = await db.AssignmentSubmissions.AsNoTracking().FirstOrDefaultAsync(x => x.Id == Id, ct);
        if (submission is null) return false;
        var course = await publisher.CurrentAsync(submission.CourseId, ct);
        var activity = course?.Find(submission.ActivityId);
        if (course is null || activity is null) return false;
        (Submission, Course, Activity) = (submission, course, activity);
        PersonName = await db.People.Where(p => p.Id == submission.PersonId).Select(p => p.Title + p.FirstName + " " + p.LastName).FirstAsync(ct);
        return true;
    }
}
