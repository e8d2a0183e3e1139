using Lms.Domain.Questions;
using Lms.Domain.Quizzes;
using Lms.Infrastructure.Persistence;
using Lms.Web.Quizzes;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Lms.Web.Localization;

namespace Lms.Web.Pages.Design.Questions;

/// <summary>
/// A question (any version) as a teacher sees it, through the same partial and the same sanitiser as an attempt, with
/// the right answer and the general feedback. The designer may answer it and check: it is graded as an attempt would
/// grade it, and nothing is stored.
/// </summary>
public sealed class PreviewModel(LmsDbContext db, QuestionText texts, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty(SupportsGet = true)] public int? Version { get; set; }
    public Question Question { get; private set; } = null!;
    public QuestionVersion Shown { get; private set; } = null!;
    public SlotView View { get; private set; } = null!;
    public string CategoryPath { get; private set; } = "";
    public Guid? CourseId { get; private set; }
    public bool Checked { get; private set; }
    public string BankTitle { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        View = Show(null);
        return Page();
    }

    /// <summary>Grades what the designer answered in the preview; nothing is saved.</summary>
    public async Task<IActionResult> OnPostCheckAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        var response = AnswerForm.Read(Request.Form, 1);
        try { AttemptQuestion.CheckSize(response); }
        catch (Lms.Domain.Common.DomainException) { return BadRequest(); }
        View = Show(response);
        Checked = true;
        return Page();
    }

    private SlotView Show(Response? response)
    {
        var content = Shown.Content;
        // The same shuffle on every visit to this version, so a check shows the choices where they were.
        var layout = QuestionLayout.For(content, new Random(HashCode.Combine(Id, Shown.Version) & 0x7fffffff));
        var question = AttemptQuestion.Preview(Id, Shown.Version, content, layout, response);
        var review = response is not null;
        return new SlotView(question, content, texts, Review: review, ShowFeedback: review, ShowRightAnswer: review, ShowMarks: review);
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var question = await db.Questions.AsNoTracking().Include(q => q.Versions).FirstOrDefaultAsync(q => q.Id == Id, ct);
        if (question is null) return false;
        var shown = question.Versions.FirstOrDefault(v => v.Version == (Version ?? question.CurrentVersion));
        if (shown is null) return false;
        (Question, Shown) = (question, shown);
        var category = await db.QuestionCategories.AsNoTracking().FirstAsync(c => c.Id == question.CategoryId, ct);
        CourseId = category.CourseId;
        CategoryPath = (await db.CategoryTreeAsync(category.CourseId, ct)).PathText(category.Id);
        BankTitle = await db.BankTitleAsync(category.CourseId, l["Shared bank"], ct) ?? "";
        return true;
    }
}
