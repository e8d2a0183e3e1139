using System.Security.Claims;
using System.Text.Encodings.Web;
using System.Text.Json;
using Lms.Infrastructure.Persistence;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Lms.Web.Pages.Account;

/// <summary>
/// PDPA right of access: a person downloads everything the system holds about them, as JSON.
/// Later features add their records (enrolments, attempts, certificates, PLC hours) to the export.
/// </summary>
public sealed class MyDataModel(LmsDbContext db, TimeProvider clock) : PageModel
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public void OnGet() { }

    public async Task<IActionResult> OnGetDownloadAsync(CancellationToken ct)
    {
        var id = Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!);
        var now = clock.GetUtcNow().UtcDateTime;
        var export = await PersonalDataExport.BuildAsync(db, id, now, ct);
        if (export is null) return NotFound();
        return File(JsonSerializer.SerializeToUtf8Bytes(export, Json), "application/json", string.Create(System.Globalization.CultureInfo.InvariantCulture, $"my-data-{now:yyyyMMdd}.json"));
    }
}

public static class PersonalDataExport
{
    public static async Task<object?> BuildAsync(LmsDbContext db, Guid personId, DateTime nowUtc, CancellationToken ct)
    {
        var person = await db.People.AsNoTracking().FirstOrDefaultAsync(p => p.Id == personId, ct);
        var account = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == personId, ct);
        if (person is null || account is null) return null;
        var school = person.SchoolId is { } sid
            ? await db.Schools.AsNoTracking().Where(s => s.Id == sid).Select(s => new { s.Code, s.NameTh }).FirstOrDefaultAsync(ct)
            : null;
        var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id
            where ur.UserId == personId select r.Name).ToListAsync(ct);
        var changes = await db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityId == personId.ToString()).OrderBy(a => a.AtUtc)
            .Select(a => new { a.AtUtc, a.Action, a.ActorName, a.Before, a.After }).ToListAsync(ct);
        return new
        {
            ExportedAtUtc = nowUtc,
            Person = new
            {
                person.Title, person.FirstName, person.LastName, person.FirstNameEn, person.LastNameEn,
                Position = person.Position.ToString(), SubjectArea = person.SubjectArea?.ToString(), School = school,
                person.IsActive, person.CreatedAtUtc, person.DeactivatedAtUtc,
            },
            Account = new { account.UserName, account.Email, account.PreferredCulture, Roles = roles },
            RecordOfChanges = changes,
        };
    }
}
