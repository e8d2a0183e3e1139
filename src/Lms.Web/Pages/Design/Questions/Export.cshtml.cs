using Lms.Domain.Questions;
using Lms.Infrastructure.Persistence;
using Lms.Infrastructure.QuestionBank;
using Lms.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Lms.Web.Pages.Design.Questions;

/// <summary>
/// Downloads a category and its sub-categories as GIFT or Moodle XML (<c>?courseId=&amp;categoryId=&amp;format=gift|xml</c>).
/// Without a format it shows the choice, with what GIFT cannot carry. The file is named after the category; a Thai
/// name survives through Content-Disposition's <c>filename*</c>, which ASP.NET writes next to an ASCII stand-in.
/// </summary>
public sealed class ExportModel(LmsDbContext db, QuestionBankExporter exporter, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid? CourseId { get; set; }
    [BindProperty(SupportsGet = true)] public Guid CategoryId { get; set; }
    [BindProperty(SupportsGet = true)] public string? Format { get; set; }
    public string BankTitle { get; private set; } = "";
    public string CategoryPath { get; private set; } = "";
    public int QuestionCount { get; private set; }
    /// <summary>Questions GIFT cannot hold (ordering, cloze, embedded files): Moodle XML carries them.</summary>
    public int NotInGift { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var title = await db.BankTitleAsync(CourseId, l["Shared bank"], ct);
        var tree = await db.CategoryTreeAsync(CourseId, ct);
        if (title is null || !tree.Contains(CategoryId)) return NotFound();
        if (Format is "gift" or "xml")
        {
            var file = await exporter.ExportAsync(CourseId, CategoryId, Format, ct);
            return file is null ? NotFound() : File(file.Content, file.ContentType, file.FileName);
        }
        BankTitle = title;
        CategoryPath = tree.PathText(CategoryId);
        var ids = tree.SelfAndDescendants(CategoryId);
        var questions = db.Questions.AsNoTracking().Where(q => ids.Contains(q.CategoryId) && !q.Hidden);
        QuestionCount = await questions.CountAsync(ct);
        // The content is one jsonb value to EF: read the current versions and look at their files here.
        var contents = await questions
            .Join(db.QuestionVersions, q => new { q.Id, V = q.CurrentVersion }, v => new { Id = v.QuestionId, V = v.Version }, (q, v) => v.Content)
            .ToListAsync(ct);
        NotInGift = contents.Count(c => c is OrderingQuestion or ClozeQuestion || c.Files.Count > 0);
        return Page();
    }
}
