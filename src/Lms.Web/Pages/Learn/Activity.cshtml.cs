using Lms.Domain.Common;
using Lms.Domain.Courses;
using Lms.Domain.Enrolments;
using Lms.Infrastructure.Files;
using Lms.Infrastructure.Markdown;
using Lms.Web.Files;
using Lms.Web.Learning;
using Lms.Web.Localization;
using Lms.Infrastructure.Persistence;
using Lms.Infrastructure.Quizzes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lms.Web.Pages.Learn;

/// <summary>
/// One activity of a course. Opening it records the view at once — for "viewed" activities that is the
/// completion, and the course completes in the same request when it was the last one needed.
/// </summary>
[RequestSizeLimit(UploadLimits.MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = UploadLimits.MaxRequestBytes)]
public sealed partial class ActivityModel(LearnerContext learner, IMarkdownRenderer markdown, IMemoryCache cache, IFileStore files,
    UploadRules uploads, LmsDbContext db, IStringLocalizer<SharedResource> l, AttemptService attempts) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid CourseId { get; set; }
    [BindProperty(SupportsGet = true)] public Guid ActivityId { get; set; }
    public PublishedCourse Course { get; private set; } = null!;
    public PublishedActivity Activity { get; private set; } = null!;
    public string? Html { get; private set; }
    public bool NotOpen { get; private set; }
    public bool CourseJustCompleted { get; private set; }
    public PublishedActivity? Next { get; private set; }
    public AssignmentSubmission? Submission { get; private set; }
    [TempData] public string? StatusMessage { get; set; }
    [TempData] public string? ErrorMessage { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var me = LearnerContext.PersonId(User);
        // One read (course version, enrolment, progress); the view's change, if any, is saved before this returns.
        var view = await learner.RecordViewAsync(CourseId, me, ActivityId, ct);
        if (view is null) return NotFound(); // no published course, no such activity, or not enrolled
        var (course, activity) = (view.Snapshot.Course, view.Activity);
        (Course, Activity) = (course, activity);
        ViewData[Lms.Web.Notifications.BellCount.ViewDataKey] = view.Snapshot.UnreadNotifications; // counted in the same statement
        if (view.NotOpen)
        {
            NotOpen = true;
            return Page();
        }
        CourseJustCompleted = !view.WasComplete && view.Enrolment.IsComplete;
        Next = view.Enrolment.NextActivity(course.Outline(), learner.Now) is { } n ? course.Find(n.Id) : null;
        if (activity.Kind is ActivityKind.Page or ActivityKind.Assignment) Html = SafeHtml(course, activity);
        if (activity.Kind == ActivityKind.Quiz) Quiz = await QuizInfoAsync(activity, me, ct);
        if (activity.Kind == ActivityKind.Assignment)
            Submission = await db.AssignmentSubmissions.AsNoTracking()
                .FirstOrDefaultAsync(x => x.PersonId == me && x.CourseId == CourseId && x.ActivityId == ActivityId, ct);
        return Page();
    }

    /// <summary>
    /// The activity's Markdown as safe HTML. A published version never changes, so the result (Markdig and
    /// the sanitiser, the dearest part of the page) is kept per course, version and activity.
    /// </summary>
    private string SafeHtml(PublishedCourse course, PublishedActivity activity) =>
        cache.GetOrCreate((nameof(SafeHtml), course.Id, course.Version, activity.Id), entry =>
        {
            entry.SlidingExpiration = TimeSpan.FromHours(1);
            entry.Size = 1 + activity.Body.Length / 1024;
            return markdown.ToSafeHtml(activity.Body);
        })!;

    /// <summary>
    /// Hands in (or replaces, before grading) the assignment. The submission and the progress it makes are
    /// saved together; a double click or a second tab meets the unique index and is applied as a replacement.
    /// </summary>
    public async Task<IActionResult> OnPostSubmitAsync(string? text, List<IFormFile> upload, CancellationToken ct)
    {
        var me = LearnerContext.PersonId(User);
        var course = await learner.PublishedAsync(CourseId, ct);
        var activity = course?.Find(ActivityId);
        if (course is null || activity is null || activity.Kind != ActivityKind.Assignment
            || await learner.EnrolmentAsync(CourseId, me, ct) is null) return NotFound();
        var (saved, error) = await SubmissionFiles.SaveAsync(upload, uploads, files, l, ct);
        if (error is not null)
        {
            ErrorMessage = error;
            return RedirectToPage(new { courseId = CourseId, activityId = ActivityId });
        }
        try
        {
            await learner.RecordAsync(CourseId, me, async e =>
            {
                var existing = await db.AssignmentSubmissions.FirstOrDefaultAsync(x => x.EnrolmentId == e.Id && x.ActivityId == ActivityId, ct);
                if (existing is null)
                    db.AssignmentSubmissions.Add(new AssignmentSubmission(Guid.NewGuid(), e, ActivityId, text ?? "", saved, learner.Now));
                else
                    existing.Replace(text ?? "", saved.Count > 0 ? saved : existing.Files, learner.Now);
                e.RecordSubmission(course.Outline(), ActivityId, learner.Now);
            }, ct);
            StatusMessage = l["Your work has been handed in."];
        }
        catch (DomainException e)
        {
            ErrorMessage = Localization.DomainErrors.Describe(e, l);
        }
        return RedirectToPage(new { courseId = CourseId, activityId = ActivityId });
    }

    /// <summary>A file of the person's own submission.</summary>
    public async Task<IActionResult> OnGetSubmissionFileAsync(int index, CancellationToken ct)
    {
        var me = LearnerContext.PersonId(User);
        var submission = await db.AssignmentSubmissions.AsNoTracking()
            .FirstOrDefaultAsync(x => x.PersonId == me && x.CourseId == CourseId && x.ActivityId == ActivityId, ct);
        if (submission is null || index < 0 || index >= submission.Files.Count) return NotFound();
        return await SubmissionDownload.ServeAsync(files, submission.Files[index], ct) ?? (IActionResult)NotFound();
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
