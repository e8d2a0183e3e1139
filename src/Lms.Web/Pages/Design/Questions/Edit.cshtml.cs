using System.Security.Claims;
using Lms.Domain.Common;
using Lms.Domain.Questions;
using Lms.Infrastructure.Markdown;
using Lms.Infrastructure.Persistence;
using Lms.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Lms.Web.Pages.Design.Questions;

/// <summary>
/// Writing a question of any type (<c>?categoryId=&amp;type=</c>) or editing one (<c>?id=</c>). Saving an edit adds a
/// version, so attempts already made keep the version they used. What breaks Moodle's rules is listed beside the form
/// and nothing is saved. The row version (xmin) travels with the form: a designer who saves over a newer edit by
/// someone else is told so instead of silently replacing it.
/// </summary>
public sealed class EditModel(LmsDbContext db, IMarkdownRenderer markdown, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid? Id { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? CategoryId { get; set; }
    [BindProperty(SupportsGet = true)] public QuestionType? Type { get; set; }
    [BindProperty] public QuestionForm Input { get; set; } = new();
    [BindProperty] public uint RowVersion { get; set; }

    public QuestionType QuestionType { get; private set; }
    public Question? Existing { get; private set; }
    public QuestionCategory Category { get; private set; } = null!;
    public string CategoryPath { get; private set; } = "";
    public string BankTitle { get; private set; } = "";
    public TextFormat Format { get; private set; } = TextFormat.Markdown;
    public IReadOnlyList<string> Problems { get; private set; } = [];
    public bool Conflict { get; private set; }
    public IReadOnlyList<HistoryRow> History { get; private set; } = [];

    public sealed record HistoryRow(int Version, DateTime CreatedAtUtc, string? By, string Name);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        // Tracked: the row version (xmin) is a shadow property, which only a tracked entity carries.
        if (!await LoadAsync(ct, track: true)) return NotFound();
        if (Existing is not null)
        {
            Input = QuestionForm.From(Existing.Current.Content, Existing.Tags);
            RowVersion = ConcurrencyToken.Get(db, Existing);
        }
        else
        {
            Input = QuestionForm.New(QuestionType);
        }
        return Page();
    }

    /// <summary>Blank rows for more choices, answers, units, pairs or items; nothing is saved.</summary>
    public async Task<IActionResult> OnPostMoreRowsAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        Input.AddBlankRows(QuestionType, QuestionForm.BlankRows);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct, track: true)) return NotFound();
        var errors = new List<string>();
        foreach (var e in ModelState.Where(e => e.Value?.Errors.Count > 0))
            errors.Add(l["\"{0}\" is not a valid number.", e.Value!.AttemptedValue ?? ""]);
        var content = Input.ToContent(QuestionType, Existing?.Current.Content, errors, l);
        if (errors.Count == 0)
            errors.AddRange(QuestionValidation.Problems(content).Select(p => QuestionProblemText.Describe(p.Code, p.Message, l)).Distinct());
        if (errors.Count > 0) return Invalid(errors);

        var now = clock.GetUtcNow().UtcDateTime;
        var me = Guid.TryParse(User.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : (Guid?)null;
        Question question;
        try
        {
            if (Existing is null)
            {
                question = new Question(Guid.NewGuid(), Category.Id, content, Input.TagList, me, now);
                db.Questions.Add(question);
            }
            else
            {
                question = Existing;
                ConcurrencyToken.Expect(db, question, RowVersion);
                question.Retag(Input.TagList);
                question.Revise(content, me, now);
            }
            await db.SaveChangesAsync(ct);
        }
        catch (DomainException e)
        {
            return await InvalidAsync([DomainErrors.Describe(e, l)], ct);
        }
        catch (DbUpdateException e) when (e is DbUpdateConcurrencyException || PostgresErrors.IsUniqueViolation(e))
        {
            // Someone saved this question after this form was opened (their version took the number this one wanted).
            Conflict = true;
            return await InvalidAsync([l["Someone else saved this question after you opened it. Your changes are not saved: open the question again to see the newest version, then make your changes there."]], ct);
        }
        TempData["StatusMessage"] = question.CurrentVersion == 1
            ? l["Question \"{0}\" saved.", question.Name].Value
            : l["Question \"{0}\" saved as version {1}.", question.Name, question.CurrentVersion].Value;
        return Redirect($"/Design/Questions?{(Category.CourseId is { } c ? $"courseId={c}&" : "")}categoryId={Category.Id}");
    }

    /// <summary>The live preview of a text box: rendered and sanitised exactly as teachers will see it.</summary>
    public ContentResult OnPostPreview([FromForm] string? body, [FromQuery] TextFormat format = TextFormat.Markdown) =>
        Content(Render(body, format), "text/html; charset=utf-8");

    /// <summary>The question text as the page first shows it in the preview box (the script keeps it up to date).</summary>
    public string PreviewHtml => Render(QuestionType == QuestionType.Cloze ? Input.ClozeSource : Input.Text, Format);

    private string Render(string? text, TextFormat format) => format switch
    {
        TextFormat.Html => markdown.SanitizeHtml(text ?? ""),
        TextFormat.Plain => System.Net.WebUtility.HtmlEncode(text ?? "").Replace("\n", "<br>", StringComparison.Ordinal),
        _ => markdown.ToSafeHtml(text ?? ""),
    };

    private PageResult Invalid(IReadOnlyList<string> problems)
    {
        Problems = problems;
        return Page();
    }

    /// <summary>After a failed save: the question as stored (the refused version was added in memory only), the form as typed.</summary>
    private async Task<PageResult> InvalidAsync(IReadOnlyList<string> problems, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        await LoadAsync(ct);
        return Invalid(problems);
    }

    /// <summary>The question (or the category and type of a new one), its bank and its history.</summary>
    private async Task<bool> LoadAsync(CancellationToken ct, bool track = false)
    {
        if (Id is { } id)
        {
            var q = db.Questions.Include(x => x.Versions);
            Existing = await (track ? q : q.AsNoTracking()).FirstOrDefaultAsync(x => x.Id == id, ct);
            if (Existing is null) return false;
            QuestionType = Existing.Type;
            CategoryId = Existing.CategoryId;
            Format = Existing.Current.Content.Format;
            var authors = Existing.Versions.Select(v => v.CreatedBy).OfType<Guid>().Distinct().ToList();
            var names = await db.People.AsNoTracking().Where(p => authors.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.FullName, ct);
            History = Existing.Versions.OrderByDescending(v => v.Version)
                .Select(v => new HistoryRow(v.Version, v.CreatedAtUtc, v.CreatedBy is { } b ? names.GetValueOrDefault(b) : null, v.Content.Name))
                .ToList();
        }
        else if (Type is { } type && Enum.IsDefined(type))
        {
            QuestionType = type;
        }
        else
        {
            return false;
        }
        var category = await db.QuestionCategories.AsNoTracking().FirstOrDefaultAsync(c => c.Id == CategoryId, ct);
        if (category is null) return false;
        Category = category;
        var tree = await db.CategoryTreeAsync(category.CourseId, ct);
        CategoryPath = tree.PathText(category.Id);
        BankTitle = await db.BankTitleAsync(category.CourseId, l["Shared bank"], ct) ?? "";
        return true;
    }
}
