using System.Security.Claims;
using Lms.Domain.Calendar;
using Lms.Domain.Common;
using Lms.Domain.Courses;
using Lms.Infrastructure.Courses;
using Lms.Infrastructure.Files;
using Microsoft.EntityFrameworkCore;
using Lms.Infrastructure.Persistence;
using Lms.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Lms.Web.Pages.Design.Courses;

/// <summary>
/// The course's sections and activities: add, reorder (up/down buttons work by keyboard and without
/// script), remove, and publish. Every change is to the draft; learners see the last published version.
/// </summary>
[RequestSizeLimit(UploadLimits.MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = UploadLimits.MaxRequestBytes)]
public sealed class StructureModel(LmsDbContext db, CoursePublisher publisher, TimeProvider clock,
    IFileStore files, UploadRules uploads, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [TempData] public string? StatusMessage { get; set; }
    [TempData] public string? ErrorMessage { get; set; }
    public Course Course { get; private set; } = null!;
    public IReadOnlyList<string> PublishProblems { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var course = await db.LoadDraftAsync(Id, ct);
        if (course is null) return NotFound();
        Course = course;
        PublishProblems = course.PublishProblems();
        return Page();
    }

    public Task<IActionResult> OnPostAddSectionAsync(string? title, CancellationToken ct) =>
        Change(c => c.AddSection(Guid.NewGuid(), string.IsNullOrWhiteSpace(title) ? l["Section {0}", c.Sections.Count + 1] : title), ct);

    public Task<IActionResult> OnPostRenameSectionAsync(Guid sectionId, string? title, CancellationToken ct) =>
        Change(c => c.RenameSection(sectionId, title ?? ""), ct);

    public Task<IActionResult> OnPostMoveSectionAsync(Guid sectionId, int delta, CancellationToken ct) =>
        Change(c => c.MoveSection(sectionId, c.Sections.ToList().FindIndex(s => s.Id == sectionId) + Math.Sign(delta)), ct);

    public Task<IActionResult> OnPostRemoveSectionAsync(Guid sectionId, CancellationToken ct) =>
        Change(c => c.RemoveSection(sectionId), ct);

    public async Task<IActionResult> OnPostAddActivityAsync(Guid sectionId, ActivityKind kind, string? title, string? url,
        IFormFile? file, CancellationToken ct)
    {
        StoredFile? stored = null;
        if (kind == ActivityKind.File)
        {
            var (saved, error) = await FileActivityUpload.SaveAsync(file, uploads, files, l, ct);
            if (error is not null)
            {
                ErrorMessage = error;
                return RedirectToPage(new { id = Id });
            }
            stored = saved;
        }
        return await Change(c =>
        {
            var id = Guid.NewGuid();
            var name = string.IsNullOrWhiteSpace(title) ? l[DomainNames.Of(kind)] : title;
            c.AddActivity(sectionId, kind switch
            {
                ActivityKind.Page => Activity.NewPage(id, name, ""),
                ActivityKind.Link => Activity.NewLink(id, name, url ?? ""),
                ActivityKind.Assignment => Activity.NewAssignment(id, name, "", [RubricCriterion.Create(l["Overall quality"], 10)]),
                ActivityKind.Quiz => NewQuiz(c, id, name),
                ActivityKind.File => Activity.NewFile(id, string.IsNullOrWhiteSpace(title) ? file!.FileName : title, stored!.Key,
                    file!.FileName, stored.ContentType, stored.Length),
                _ => throw new DomainException("activity.kind_invalid", "Unknown activity kind."),
            });
        }, ct);
    }

    public Task<IActionResult> OnPostMoveActivityAsync(Guid activityId, int delta, CancellationToken ct) =>
        Change(c =>
        {
            var section = c.Sections.First(s => s.Activities.Any(a => a.Id == activityId));
            var index = section.Activities.ToList().FindIndex(a => a.Id == activityId) + Math.Sign(delta);
            var sections = c.Sections.ToList();
            var at = sections.IndexOf(section);
            // Moving past the top or bottom of a section carries the activity into the neighbouring one.
            if (index < 0 && at > 0) c.MoveActivity(activityId, sections[at - 1].Id, int.MaxValue);
            else if (index >= section.Activities.Count && at < sections.Count - 1) c.MoveActivity(activityId, sections[at + 1].Id, 0);
            else c.MoveActivity(activityId, section.Id, index);
        }, ct);

    /// <summary>Drag and drop: the activity goes to <paramref name="index"/> in <paramref name="sectionId"/>.</summary>
    public Task<IActionResult> OnPostMoveActivityToAsync(Guid activityId, Guid sectionId, int index, CancellationToken ct) =>
        Change(c => c.MoveActivity(activityId, sectionId, index), ct);

    public Task<IActionResult> OnPostCompletionAsync(CourseCompletionMode mode, List<Guid> chosen, CancellationToken ct) =>
        Change(c => c.SetCompletion(mode, chosen), ct);

    public Task<IActionResult> OnPostRemoveActivityAsync(Guid activityId, CancellationToken ct) =>
        Change(c => c.RemoveActivity(activityId), ct);

    public async Task<IActionResult> OnPostPublishAsync(CancellationToken ct)
    {
        var course = await db.LoadDraftAsync(Id, ct);
        if (course is null) return NotFound();
        try
        {
            var published = await publisher.PublishAsync(course, Me, ct);
            StatusMessage = l["Version {0} is published. Learners now see it.", published.Version];
        }
        catch (DomainException e)
        {
            ErrorMessage = DomainErrors.Describe(e, l);
        }
        return RedirectToPage(new { id = Id });
    }

    /// <summary>The whole draft with its files as one .zip, to import into another instance.</summary>
    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct)
    {
        var course = await db.LoadDraftAsync(Id, ct);
        if (course is null) return NotFound();
        var media = await db.CourseMedia.AsNoTracking().Where(m => m.CourseId == Id).ToListAsync(ct);
        var zip = new MemoryStream();
        await CourseArchive.WriteAsync(course, media, files, zip, ct);
        zip.Position = 0;
        var name = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"course-{clock.GetUtcNow():yyyyMMdd}.zip");
        return File(zip, "application/zip", name);
    }

    public async Task<IActionResult> OnPostDuplicateAsync(int fiscalYear, CancellationToken ct)
    {
        var course = await db.LoadDraftAsync(Id, ct);
        if (course is null) return NotFound();
        try
        {
            var copy = course.DuplicateFor(new FiscalYear(fiscalYear), Guid.NewGuid, Me, clock.GetUtcNow().UtcDateTime);
            db.Courses.Add(copy);
            await CopyQuizzesAsync(course, copy, ct);
            await db.SaveChangesAsync(ct);
            TempData["StatusMessage"] = l["This is the copy for fiscal year {0}. It is a draft until you publish it.", fiscalYear].Value;
            return RedirectToPage(new { id = copy.Id });
        }
        catch (DomainException e)
        {
            ErrorMessage = DomainErrors.Describe(e, l);
            return RedirectToPage(new { id = Id });
        }
    }

    private async Task<IActionResult> Change(Action<Course> change, CancellationToken ct)
    {
        var course = await db.LoadDraftAsync(Id, ct);
        if (course is null) return NotFound();
        try
        {
            change(course);
            await db.SaveChangesAsync(ct);
        }
        catch (DomainException e)
        {
            ErrorMessage = DomainErrors.Describe(e, l);
        }
        return RedirectToPage(new { id = Id });
    }

    /// <summary>Each quiz of the original, copied for the copy's quiz activity (the activities are copied in order).</summary>
    private async Task CopyQuizzesAsync(Course original, Course copy, CancellationToken ct)
    {
        var pairs = original.AllActivities.Zip(copy.AllActivities).Where(p => p.First.Kind == ActivityKind.Quiz).ToList();
        var ids = pairs.Select(p => p.First.QuizId ?? p.First.Id).ToList();
        var quizzes = await db.Quizzes.AsNoTracking().Where(q => ids.Contains(q.Id)).ToDictionaryAsync(q => q.Id, ct);
        foreach (var (from, to) in pairs)
            if (quizzes.TryGetValue(from.QuizId ?? from.Id, out var quiz)) db.Quizzes.Add(quiz.CopyFor(to.QuizId ?? to.Id, copy.Id));
    }

    /// <summary>A quiz activity and its (empty) quiz, saved together with the course.</summary>
    private Activity NewQuiz(Course course, Guid id, string name)
    {
        db.Quizzes.Add(new Lms.Domain.Quizzes.Quiz(id, course.Id, name));
        return Activity.NewQuiz(id, name);
    }

    private Guid Me => Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!);
}
