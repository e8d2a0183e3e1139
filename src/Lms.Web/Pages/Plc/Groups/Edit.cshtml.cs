using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Lms.Domain.Calendar;
using Lms.Domain.Common;
using Lms.Domain.Organisation;
using Lms.Domain.Plc;
using Lms.Infrastructure.Persistence;
using Lms.Web.Localization;
using Lms.Web.Plc;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Lms.Web.Pages.Plc.Groups;

/// <summary>
/// Create (no id) or edit a PLC group, and keep its members: find people by name, add with a role, change roles, remove.
/// Every handler checks that the person may manage this group (directors: their own school's only); a group outside
/// their scope answers 404, as one that does not exist.
/// </summary>
public sealed class EditModel(LmsDbContext db, PlcMemberChanges members, IStringLocalizer<SharedResource> l, TimeProvider clock) : PageModel
{
    public const int MaxSearchResults = 20;

    [BindProperty(SupportsGet = true)] public Guid? Id { get; set; }
    [BindProperty] public GroupInput Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [TempData] public string? StatusMessage { get; set; }

    public PlcViewer Scope { get; private set; } = null!;
    public List<SelectListItem> SchoolOptions { get; private set; } = [];
    public List<SelectListItem> SubjectOptions { get; private set; } = [];
    public List<SelectListItem> RoleOptions { get; private set; } = [];
    public List<MemberRow> Members { get; private set; } = [];
    public List<Found> Candidates { get; private set; } = [];
    public string? GroupName { get; private set; }

    public sealed record MemberRow(Guid PersonId, string Name, string? School, PlcRole Role);
    public sealed record Found(Guid Id, string Name, string? School, string Position);

    public sealed class GroupInput
    {
        [Required(ErrorMessage = "Please enter the group's name.")]
        [StringLength(PlcGroup.MaxNameLength, ErrorMessage = "The name may have at most 200 characters.")]
        public string Name { get; set; } = "";
        /// <summary>Empty: a network of schools.</summary>
        public Guid? SchoolId { get; set; }
        public SubjectArea? SubjectArea { get; set; }
        [Range(2500, 2700, ErrorMessage = "Enter the fiscal year in the Buddhist Era, e.g. 2570.")]
        public int FiscalYear { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Scope = await PlcViewer.ForAsync(User, db, ct);
        if (Id is null)
        {
            Input.FiscalYear = FiscalYear.ContainingUtc(clock.GetUtcNow().UtcDateTime).BuddhistYear;
            Input.SchoolId = Scope.School;
            await FillOptionsAsync(ct);
            return Page();
        }
        var group = await GroupAsync(ct);
        if (group is null) return NotFound();
        Input = new GroupInput { Name = group.Name, SchoolId = group.SchoolId, SubjectArea = group.SubjectArea, FiscalYear = group.FiscalYear };
        await LoadAsync(group, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken ct)
    {
        Scope = await PlcViewer.ForAsync(User, db, ct);
        // A director's group is always their school's, whatever the form says.
        if (!Scope.OverseesAll) Input.SchoolId = Scope.School;
        if (Input.SchoolId is { } school && !await db.Schools.AnyAsync(s => s.Id == school, ct))
            ModelState.AddModelError("Input.SchoolId", l["Please choose a school from the list."]);
        PlcGroup? group = null;
        if (Id is not null && (group = await GroupAsync(ct)) is null) return NotFound();
        if (!ModelState.IsValid) return await ReloadAsync(group, ct);
        try
        {
            if (group is null)
            {
                group = new PlcGroup(Guid.NewGuid(), Input.Name, Input.SchoolId, Input.SubjectArea, new FiscalYear(Input.FiscalYear), Me,
                    clock.GetUtcNow().UtcDateTime);
                db.PlcGroups.Add(group);
            }
            else
            {
                if (Input.SchoolId is { } s && group.Members.Any(m => m.IsActive) && await HasMembersOutsideAsync(group, s, ct))
                    throw new DomainException("plc.person_other_school", "Members of other schools.");
                group.Change(Input.Name, Input.SchoolId, Input.SubjectArea, new FiscalYear(Input.FiscalYear));
            }
            await db.SaveChangesAsync(ct);
            StatusMessage = l["The PLC group has been saved."];
            return RedirectToPage(new { id = group.Id });
        }
        catch (DomainException e)
        {
            ModelState.AddModelError(string.Empty, DomainErrors.Describe(e, l));
            return await ReloadAsync(group, ct);
        }
    }

    public Task<IActionResult> OnPostAddMemberAsync(Guid personId, PlcRole role, CancellationToken ct) =>
        MemberChangeAsync(personId, async group =>
        {
            if (!await MayJoinAsync(group, personId, ct)) throw new DomainException("plc.person_other_school", "Not of this school.");
            await members.AddOrChangeAsync(group.Id, personId, role, ct);
            return l["The member has been added."];
        }, ct);

    public Task<IActionResult> OnPostChangeRoleAsync(Guid personId, PlcRole role, CancellationToken ct) =>
        MemberChangeAsync(personId, async group =>
        {
            if (!group.IsMember(personId)) throw new DomainException("plc.not_member", "Not a member.");
            await members.AddOrChangeAsync(group.Id, personId, role, ct);
            return l["The role has been changed."];
        }, ct);

    public Task<IActionResult> OnPostRemoveMemberAsync(Guid personId, CancellationToken ct) =>
        MemberChangeAsync(personId, async group =>
        {
            await members.RemoveAsync(group.Id, personId, ct);
            return l["The member has been removed from the group. Their open room pages were closed at once."];
        }, ct);

    private async Task<IActionResult> MemberChangeAsync(Guid personId, Func<PlcGroup, Task<string>> change, CancellationToken ct)
    {
        Scope = await PlcViewer.ForAsync(User, db, ct);
        var group = await GroupAsync(ct);
        if (group is null) return NotFound();
        try
        {
            StatusMessage = await change(group);
            return RedirectToPage(new { id = group.Id });
        }
        catch (DomainException e)
        {
            ModelState.AddModelError(string.Empty, DomainErrors.Describe(e, l));
            db.ChangeTracker.Clear();
            group = await GroupAsync(ct);
            Input = new GroupInput { Name = group!.Name, SchoolId = group.SchoolId, SubjectArea = group.SubjectArea, FiscalYear = group.FiscalYear };
            return await ReloadAsync(group, ct);
        }
    }

    private Guid Me => Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!);

    /// <summary>The group with its members, or null when it does not exist or is outside the person's scope.</summary>
    private async Task<PlcGroup?> GroupAsync(CancellationToken ct)
    {
        var group = await db.PlcGroups.Include(g => g.Members).FirstOrDefaultAsync(g => g.Id == Id, ct);
        return group is not null && Scope.Oversees(group.SchoolId) ? group : null;
    }

    /// <summary>A network takes anyone active; a school's group its own staff, and (added by the office) people of no school such as supervisors as mentors.</summary>
    private async Task<bool> MayJoinAsync(PlcGroup group, Guid personId, CancellationToken ct)
    {
        var person = await db.People.AsNoTracking().Where(p => p.Id == personId && p.IsActive).Select(p => new { p.SchoolId }).FirstOrDefaultAsync(ct);
        if (person is null) throw new DomainException("plc.person_not_found", "No such active person.");
        if (group.SchoolId is null) return true;
        return person.SchoolId == group.SchoolId || (person.SchoolId is null && Scope.OverseesAll);
    }

    private async Task<bool> HasMembersOutsideAsync(PlcGroup group, Guid schoolId, CancellationToken ct)
    {
        var ids = group.Members.Where(m => m.IsActive).Select(m => m.PersonId).ToList();
        return await db.People.AnyAsync(p => ids.Contains(p.Id) && p.SchoolId != null && p.SchoolId != schoolId, ct);
    }

    private async Task<IActionResult> ReloadAsync(PlcGroup? group, CancellationToken ct)
    {
        if (group is null) await FillOptionsAsync(ct);
        else await LoadAsync(group, ct);
        return Page();
    }

    private async Task LoadAsync(PlcGroup group, CancellationToken ct)
    {
        GroupName = group.Name;
        await FillOptionsAsync(ct);
        var active = group.Members.Where(m => m.IsActive).ToDictionary(m => m.PersonId, m => m.Role);
        var ids = active.Keys.ToList();
        Members = (await db.People.AsNoTracking().Where(p => ids.Contains(p.Id))
                .Select(p => new { p.Id, p.Title, p.FirstName, p.LastName, School = db.Schools.Where(s => s.Id == p.SchoolId).Select(s => s.NameTh).FirstOrDefault() })
                .ToListAsync(ct))
            .Select(p => new MemberRow(p.Id, $"{p.Title}{p.FirstName} {p.LastName}", p.School, active[p.Id]))
            .OrderBy(m => m.Role).ThenBy(m => m.Name, StringComparer.Ordinal).ToList();
        var q = Text.Clean(Q ?? "");
        if (q.Length == 0) return;
        var like = "%" + Lms.Infrastructure.Plc.PlcRoomQueries.EscapeLike(q) + "%";
        var school = group.SchoolId;
        var anyOfNoSchool = Scope.OverseesAll;
        Candidates = (await db.People.AsNoTracking()
                .Where(p => p.IsActive && !ids.Contains(p.Id))
                .Where(p => school == null || p.SchoolId == school || (anyOfNoSchool && p.SchoolId == null))
                .Where(p => EF.Functions.ILike(p.FirstName + " " + p.LastName, like, "\\") || EF.Functions.ILike(p.FirstNameEn + " " + p.LastNameEn, like, "\\"))
                .OrderBy(p => p.FirstName).ThenBy(p => p.LastName).Take(MaxSearchResults)
                .Select(p => new { p.Id, p.Title, p.FirstName, p.LastName, p.Position, School = db.Schools.Where(s => s.Id == p.SchoolId).Select(s => s.NameTh).FirstOrDefault() })
                .ToListAsync(ct))
            .Select(p => new Found(p.Id, $"{p.Title}{p.FirstName} {p.LastName}", p.School, l[DomainNames.Of(p.Position)]))
            .ToList();
    }

    private async Task FillOptionsAsync(CancellationToken ct)
    {
        SchoolOptions = Scope.OverseesAll
            ? await Lms.Web.Pages.Admin.Options.SchoolsAsync(db, ct)
            : await db.Schools.AsNoTracking().Where(s => s.Id == Scope.School)
                .Select(s => new SelectListItem($"{s.Code} {s.NameTh}", s.Id.ToString())).ToListAsync(ct);
        SubjectOptions = Lms.Web.Pages.Admin.Options.SubjectAreas(l);
        RoleOptions = Enum.GetValues<PlcRole>().Select(r => new SelectListItem(l[DomainNames.Of(r)], r.ToString())).ToList();
    }
}
