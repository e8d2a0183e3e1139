using System.ComponentModel.DataAnnotations;
using Lms.Domain.Common;
using Lms.Domain.Organisation;
using Lms.Infrastructure.Persistence;
using Lms.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Lms.Web.Pages.Admin.Schools;

/// <summary>Create (no id) or edit a school; deactivate instead of delete.</summary>
public sealed class EditModel(LmsDbContext db, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid? Id { get; set; }
    [BindProperty] public SchoolInput Input { get; set; } = new();
    [TempData] public string? StatusMessage { get; set; }
    public bool IsActive { get; private set; } = true;

    public sealed class SchoolInput
    {
        [Required(ErrorMessage = "Please enter the school code.")]
        [StringLength(20, ErrorMessage = "The code may have at most 20 characters.")]
        public string Code { get; set; } = "";
        [Required(ErrorMessage = "Please enter the school's Thai name.")]
        [StringLength(200, ErrorMessage = "The name may have at most 200 characters.")]
        public string NameTh { get; set; } = "";
        [StringLength(200, ErrorMessage = "The name may have at most 200 characters.")]
        public string? NameEn { get; set; }
        [StringLength(100, ErrorMessage = "The district may have at most 100 characters.")]
        public string? District { get; set; }
        [StringLength(100, ErrorMessage = "The province may have at most 100 characters.")]
        public string? Province { get; set; }
        public uint Version { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Id is null) return Page();
        var school = await db.Schools.FindAsync([Id], ct);
        if (school is null) return NotFound();
        Fill(school);
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid) return await Reload(ct);
        var office = await db.Offices.Select(o => o.Id).FirstOrDefaultAsync(ct);
        var code = Text.Clean(Input.Code);
        if (await db.Schools.AnyAsync(s => s.OfficeId == office && s.Code == code && s.Id != Id, ct))
        {
            ModelState.AddModelError("Input.Code", l["Another school already has the code {0}.", code]);
            return await Reload(ct);
        }
        try
        {
            School school;
            if (Id is null)
            {
                school = new School(Guid.NewGuid(), office, Input.Code, Input.NameTh, Input.NameEn ?? "", Input.District ?? "", Input.Province ?? "");
                db.Schools.Add(school);
            }
            else
            {
                school = await db.Schools.FindAsync([Id], ct) ?? throw new KeyNotFoundException();
                ConcurrencyToken.Expect(db, school, Input.Version);
                school.Update(Input.Code, Input.NameTh, Input.NameEn ?? "", Input.District ?? "", Input.Province ?? "");
            }
            await db.SaveChangesAsync(ct);
            StatusMessage = l["The school has been saved."];
            return RedirectToPage(new { id = school.Id });
        }
        catch (DomainException e)
        {
            ModelState.AddModelError(string.Empty, DomainErrors.Describe(e, l));
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError(string.Empty, l["Someone else changed this record at the same time. Please reload and try again."]);
        }
        catch (KeyNotFoundException)
        {
            return NotFound();
        }
        return await Reload(ct);
    }

    public Task<IActionResult> OnPostDeactivateAsync(CancellationToken ct) => SetActive(false, ct);
    public Task<IActionResult> OnPostReactivateAsync(CancellationToken ct) => SetActive(true, ct);

    private async Task<IActionResult> SetActive(bool active, CancellationToken ct)
    {
        var school = Id is null ? null : await db.Schools.FindAsync([Id], ct);
        if (school is null) return NotFound();
        if (active) school.Reactivate(); else school.Deactivate();
        await db.SaveChangesAsync(ct);
        StatusMessage = active ? l["The school has been reactivated."] : l["The school has been deactivated. Its people and records are kept."];
        return RedirectToPage(new { id = school.Id });
    }

    private async Task<IActionResult> Reload(CancellationToken ct)
    {
        if (Id is not null)
        {
            var school = await db.Schools.AsNoTracking().FirstOrDefaultAsync(s => s.Id == Id, ct);
            if (school is null) return NotFound();
            IsActive = school.IsActive;
        }
        return Page();
    }

    private void Fill(School s)
    {
        Input = new SchoolInput
        {
            Code = s.Code, NameTh = s.NameTh, NameEn = s.NameEn, District = s.District, Province = s.Province,
            Version = ConcurrencyToken.Get(db, s),
        };
        IsActive = s.IsActive;
    }
}
