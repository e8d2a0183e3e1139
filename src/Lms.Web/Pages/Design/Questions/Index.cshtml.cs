using Lms.Domain.Common;
using Lms.Domain.Questions;
using Lms.Infrastructure.Persistence;
using Lms.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Lms.Web.Pages.Design.Questions;

/// <summary>
/// A question bank as designers keep it: the category tree (add, rename, move, delete when empty) and the questions
/// of the chosen category, filtered by tag and type, with hide/unhide, move and preview. Every change redirects back
/// to the same bank and category.
/// </summary>
public sealed class IndexModel(LmsDbContext db, IStringLocalizer<SharedResource> l) : PageModel
{
    public const int PageSize = 100;

    [BindProperty(SupportsGet = true)] public Guid? CourseId { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? CategoryId { get; set; }
    [BindProperty(SupportsGet = true)] public string? Tag { get; set; }
    [BindProperty(SupportsGet = true)] public QuestionType? Type { get; set; }
    [BindProperty(SupportsGet = true)] public bool Sub { get; set; }
    [BindProperty(SupportsGet = true)] public bool ShowHidden { get; set; }
    [BindProperty(SupportsGet = true)] public int P { get; set; } = 1;
    [TempData] public string? StatusMessage { get; set; }
    [TempData] public string? ErrorMessage { get; set; }

    public string BankTitle { get; private set; } = "";
    public IReadOnlyList<BankOption> Banks { get; private set; } = [];
    public QuestionCategoryTree Tree { get; private set; } = new([]);
    public QuestionCategory? Selected { get; private set; }
    public IReadOnlyList<Row> Questions { get; private set; } = [];
    public int Total { get; private set; }
    public IReadOnlyList<string> Tags { get; private set; } = [];
    /// <summary>Where questions can move: this bank's categories, and the shared bank's when this is a course's.</summary>
    public IReadOnlyList<(Guid Id, string Label)> MoveTargets { get; private set; } = [];
    public bool SelectedIsEmpty { get; private set; }

    public sealed record Row(Guid Id, string Name, QuestionType Type, int Version, string[] Tags, DateTime UpdatedAtUtc, bool Hidden, Guid CategoryId);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var title = await db.BankTitleAsync(CourseId, l["Shared bank"], ct);
        if (title is null) return NotFound();
        BankTitle = title;
        Banks = await db.OptionsAsync(l["Shared bank"], ct);
        Tree = await db.CategoryTreeAsync(CourseId, ct);
        Selected = CategoryId is { } id ? Tree.Find(id) : Tree.Children(null).FirstOrDefault();
        if (CategoryId is not null && Selected is null) return NotFound();
        MoveTargets = await MoveTargetsAsync(ct);
        if (Selected is null) return Page();

        var ids = Sub ? Tree.SelfAndDescendants(Selected.Id) : [Selected.Id];
        var inBank = db.Questions.AsNoTracking().Where(q => ids.Contains(q.CategoryId));
        Tags = (await inBank.Select(q => q.Tags).ToListAsync(ct)).SelectMany(t => t)
            .Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.CurrentCulture).ToList();
        var query = inBank;
        if (!ShowHidden) query = query.Where(q => !q.Hidden);
        if (Type is { } type) query = query.Where(q => q.Type == type);
        if (!string.IsNullOrWhiteSpace(Tag)) query = query.Where(q => q.Tags.Contains(Tag.Trim()));
        Total = await query.CountAsync(ct);
        P = Math.Max(1, P);
        Questions = await query.OrderBy(q => q.Name).ThenBy(q => q.Id).Skip((P - 1) * PageSize).Take(PageSize)
            .Select(q => new Row(q.Id, q.Name, q.Type, q.CurrentVersion, q.Tags, q.UpdatedAtUtc, q.Hidden, q.CategoryId))
            .ToListAsync(ct);
        SelectedIsEmpty = !await db.Questions.AnyAsync(q => q.CategoryId == Selected.Id, ct) && Tree.Children(Selected.Id).Count == 0;
        return Page();
    }

    public async Task<IActionResult> OnPostAddCategoryAsync(string? name, string? info, Guid? parentId, CancellationToken ct)
    {
        if (await db.BankTitleAsync(CourseId, "", ct) is null) return NotFound();
        var tree = await db.CategoryTreeAsync(CourseId, ct);
        if (parentId is { } p && !tree.Contains(p)) return NotFound();
        var category = await ChangeAsync(() =>
        {
            var c = new QuestionCategory(Guid.NewGuid(), CourseId, parentId, name ?? "", info ?? "");
            db.QuestionCategories.Add(c);
            return c;
        }, ct);
        if (category is not null) StatusMessage = l["Category \"{0}\" added.", category.Name];
        return Back(category?.Id ?? parentId);
    }

    public async Task<IActionResult> OnPostRenameCategoryAsync(Guid id, string? name, string? info, CancellationToken ct)
    {
        var tree = await db.CategoryTreeAsync(CourseId, ct, track: true);
        if (tree.Find(id) is not { } category) return NotFound();
        if (await ChangeAsync(() => { category.Rename(name ?? "", info ?? ""); return category; }, ct) is not null)
            StatusMessage = l["Saved."];
        return Back(id);
    }

    public async Task<IActionResult> OnPostMoveCategoryAsync(Guid id, Guid? parentId, CancellationToken ct)
    {
        var tree = await db.CategoryTreeAsync(CourseId, ct, track: true);
        if (tree.Find(id) is not { } category) return NotFound();
        if (await ChangeAsync(() => { tree.Move(category, parentId); return category; }, ct) is not null)
            StatusMessage = l["Category moved."];
        return Back(id);
    }

    public async Task<IActionResult> OnPostDeleteCategoryAsync(Guid id, CancellationToken ct)
    {
        var tree = await db.CategoryTreeAsync(CourseId, ct, track: true);
        if (tree.Find(id) is not { } category) return NotFound();
        // Only an empty category goes: questions (hidden ones too) may be in finished attempts, and a quiz drawing
        // random questions from it would have nothing left to draw.
        if (tree.Children(id).Count > 0 || await db.Questions.AnyAsync(q => q.CategoryId == id, ct) || await db.UsedByRandomSlotsAsync(id, ct))
        {
            ErrorMessage = l["Only an empty category can be deleted: move or delete its questions and sub-categories first, and take it out of quizzes that draw random questions from it."];
            return Back(id);
        }
        db.QuestionCategories.Remove(category);
        await db.SaveChangesAsync(ct);
        StatusMessage = l["Category \"{0}\" deleted.", category.Name];
        return Back(category.ParentId);
    }

    public Task<IActionResult> OnPostHideAsync(Guid questionId, CancellationToken ct) => SetHiddenAsync(questionId, true, ct);

    public Task<IActionResult> OnPostUnhideAsync(Guid questionId, CancellationToken ct) => SetHiddenAsync(questionId, false, ct);

    public async Task<IActionResult> OnPostMoveQuestionsAsync(List<Guid> questionIds, Guid? targetId, CancellationToken ct)
    {
        var tree = await db.CategoryTreeAsync(CourseId, ct);
        if (!tree.Contains(CategoryId ?? Guid.Empty)) return NotFound();
        Tree = tree;
        MoveTargets = await MoveTargetsAsync(ct);
        if (targetId is not { } target || MoveTargets.All(t => t.Id != target))
        {
            ErrorMessage = l["Choose a category to move the questions to."];
            return Back(CategoryId);
        }
        var ids = Sub ? tree.SelfAndDescendants(CategoryId!.Value) : [CategoryId!.Value];
        var questions = await db.Questions.Where(q => questionIds.Contains(q.Id) && ids.Contains(q.CategoryId)).ToListAsync(ct);
        if (questions.Count == 0)
        {
            ErrorMessage = l["Tick at least one question to move."];
            return Back(CategoryId);
        }
        foreach (var q in questions) q.MoveTo(target);
        await db.SaveChangesAsync(ct);
        StatusMessage = l["{0} questions moved.", questions.Count];
        return Back(CategoryId);
    }

    private async Task<IActionResult> SetHiddenAsync(Guid questionId, bool hidden, CancellationToken ct)
    {
        var tree = await db.CategoryTreeAsync(CourseId, ct);
        var question = await db.Questions.FirstOrDefaultAsync(q => q.Id == questionId, ct);
        if (question is null || !tree.Contains(question.CategoryId)) return NotFound();
        if (hidden) question.Hide(); else question.Unhide();
        await db.SaveChangesAsync(ct);
        StatusMessage = hidden ? l["\"{0}\" is hidden: it stays in finished attempts but is not offered for new quizzes.", question.Name]
            : l["\"{0}\" is shown again.", question.Name];
        return Back(CategoryId ?? question.CategoryId);
    }

    /// <summary>Applies a change and saves it; a broken rule becomes the page's error message and null.</summary>
    private async Task<T?> ChangeAsync<T>(Func<T> change, CancellationToken ct) where T : class
    {
        try
        {
            var result = change();
            await db.SaveChangesAsync(ct);
            return result;
        }
        catch (DomainException e)
        {
            ErrorMessage = DomainErrors.Describe(e, l);
            return null;
        }
    }

    private async Task<IReadOnlyList<(Guid, string)>> MoveTargetsAsync(CancellationToken ct)
    {
        var shared = l["Shared bank"].Value;
        var own = Tree.Count > 0 ? Tree : await db.CategoryTreeAsync(CourseId, ct);
        var targets = own.Flatten().Select(c => (c.Category.Id, own.PathText(c.Category.Id))).ToList();
        if (CourseId is not null)
        {
            var sharedTree = await db.CategoryTreeAsync(null, ct);
            targets.AddRange(sharedTree.Flatten().Select(c => (c.Category.Id, shared + " / " + sharedTree.PathText(c.Category.Id))));
        }
        return targets;
    }

    private RedirectToPageResult Back(Guid? categoryId) =>
        RedirectToPage(new { courseId = CourseId, categoryId, tag = Tag, type = Type, sub = Sub ? true : (bool?)null });
}
