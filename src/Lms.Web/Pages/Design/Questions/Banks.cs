using Lms.Domain.Questions;
using Lms.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Lms.Web.Pages.Design.Questions;

/// <summary>A bank a designer can open: a course's (by its Thai title) or the office's shared bank (no course).</summary>
public sealed record BankOption(Guid? CourseId, string Title);

/// <summary>
/// The question banks and their categories, for every bank page. A bank is named by its course id in the address
/// (<c>?courseId=</c>; none for the shared bank); a category or question is only ever used through the bank it is in.
/// </summary>
internal static class Banks
{
    /// <summary>The shared bank first, then the courses newest fiscal year first: the banks a designer may switch between.</summary>
    public static async Task<IReadOnlyList<BankOption>> OptionsAsync(this LmsDbContext db, string sharedTitle, CancellationToken ct)
    {
        var courses = await db.Courses.AsNoTracking().OrderByDescending(c => c.FiscalYear).ThenBy(c => c.TitleTh)
            .Select(c => new BankOption(c.Id, c.TitleTh + " (" + c.FiscalYear + ")")).ToListAsync(ct);
        return [new BankOption(null, sharedTitle), .. courses];
    }

    /// <summary>The bank's title, or null when the course does not exist.</summary>
    public static async Task<string?> BankTitleAsync(this LmsDbContext db, Guid? courseId, string sharedTitle, CancellationToken ct) =>
        courseId is { } id
            ? await db.Courses.AsNoTracking().Where(c => c.Id == id).Select(c => c.TitleTh).FirstOrDefaultAsync(ct)
            : sharedTitle;

    public static async Task<QuestionCategoryTree> CategoryTreeAsync(this LmsDbContext db, Guid? courseId, CancellationToken ct, bool track = false)
    {
        var q = db.QuestionCategories.Where(c => c.CourseId == courseId);
        return new QuestionCategoryTree(await (track ? q : q.AsNoTracking()).ToListAsync(ct));
    }

    /// <summary>Whether a quiz draws random questions from the category (its slots are JSON; the id appears in them then).</summary>
    public static async Task<bool> UsedByRandomSlotsAsync(this LmsDbContext db, Guid categoryId, CancellationToken ct)
    {
        var pattern = "%" + categoryId.ToString() + "%";
        return await db.Database.SqlQuery<int>($"SELECT 1 AS \"Value\" FROM quizzes WHERE slots::text LIKE {pattern}").AnyAsync(ct);
    }

    /// <summary>"Category / Sub-category" from the bank's top.</summary>
    public static string PathText(this QuestionCategoryTree tree, Guid id) => string.Join(" / ", tree.PathOf(id));
}
