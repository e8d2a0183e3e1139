using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Lms.Domain.Common;
using Lms.Domain.Organisation;
using Lms.Infrastructure.Email;
using Lms.Infrastructure.Identity;
using Lms.Infrastructure.Persistence;
using Lms.Web.Localization;
using Lms.Web.Pages.Account;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Lms.Web.Pages.Admin.People;

/// <summary>
/// Create (no id) or edit a person and their account. People are deactivated, never deleted, so
/// their learning records stay; a deactivated person can be anonymised on a PDPA erasure request.
/// </summary>
public sealed class EditModel(LmsDbContext db, UserManager<LmsUser> users, PersonAccounts accounts,
    IEmailSender email, TimeProvider clock, IStringLocalizer<SharedResource> l, Lms.Infrastructure.Files.IFileStore files) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid? Id { get; set; }
    [BindProperty] public PersonInput Input { get; set; } = new();
    [TempData] public string? StatusMessage { get; set; }

    public bool IsActive { get; private set; } = true;
    public bool IsAnonymised { get; private set; }
    public bool IsLockedOut { get; private set; }
    public bool HasPassword { get; private set; }
    public List<SelectListItem> SchoolOptions { get; private set; } = [];
    public List<SelectListItem> PositionOptions { get; private set; } = [];
    public List<SelectListItem> SubjectOptions { get; private set; } = [];
    public List<SelectListItem> RoleOptions { get; private set; } = [];
    public static readonly string[] CommonTitles = ["นาย", "นาง", "นางสาว", "ว่าที่ร้อยตรี", "ว่าที่ร้อยตรีหญิง", "ดร.", "ผศ.ดร.", "รศ.ดร."];

    public sealed class PersonInput
    {
        [Required(ErrorMessage = "Please enter the e-mail.")]
        [EmailAddress(ErrorMessage = "The e-mail is not valid.")]
        [StringLength(256, ErrorMessage = "The e-mail is too long.")]
        public string Email { get; set; } = "";
        [StringLength(100, ErrorMessage = "The username is too long.")]
        public string? UserName { get; set; }
        [StringLength(60, ErrorMessage = "The title is too long.")]
        public string? Title { get; set; }
        [Required(ErrorMessage = "Please enter the first name.")]
        [StringLength(100, ErrorMessage = "The name is too long.")]
        public string FirstName { get; set; } = "";
        [Required(ErrorMessage = "Please enter the last name.")]
        [StringLength(100, ErrorMessage = "The name is too long.")]
        public string LastName { get; set; } = "";
        [StringLength(100, ErrorMessage = "The name is too long.")]
        public string? FirstNameEn { get; set; }
        [StringLength(100, ErrorMessage = "The name is too long.")]
        public string? LastNameEn { get; set; }
        [Required(ErrorMessage = "Please choose a position.")]
        public Position? Position { get; set; }
        public Guid? SchoolId { get; set; }
        public SubjectArea? SubjectArea { get; set; }
        public List<string> Roles { get; set; } = [SystemRole.Learner];
        public bool SendInvitation { get; set; } = true;
        public uint Version { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Id is not null && !await LoadAsync(ct)) return NotFound();
        await FillOptionsAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            try
            {
                var saved = Id is null ? await CreateAsync(ct) : await UpdateAsync(ct);
                if (saved is not null) return saved;
            }
            catch (DomainException e)
            {
                ModelState.AddModelError(string.Empty, DomainErrors.Describe(e, l));
            }
            catch (DbUpdateConcurrencyException)
            {
                ModelState.AddModelError(string.Empty, l["Someone else changed this record at the same time. Please reload and try again."]);
            }
        }
        if (Id is not null) await LoadStateAsync(ct);
        await FillOptionsAsync(ct);
        return Page();
    }

    private async Task<IActionResult?> CreateAsync(CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var (user, result) = await accounts.CreateAsync(new NewPerson(Input.Email, Input.UserName, Input.Title ?? "",
            Input.FirstName, Input.LastName, Input.FirstNameEn ?? "", Input.LastNameEn ?? "", Input.Position!.Value,
            Input.SchoolId, Input.SubjectArea, Input.Roles));
        if (user is null) return AddErrors(result);
        await tx.CommitAsync(ct);
        if (Input.SendInvitation) await PasswordResetMail.SendAsync(user, users, email, l, Url, Request, ct);
        StatusMessage = Input.SendInvitation
            ? l["The person has been added and an e-mail to set a password has been sent."]
            : l["The person has been added."];
        return RedirectToPage(new { id = user.Id });
    }

    private async Task<IActionResult?> UpdateAsync(CancellationToken ct)
    {
        var person = await db.People.FindAsync([Id], ct);
        var user = await users.FindByIdAsync(Id.ToString()!);
        if (person is null || user is null) return NotFound();
        if (IsSelf && !Input.Roles.Contains(SystemRole.Administrator))
        {
            ModelState.AddModelError(string.Empty, l["You cannot remove your own administrator role."]);
            return null;
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        ConcurrencyToken.Expect(db, person, Input.Version);
        person.Rename(Input.Title ?? "", Input.FirstName, Input.LastName, Input.FirstNameEn ?? "", Input.LastNameEn ?? "");
        person.Assign(Input.Position!.Value, Input.SchoolId, Input.SubjectArea);
        await db.SaveChangesAsync(ct);

        var newEmail = Input.Email.Trim();
        if (!string.Equals(user.Email, newEmail, StringComparison.OrdinalIgnoreCase))
        {
            var r = await users.SetEmailAsync(user, newEmail);
            if (!r.Succeeded) return AddErrors(r);
            user.EmailConfirmed = true;
        }
        var newName = string.IsNullOrWhiteSpace(Input.UserName) ? user.UserName : Input.UserName.Trim();
        if (newName != user.UserName)
        {
            var r = await users.SetUserNameAsync(user, newName);
            if (!r.Succeeded) return AddErrors(r);
        }
        var rolesResult = await accounts.SetRolesAsync(user, Input.Roles);
        if (!rolesResult.Succeeded) return AddErrors(rolesResult);
        // Changed roles take effect at the person's next security-stamp check.
        await users.UpdateSecurityStampAsync(user);
        await tx.CommitAsync(ct);
        StatusMessage = l["The changes have been saved."];
        return RedirectToPage(new { id = Id });
    }

    public async Task<IActionResult> OnPostDeactivateAsync(CancellationToken ct)
    {
        if (IsSelf) return Fail(l["You cannot deactivate your own account."]);
        var (person, user) = await FindAsync(ct);
        if (person is null || user is null) return NotFound();
        person.Deactivate(clock.GetUtcNow().UtcDateTime);
        // A new security stamp ends the person's sessions at their next validation (within a minute).
        await users.UpdateSecurityStampAsync(user);
        StatusMessage = l["The person has been deactivated and can no longer sign in. Their records are kept."];
        return RedirectToPage(new { id = Id });
    }

    public async Task<IActionResult> OnPostReactivateAsync(CancellationToken ct)
    {
        var (person, _) = await FindAsync(ct);
        if (person is null) return NotFound();
        try { person.Reactivate(); }
        catch (DomainException e) { return Fail(DomainErrors.Describe(e, l)); }
        await db.SaveChangesAsync(ct);
        StatusMessage = l["The person has been reactivated."];
        return RedirectToPage(new { id = Id });
    }

    public async Task<IActionResult> OnPostSendResetAsync(CancellationToken ct)
    {
        var (person, user) = await FindAsync(ct);
        if (person is null || user is null) return NotFound();
        if (!person.IsActive) return Fail(l["Reactivate the person first."]);
        await PasswordResetMail.SendAsync(user, users, email, l, Url, Request, ct);
        StatusMessage = l["An e-mail to set a new password has been sent to {0}.", user.Email!];
        return RedirectToPage(new { id = Id });
    }

    public async Task<IActionResult> OnPostUnlockAsync(CancellationToken ct)
    {
        var (_, user) = await FindAsync(ct);
        if (user is null) return NotFound();
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        StatusMessage = l["The account has been unlocked."];
        return RedirectToPage(new { id = Id });
    }

    /// <summary>
    /// PDPA right of access on a person's behalf (a request made on paper): the same JSON as their own "my data", PLC
    /// memberships, meetings and messages included.
    /// </summary>
    public async Task<IActionResult> OnGetPersonalDataAsync(CancellationToken ct)
    {
        if (Id is not { } id) return NotFound();
        var now = clock.GetUtcNow().UtcDateTime;
        var export = await PersonalDataExport.BuildAsync(db, id, now, ct);
        if (export is null) return NotFound();
        var json = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(export, new System.Text.Json.JsonSerializerOptions
        {
            WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        });
        return File(json, "application/json", string.Create(System.Globalization.CultureInfo.InvariantCulture, $"person-data-{id:N}-{now:yyyyMMdd}.json"));
    }

    /// <summary>PDPA erasure: names, e-mail and password go; counts in reports stay correct.</summary>
    public async Task<IActionResult> OnPostAnonymiseAsync(CancellationToken ct)
    {
        var (person, user) = await FindAsync(ct);
        if (person is null || user is null) return NotFound();
        if (person.IsActive) return Fail(l["Deactivate the person before erasing their data."]);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        person.Anonymise(clock.GetUtcNow().UtcDateTime);
        var alias = $"erased-{person.Id:N}";
        user.Email = $"{alias}@invalid.example";
        user.NormalizedEmail = user.Email.ToUpperInvariant();
        user.UserName = alias;
        user.NormalizedUserName = alias.ToUpperInvariant();
        user.PasswordHash = null;
        user.PreferredCulture = null;
        user.SecurityStamp = Guid.NewGuid().ToString("N");
        await db.SaveChangesAsync(ct);
        var key = person.Id.ToString();
        foreach (var entry in await db.AuditEntries.Where(a => a.EntityId == key).ToListAsync(ct)) entry.Redact();
        foreach (var entry in await db.AuditEntries.Where(a => a.ActorId == person.Id).ToListAsync(ct)) entry.RedactActor();
        var certificateFiles = (await db.Certificates.Where(c => c.PersonId == person.Id).ToListAsync(ct))
            .Select(c => c.ErasePersonalData(clock.GetUtcNow().UtcDateTime)).OfType<string>().ToList();
        await db.SaveChangesAsync(ct);
        // Their notifications' texts (course names, grades…) and their notification choices go too.
        await Lms.Infrastructure.Notifications.NotificationErasure.EraseAsync(db, person.Id, clock.GetUtcNow().UtcDateTime, ct);
        // Their PLC room messages' texts and files, reactions and pending uploads.
        var plcFiles = await Lms.Infrastructure.Plc.PlcErasure.EraseAsync(db, person.Id, ct);
        await tx.CommitAsync(ct);
        // After the commit: a file deleted for a rolled-back erasure could not come back.
        foreach (var file in certificateFiles.Concat(plcFiles)) await files.DeleteAsync(file, ct);
        StatusMessage = l["The person's data has been erased."];
        return RedirectToPage(new { id = Id });
    }

    private bool IsSelf => Id is { } id && User.FindFirstValue(ClaimTypes.NameIdentifier) == id.ToString();

    private async Task<(Person?, LmsUser?)> FindAsync(CancellationToken ct) =>
        Id is null ? (null, null) : (await db.People.FindAsync([Id], ct), await db.Users.FindAsync([Id], ct));

    private IActionResult Fail(string message)
    {
        StatusMessage = null;
        TempData["ErrorMessage"] = message;
        return RedirectToPage(new { id = Id });
    }

    private PageResult? AddErrors(IdentityResult result)
    {
        foreach (var e in result.Errors) ModelState.AddModelError(string.Empty, e.Description);
        return null;
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        // Tracked, so that the row version (a shadow property) is read along with the row.
        var person = await db.People.FirstOrDefaultAsync(p => p.Id == Id, ct);
        var user = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == Id, ct);
        if (person is null || user is null) return false;
        Input = new PersonInput
        {
            Email = user.Email ?? "", UserName = user.UserName, Title = person.Title, FirstName = person.FirstName,
            LastName = person.LastName, FirstNameEn = person.FirstNameEn, LastNameEn = person.LastNameEn,
            Position = person.Position, SchoolId = person.SchoolId, SubjectArea = person.SubjectArea,
            Roles = await RolesOfAsync(ct),
            Version = ConcurrencyToken.Get(db, person),
        };
        await LoadStateAsync(ct);
        return true;
    }

    private async Task LoadStateAsync(CancellationToken ct)
    {
        var state = await (from p in db.People.AsNoTracking() join u in db.Users.AsNoTracking() on p.Id equals u.Id
            where p.Id == Id
            select new { p.IsActive, p.AnonymisedAtUtc, u.LockoutEnd, u.PasswordHash }).FirstOrDefaultAsync(ct);
        if (state is null) return;
        IsActive = state.IsActive;
        IsAnonymised = state.AnonymisedAtUtc is not null;
        IsLockedOut = state.LockoutEnd > clock.GetUtcNow();
        HasPassword = state.PasswordHash is not null;
    }

    private Task<List<string>> RolesOfAsync(CancellationToken ct) =>
        (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ur.UserId == Id select r.Name!)
        .ToListAsync(ct);

    private async Task FillOptionsAsync(CancellationToken ct)
    {
        SchoolOptions = await Options.SchoolsAsync(db, ct);
        PositionOptions = Options.Positions(l);
        SubjectOptions = Options.SubjectAreas(l);
        RoleOptions = Options.Roles(l);
    }
}
