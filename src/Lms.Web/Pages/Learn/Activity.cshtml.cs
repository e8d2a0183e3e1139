using Lms.Domain.Common;
using Lms.Domain.Courses;
using Lms.Domain.Enrolments;
using Lms.Infrastructure.Files;
using Lms.Infrastructure.Markdown;
using Lms.Web.Files;
using Lms.Web.Learning;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lms.Web.Pages.Learn;

/// <summary>
/// One activity of a course. Opening it records the view at once — for "viewed" activities that is the
/// completion, and the course completes in the same request when it was the last one needed.
/// </summary>
public sealed class ActivityModel(LearnerContext learner, IMarkdownRenderer markdown, IFileStore files) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid CourseId { get; set; }
    [BindProperty(SupportsGet = true)] public Guid ActivityId { get; set; }
    public PublishedCourse Course { get; private set; } = null!;
    public PublishedActivity Activity { get; private set; } = null!;
    public string? Html { get; private set; }
    public bool NotOpen { get; private set; }
    public bool CourseJustCompleted { get; private set; }
    public PublishedActivity? Next { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var me = LearnerContext.PersonId(User);
        var course = await learner.PublishedAsync(CourseId, ct);
        var activity = course?.Find(ActivityId);
        if (course is null || activity is null || await learner.EnrolmentAsync(CourseId, me, ct) is null) return NotFound();
        (Course, Activity) = (course, activity);
        var outline = course.Outline();
        try
        {
            var wasComplete = false;
            var enrolment = await learner.RecordAsync(CourseId, me, e =>
            {
                wasComplete = e.IsComplete;
                e.RecordView(outline, ActivityId, learner.Now);
            }, ct);
            CourseJustCompleted = !wasComplete && enrolment.IsComplete;
            Next = enrolment.NextActivity(outline, learner.Now) is { } n ? course.Find(n.Id) : null;
        }
        catch (DomainException e) when (e.Code == "activity.not_open")
        {
            NotOpen = true;
            return Page();
        }
        if (activity.Kind is ActivityKind.Page or ActivityKind.Assignment) Html = markdown.ToSafeHtml(activity.Body);
        return Page();
    }

    /// <summary>The activity's file, streamed to enrolled learners only (ranges for video; Thai file names).</summary>
    public async Task<IActionResult> OnGetFileAsync(CancellationToken ct)
    {
        var me = LearnerContext.PersonId(User);
        var course = await learner.PublishedAsync(CourseId, ct);
        var activity = course?.Find(ActivityId);
        var enrolment = await learner.EnrolmentAsync(CourseId, me, ct);
        if (course is null || activity?.FileKey is null || enrolment is null) return NotFound();
        if (!CompletionRules.IsOpen(course.Outline(), activity.Rules, enrolment.ProgressByActivity, learner.Now)) return NotFound();
        var info = await files.GetInfoAsync(activity.FileKey, ct);
        var stream = info is null ? null : await files.OpenReadAsync(activity.FileKey, ct);
        if (info is null || stream is null) return NotFound();
        return FileDownloads.Serve(info, stream, activity.FileName ?? "file");
    }
}
