using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Lms.Domain.Calendar;
using Lms.Domain.Common;
using Lms.Domain.Courses;
using Lms.Domain.Notifications.Reminders;
using Lms.Domain.Organisation;
using Lms.Infrastructure.Files;
using Lms.Infrastructure.Persistence;
using Lms.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Lms.Web.Pages.Design.Courses;

/// <summary>Create (no id) or edit a course's details: titles, summary, hours, fiscal year, audience, enrolment.</summary>
[RequestSizeLimit(20 * 1024 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = 20 * 1024 * 1024)]
public sealed class EditModel(LmsDbContext db, TimeProvider clock, IFileStore files, UploadRules uploads,
    IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid? Id { get; set; }
    [BindProperty] public CourseInput Input { get; set; } = new();
    public List<SelectListItem> PositionOptions { get; private set; } = [];
    public List<SelectListItem> CategoryOptions { get; private set; } = [];
    public List<SelectListItem> CertificateOptions { get; private set; } = [];

    public sealed class CourseInput
    {
        [Required(ErrorMessage = "Please enter the course title in Thai.")]
        [StringLength(200, ErrorMessage = "The name may have at most 200 characters.")]
        public string TitleTh { get; set; } = "";
        [StringLength(200, ErrorMessage = "The name may have at most 200 characters.")]
        public string? TitleEn { get; set; }
        [StringLength(20000, ErrorMessage = "The text is too long.")]
        public string? Summary { get; set; }
        [Range(0, 1000, ErrorMessage = "Credit hours must be between 0 and 1000.")]
        public decimal CreditHours { get; set; }
        [Range(2500, 2700, ErrorMessage = "Enter the fiscal year in the Buddhist Era, e.g. 2570.")]
        public int FiscalYear { get; set; }
        public List<Position> TargetPositions { get; set; } = [];
        public Guid? CategoryId { get; set; }
        /// <summary>The certificate design issued on completion; none: no certificate.</summary>
        public Guid? CertificateTemplateId { get; set; }
        public bool SelfEnrolment { get; set; } = true;
        /// <summary>Local (Thailand) dates as typed in date inputs.</summary>
        public DateOnly? EnrolmentOpens { get; set; }
        public DateOnly? EnrolmentCloses { get; set; }
        /// <summary>ต้องเรียนจบภายใน: the last local day to complete the course (reminders count down to it).</summary>
        public DateOnly? CompleteBy { get; set; }
        public uint Version { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Options();
        if (Id is null)
        {
            Input.FiscalYear = Domain.Calendar.FiscalYear.ContainingUtc(clock.GetUtcNow().UtcDateTime).BuddhistYear;
            return Page();
        }
        var c = await db.Courses.FirstOrDefaultAsync(x => x.Id == Id, ct);
        if (c is null) return NotFound();
        Input = new CourseInput
        {
            TitleTh = c.TitleTh, TitleEn = c.TitleEn, Summary = c.Summary, CreditHours = c.CreditHours, FiscalYear = c.FiscalYear,
            TargetPositions = [.. c.TargetPositions], SelfEnrolment = c.SelfEnrolment, CategoryId = c.CategoryId,
            CertificateTemplateId = c.CertificateTemplateId,
            EnrolmentOpens = ToLocalDate(c.EnrolmentOpensAtUtc), EnrolmentCloses = LastDay(c.EnrolmentClosesAtUtc),
            CompleteBy = LastDay(c.CompleteByUtc),
            Version = ConcurrencyToken.Get(db, c),
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(IFormFile? cover, CancellationToken ct)
    {
        Options();
        if (!ModelState.IsValid) return Page();
        StoredFile? coverFile = null;
        if (cover is { Length: > 0 })
        {
            await using var stream = cover.OpenReadStream();
            var check = await uploads.CheckAsync(stream, cover.FileName, FileCategory.Image, ct);
            if (!check.IsValid)
            {
                ModelState.AddModelError(string.Empty, UploadMessages.Describe(check, System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "th"));
                return Page();
            }
            stream.Position = 0;
            coverFile = await files.SaveAsync(stream, check.Type!.ContentType, ct);
        }
        try
        {
            Course course;
            var fy = new FiscalYear(Input.FiscalYear);
            if (Id is null)
            {
                var me = Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!);
                course = new Course(Guid.NewGuid(), Input.TitleTh, Input.TitleEn ?? "", fy, Input.CreditHours, me, clock.GetUtcNow().UtcDateTime);
                db.Courses.Add(course);
            }
            else
            {
                course = await db.Courses.FirstOrDefaultAsync(x => x.Id == Id, ct) ?? throw new KeyNotFoundException();
                ConcurrencyToken.Expect(db, course, Input.Version);
            }
            course.Describe(Input.TitleTh, Input.TitleEn ?? "", Input.Summary ?? "", Input.CreditHours, fy);
            course.Target(Input.TargetPositions);
            course.Categorise(Input.CategoryId is { } cat && await db.CourseCategories.AnyAsync(x => x.Id == cat, ct) ? cat : null);
            // Only an office-wide design or one of this course's own.
            course.AwardCertificate(Input.CertificateTemplateId is { } tid && await db.CertificateTemplates
                .AnyAsync(t => t.Id == tid && (t.CourseId == null || t.CourseId == course.Id), ct) ? tid : null);
            // The window is in whole local days: opens at 00:00 and closes at the end of the closing day, Thailand time.
            course.SetEnrolment(Input.SelfEnrolment, ToUtc(Input.EnrolmentOpens), ToUtc(Input.EnrolmentCloses?.AddDays(1)));
            // Likewise the deadline: the end of its last day.
            course.SetCompleteBy(ToUtc(Input.CompleteBy?.AddDays(1)));
            if (coverFile is not null)
            {
                course.ChangeCover(coverFile.Key);
                db.CourseMedia.Add(new CourseMedia(course.Id, coverFile.Key, Path.GetFileName(cover!.FileName), clock.GetUtcNow().UtcDateTime));
            }
            await db.SaveChangesAsync(ct);
            return Redirect($"/Design/Courses/Structure/{course.Id}");
        }
        catch (DomainException e) { ModelState.AddModelError(string.Empty, DomainErrors.Describe(e, l)); }
        catch (DbUpdateConcurrencyException) { ModelState.AddModelError(string.Empty, l["Someone else changed this record at the same time. Please reload and try again."]); }
        catch (KeyNotFoundException) { return NotFound(); }
        return Page();
    }

    private void Options()
    {
        PositionOptions = Admin.Options.Positions(l);
        CategoryOptions = db.CourseCategories.AsNoTracking().OrderBy(c => c.SortOrder).ThenBy(c => c.NameTh)
            .Select(c => new SelectListItem(c.NameTh, c.Id.ToString())).ToList();
        CertificateOptions = db.CertificateTemplates.AsNoTracking().Where(t => t.CourseId == null || t.CourseId == Id)
            .OrderBy(t => t.Name).Select(t => new SelectListItem(t.Name, t.Id.ToString())).ToList();
    }

    private static DateOnly? ToLocalDate(DateTime? utc) => utc is { } u ? DateOnly.FromDateTime(u + FiscalYear.ThailandOffset) : null;
    /// <summary>The day a stored end instant (00:00 after the last day) was typed as; not the day after it.</summary>
    private static DateOnly? LastDay(DateTime? endUtc) => endUtc is { } e ? ThaiDays.LastDayBefore(e) : null;
    private static DateTime? ToUtc(DateOnly? local) =>
        local is { } d ? DateTime.SpecifyKind(d.ToDateTime(TimeOnly.MinValue) - FiscalYear.ThailandOffset, DateTimeKind.Utc) : null;
}
