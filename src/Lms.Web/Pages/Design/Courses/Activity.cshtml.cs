using System.ComponentModel.DataAnnotations;
using Lms.Domain.Calendar;
using Lms.Domain.Common;
using Lms.Domain.Courses;
using Lms.Infrastructure.Files;
using Lms.Infrastructure.Markdown;
using Lms.Infrastructure.Persistence;
using Lms.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Lms.Web.Pages.Design.Courses;

/// <summary>Edit one activity of the draft: its content (Markdown with live preview, link, file, rubric) and its rules.</summary>
[RequestSizeLimit(UploadLimits.MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = UploadLimits.MaxRequestBytes)]
public sealed class ActivityModel(LmsDbContext db, IMarkdownRenderer markdown, IFileStore files, UploadRules uploads,
    IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid CourseId { get; set; }
    [BindProperty(SupportsGet = true)] public Guid ActivityId { get; set; }
    [BindProperty] public ActivityInput Input { get; set; } = new();
    [TempData] public string? StatusMessage { get; set; }
    public Course Course { get; private set; } = null!;
    public Activity Activity { get; private set; } = null!;
    public string PreviewHtml { get; private set; } = "";

    public sealed class ActivityInput
    {
        [Required(ErrorMessage = "Please enter a title.")]
        [StringLength(200, ErrorMessage = "The name may have at most 200 characters.")]
        public string Title { get; set; } = "";
        [StringLength(200_000, ErrorMessage = "The text is too long.")]
        public string? Body { get; set; }
        [StringLength(2000, ErrorMessage = "The web address is too long.")]
        public string? Url { get; set; }
        /// <summary>One rubric line per row: "what is judged | points".</summary>
        [StringLength(5000, ErrorMessage = "The text is too long.")]
        public string? Rubric { get; set; }
        public CompletionCriterion Criterion { get; set; }
        public decimal? PassMark { get; set; }
        public Guid? OpensAfterActivityId { get; set; }
        public DateOnly? OpensOn { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        var a = Activity;
        Input = new ActivityInput
        {
            Title = a.Title, Body = a.Body, Url = a.Url, Criterion = a.Criterion, PassMark = a.PassMark,
            OpensAfterActivityId = a.OpensAfterActivityId,
            OpensOn = a.OpensAtUtc is { } at ? DateOnly.FromDateTime(at + FiscalYear.ThailandOffset) : null,
            Rubric = string.Join("\n", a.Rubric.Select(r => $"{r.Title} | {r.MaxPoints:0.##}")),
        };
        PreviewHtml = markdown.ToSafeHtml(a.Body);
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        if (!ModelState.IsValid) return Page();
        try
        {
            Course.ChangeActivity(ActivityId, a =>
            {
                a.Rename(Input.Title);
                if (a.Kind is ActivityKind.Page or ActivityKind.Assignment) a.ChangeBody(Input.Body ?? "");
                if (a.Kind == ActivityKind.Link) a.ChangeUrl(Input.Url ?? "");
                if (a.Kind == ActivityKind.Assignment) a.ReplaceRubric(ParseRubric(Input.Rubric));
                var opensAt = Input.OpensOn is { } d
                    ? DateTime.SpecifyKind(d.ToDateTime(TimeOnly.MinValue) - FiscalYear.ThailandOffset, DateTimeKind.Utc) : (DateTime?)null;
                a.SetRules(Input.Criterion, Input.PassMark, Input.OpensAfterActivityId, opensAt);
            });
            await db.SaveChangesAsync(ct);
            StatusMessage = l["The activity has been saved. Publish the course for learners to see the change."];
            return RedirectToPage(new { courseId = CourseId, activityId = ActivityId });
        }
        catch (DomainException e)
        {
            ModelState.AddModelError(string.Empty, DomainErrors.Describe(e, l));
            PreviewHtml = markdown.ToSafeHtml(Input.Body ?? "");
            return Page();
        }
    }

    /// <summary>Replaces the file of a file activity; the type is checked by content.</summary>
    public async Task<IActionResult> OnPostUploadAsync(IFormFile? file, CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        var error = await FileActivityUpload.SaveAsync(file, uploads, files, l, ct);
        if (error.Message is not null)
        {
            ModelState.AddModelError(string.Empty, error.Message);
            return Page();
        }
        Course.ChangeActivity(ActivityId, a => a.ReplaceFile(error.Stored!.Key, file!.FileName, error.Stored.ContentType, error.Stored.Length));
        await db.SaveChangesAsync(ct);
        StatusMessage = l["The file has been replaced. Publish the course for learners to see the change."];
        return RedirectToPage(new { courseId = CourseId, activityId = ActivityId });
    }

    /// <summary>
    /// An image (or video) pasted or dropped into the Markdown editor: checked by content, stored, recorded
    /// for this course, and answered with the Markdown that shows it.
    /// </summary>
    public async Task<IActionResult> OnPostMediaAsync(IFormFile? file, CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        if (file is null || file.Length == 0) return BadRequest(new { error = l["Please choose a file."].Value });
        await using var stream = file.OpenReadStream();
        var check = await uploads.CheckAsync(stream, file.FileName, FileCategory.Image | FileCategory.Video, ct);
        if (!check.IsValid)
            return BadRequest(new { error = UploadMessages.Describe(check, System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "th") });
        stream.Position = 0;
        var stored = await files.SaveAsync(stream, check.Type!.ContentType, ct);
        db.CourseMedia.Add(new CourseMedia(CourseId, stored.Key, Path.GetFileName(file.FileName), DateTime.UtcNow));
        await db.SaveChangesAsync(ct);
        // The type's extension ends the address, so the Markdown renderer knows an .mp4 is a video to play.
        var url = $"/Media/{CourseId}/{stored.Key}{check.Type.Extensions[0]}";
        var name = Path.GetFileNameWithoutExtension(file.FileName).Replace("]", "").Replace("[", "");
        return new JsonResult(new { url, markdown = $"![{name}]({url})" });
    }

    /// <summary>Live preview: the same safe HTML learners will get.</summary>
    public ContentResult OnPostPreview([FromForm] string? body) =>
        Content(markdown.ToSafeHtml(body ?? ""), "text/html; charset=utf-8");

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var course = await db.LoadDraftAsync(CourseId, ct);
        var activity = course?.AllActivities.FirstOrDefault(a => a.Id == ActivityId);
        if (course is null || activity is null) return false;
        (Course, Activity) = (course, activity);
        return true;
    }

    private List<RubricCriterion> ParseRubric(string? text)
    {
        var lines = (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return lines.Select(line =>
        {
            var parts = line.Split('|', StringSplitOptions.TrimEntries);
            if (parts.Length != 2 || !decimal.TryParse(parts[1], System.Globalization.NumberStyles.Number,
                    System.Globalization.CultureInfo.InvariantCulture, out var points))
                throw new DomainException("rubric.line_invalid", "Write each rubric line as: what is judged | points");
            return RubricCriterion.Create(parts[0], points);
        }).ToList();
    }
}
