using Lms.Domain.Courses;
using Lms.Domain.Enrolments;
using Lms.Web.Learning;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lms.Web.Pages.Learn;

/// <summary>A course as its learner sees it: sections, each activity done / open / not yet open, and the next step.</summary>
public sealed class CourseModel(LearnerContext learner) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    public PublishedCourse Course { get; private set; } = null!;
    public Enrolment Enrolment { get; private set; } = null!;
    public CourseOutline Outline { get; private set; } = null!;
    public Guid? NextActivityId { get; private set; }
    /// <summary>ต้องเรียนจบภายใน: the end of the course's last day, if it has a deadline.</summary>
    public DateTime? CompleteByUtc { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        // The current version, the enrolment and its progress in one query.
        var snapshot = await learner.SnapshotAsync(Id, LearnerContext.PersonId(User), ct);
        // Not enrolled (or no published version): nothing to show, and no hint whether the course exists.
        if (snapshot?.Enrolment is not { } enrolment) return NotFound();
        var course = snapshot.Course;
        (Course, Enrolment, Outline, CompleteByUtc) = (course, enrolment, course.Outline(), snapshot.CompleteByUtc);
        ViewData[Lms.Web.Notifications.BellCount.ViewDataKey] = snapshot.UnreadNotifications; // counted in the same statement
        progress = enrolment.ProgressByActivity; // built once, not once per activity shown
        NextActivityId = enrolment.NextActivity(Outline, learner.Now)?.Id;
        return Page();
    }

    private IReadOnlyDictionary<Guid, ActivityProgress> progress = new Dictionary<Guid, ActivityProgress>();

    public ActivityState StateOf(PublishedActivity a)
    {
        if (CompletionRules.IsDone(a.Rules, progress.GetValueOrDefault(a.Id))) return ActivityState.Done;
        return CompletionRules.IsOpen(Outline, a.Rules, progress, learner.Now) ? ActivityState.Open : ActivityState.NotYetOpen;
    }

    public enum ActivityState { Open, Done, NotYetOpen }
}
