using Lms.Domain.Common;
using Lms.Domain.Courses;
using Lms.Infrastructure.Persistence;
using Lms.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Lms.Web.Pages.Design.Categories;

/// <summary>Catalogue categories (one level of nesting is enough for an office's programme): add and rename.</summary>
public sealed class IndexModel(LmsDbContext db, IStringLocalizer<SharedResource> l) : PageModel
{
    public IReadOnlyList<Row> Categories { get; private set; } = [];
    [TempData] public string? ErrorMessage { get; set; }

    public sealed record Row(Guid Id, string NameTh, string NameEn, string? Parent, int Courses);

    public async Task OnGetAsync(CancellationToken ct) =>
        Categories = await db.CourseCategories.AsNoTracking().OrderBy(c => c.SortOrder).ThenBy(c => c.NameTh)
            .Select(c => new Row(c.Id, c.NameTh, c.NameEn,
                db.CourseCategories.Where(p => p.Id == c.ParentId).Select(p => p.NameTh).FirstOrDefault(),
                db.Courses.Count(x => x.CategoryId == c.Id)))
            .ToListAsync(ct);

    public async Task<IActionResult> OnPostAddAsync(string? nameTh, string? nameEn, Guid? parentId, CancellationToken ct)
    {
        try
        {
            if (parentId is { } p && !await db.CourseCategories.AnyAsync(c => c.Id == p, ct)) parentId = null;
            var order = await db.CourseCategories.CountAsync(ct);
            db.CourseCategories.Add(new CourseCategory(Guid.NewGuid(), nameTh ?? "", nameEn ?? "", parentId, order));
            await db.SaveChangesAsync(ct);
        }
        catch (DomainException e) { ErrorMessage = DomainErrors.Describe(e, l); }
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRenameAsync(Guid id, string? nameTh, string? nameEn, CancellationToken ct)
    {
        var category = await db.CourseCategories.FirstOrDefaultAsync(c => c.Id == id, ct);
        if (category is null) return NotFound();
        try
        {
            category.Rename(nameTh ?? "", nameEn ?? "");
            await db.SaveChangesAsync(ct);
        }
        catch (DomainException e) { ErrorMessage = DomainErrors.Describe(e, l); }
        return RedirectToPage();
    }
}
