using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using Lms.Domain.Auditing;
using Lms.Domain.Common;
using Lms.Infrastructure.Auditing;
using Lms.Infrastructure.Email;
using Lms.Infrastructure.Identity;
using Lms.Infrastructure.Importing;
using Lms.Infrastructure.Persistence;
using Lms.Web.Localization;
using Lms.Web.Pages.Account;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Lms.Web.Pages.Admin.People;

/// <summary>
/// Bulk import of staff from CSV or XLSX in two steps: upload → preview with every error and its row
/// number → import. Nothing is imported while a row has an error, unless the administrator explicitly
/// chooses to import only the valid rows. The file is re-read at import time (never trusted from the form).
/// </summary>
[RequestSizeLimit(StaffImportLimits.MaxFileBytes + 64 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = StaffImportLimits.MaxFileBytes + 64 * 1024)]
public sealed class ImportModel(LmsDbContext db, PersonAccounts accounts, UserManager<LmsUser> users,
    IEmailSender email, IAuditActor actor, TimeProvider clock, IStringLocalizer<SharedResource> l,
    ILogger<ImportModel> log) : PageModel
{
    private const string UploadKind = "staff-import";
    public const int MaxPreviewRows = 300;

    [BindProperty] public Guid UploadId { get; set; }
    [BindProperty] public bool OnlyValid { get; set; }
    [BindProperty] public bool SendInvitations { get; set; }
    public StaffImportPreview? Preview { get; private set; }
    public string? FileName { get; private set; }
    public string? Error { get; private set; }
    public int? Imported { get; private set; }
    public bool Thai => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "th";
    public Dictionary<Guid, string> SchoolNames { get; private set; } = [];

    public void OnGet() { }

    public IActionResult OnGetTemplateCsv() =>
        File(StaffImportTemplate.Csv(ExampleSchool()), StaffImportTemplate.CsvContentType, StaffImportTemplate.CsvFileName);

    public IActionResult OnGetTemplateXlsx() =>
        File(StaffImportTemplate.Xlsx(ExampleSchool()), StaffImportTemplate.XlsxContentType, StaffImportTemplate.XlsxFileName);

    public async Task<IActionResult> OnPostUploadAsync(IFormFile? file, CancellationToken ct)
    {
        if (file is null || file.Length == 0)
        {
            Error = l["Please choose a CSV or Excel (.xlsx) file."];
            return Page();
        }
        if (file.Length > StaffImportLimits.MaxFileBytes)
        {
            Error = l["The file is larger than {0} MB; split it into several files.", StaffImportLimits.MaxFileMegabytes];
            return Page();
        }
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        // Uploads nobody imported within a day are of no further use (and hold personal data).
        await db.PendingUploads.Where(u => u.CreatedAtUtc < now.AddDays(-1)).ExecuteDeleteAsync(ct);
        var upload = new PendingUpload
        {
            Id = Guid.NewGuid(), OwnerId = CurrentUserId, Kind = UploadKind,
            FileName = Path.GetFileName(file.FileName), Content = buffer.ToArray(), CreatedAtUtc = now,
        };
        db.PendingUploads.Add(upload);
        await db.SaveChangesAsync(ct);
        UploadId = upload.Id;
        FileName = upload.FileName;
        Preview = await ParseAsync(upload, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostImportAsync(CancellationToken ct)
    {
        var upload = await db.PendingUploads.FirstOrDefaultAsync(
            u => u.Id == UploadId && u.OwnerId == CurrentUserId && u.Kind == UploadKind, ct);
        if (upload is null)
        {
            Error = l["The uploaded file is no longer available. Please upload it again."];
            return Page();
        }
        FileName = upload.FileName;
        Preview = await ParseAsync(upload, ct);
        if (Preview.FileErrors.Count > 0 || Preview.ValidRows.Count == 0)
        {
            Error = l["Nothing was imported: the file has errors."];
            return Page();
        }
        if (!Preview.IsValid && !OnlyValid)
        {
            Error = l["Nothing was imported: {0} rows have errors. Correct the file and upload it again, or choose to import only the valid rows.", Preview.InvalidRows.Count];
            return Page();
        }

        var created = new List<LmsUser>();
        await using (var tx = await db.Database.BeginTransactionAsync(ct))
        {
            foreach (var row in Preview.ValidRows)
            {
                var (user, result) = await CreateAsync(row);
                if (user is null)
                {
                    // Someone added the same e-mail since the preview: import nothing, show why.
                    Error = l["Nothing was imported: row {0} could not be saved ({1}).", row.RowNumber,
                        string.Join(" ", result.Errors.Select(e => e.Description))];
                    return Page();
                }
                created.Add(user);
            }
            db.AuditEntries.Add(new AuditEntry(clock.GetUtcNow().UtcDateTime, actor.Id, actor.Name, "Imported", "StaffImport",
                upload.Id.ToString(), null, JsonSerializer.Serialize(new
                {
                    upload.FileName, Created = created.Count, SkippedRows = Preview.InvalidRows.Select(r => r.RowNumber),
                })));
            db.PendingUploads.Remove(upload);
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
        }
        log.LogInformation("Imported {Count} people from {File}", created.Count, upload.FileName);

        if (SendInvitations)
            foreach (var user in created)
                await PasswordResetMail.SendAsync(user, users, email, l, Url, Request, ct);
        Imported = created.Count;
        Preview = null;
        return Page();
    }

    private async Task<(LmsUser?, IdentityResult)> CreateAsync(StaffImportRow row)
    {
        try
        {
            return await accounts.CreateAsync(new NewPerson(row.Email, row.UserName, row.Title, row.FirstName, row.LastName,
                row.FirstNameEn, row.LastNameEn, row.Position!.Value, row.SchoolId, row.SubjectArea, row.Roles));
        }
        catch (DomainException e)
        {
            return (null, IdentityResult.Failed(new IdentityError { Code = e.Code, Description = DomainErrors.Describe(e, l) }));
        }
    }

    private async Task<StaffImportPreview> ParseAsync(PendingUpload upload, CancellationToken ct)
    {
        var schools = await db.Schools.AsNoTracking()
            .Select(s => new StaffImportSchool(s.Id, s.Code, s.NameTh, s.IsActive)).ToListAsync(ct);
        SchoolNames = schools.ToDictionary(s => s.Id, s => s.NameTh);
        var emails = await db.Users.AsNoTracking().Select(u => u.NormalizedEmail!).ToListAsync(ct);
        var names = await db.Users.AsNoTracking().Select(u => u.NormalizedUserName!).ToListAsync(ct);
        using var stream = new MemoryStream(upload.Content, writable: false);
        return new StaffImportParser().Parse(stream, upload.FileName, new StaffImportContext(schools, emails, names));
    }

    private StaffImportSchool? ExampleSchool() =>
        db.Schools.AsNoTracking().Where(s => s.IsActive).OrderBy(s => s.Code)
            .Select(s => new StaffImportSchool(s.Id, s.Code, s.NameTh, s.IsActive)).FirstOrDefault();

    private Guid CurrentUserId => Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!);

    public string Describe(StaffImportError e) => StaffImportMessages.Describe(e, Thai);
}
