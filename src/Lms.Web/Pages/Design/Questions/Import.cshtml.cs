using System.Security.Claims;
using Lms.Domain.Common;
using Lms.Domain.Questions;
using Lms.Infrastructure.Importing;
using Lms.Infrastructure.Persistence;
using Lms.Infrastructure.QuestionBank;
using Lms.Infrastructure.QuestionFormats;
using Lms.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Lms.Web.Pages.Design.Questions;

/// <summary>
/// Importing a GIFT or Moodle XML file into a bank in two steps: upload → preview (the categories that will be made,
/// every question with its line, every problem with its line) → import. The file waits in PostgreSQL between the two
/// steps and is read again at import (never trusted from the form). Nothing is imported from a file with problems
/// unless the designer ticks "skip the questions with problems".
/// </summary>
[RequestSizeLimit(QuestionImportReader.MaxFileBytes + 64 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = QuestionImportReader.MaxFileBytes + 64 * 1024)]
public sealed class ImportModel(LmsDbContext db, QuestionImportReader reader, QuestionBankImporter importer, TimeProvider clock,
    IStringLocalizer<SharedResource> l, ILogger<ImportModel> log) : PageModel
{
    public const int MaxPreviewRows = 500;

    [BindProperty(SupportsGet = true)] public Guid? CourseId { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? CategoryId { get; set; }
    [BindProperty] public Guid UploadId { get; set; }
    [BindProperty] public bool Skip { get; set; }

    public string BankTitle { get; private set; } = "";
    public IReadOnlyList<BankOption> Banks { get; private set; } = [];
    public QuestionCategoryTree Tree { get; private set; } = new([]);
    public string? FileName { get; private set; }
    public ImportPlan? Plan { get; private set; }
    public IReadOnlyList<IReadOnlyList<string>> NewCategories { get; private set; } = [];
    public string? Error { get; private set; }
    public ImportOutcome? Outcome { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostUploadAsync(IFormFile? file, CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        if (file is null || file.Length == 0)
        {
            Error = l["Please choose a GIFT (.txt, .gift) or Moodle XML (.xml) file."];
            return Page();
        }
        if (file.Length > QuestionImportReader.MaxFileBytes)
        {
            Error = l["The file is larger than {0} MB.", QuestionImportReader.MaxFileBytes / 1024 / 1024];
            return Page();
        }
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        // Uploads nobody imported within a day are of no further use.
        await db.PendingUploads.Where(u => u.CreatedAtUtc < now.AddDays(-1)).ExecuteDeleteAsync(ct);
        var upload = new PendingUpload
        {
            Id = Guid.NewGuid(), OwnerId = Me, Kind = QuestionBankImporter.UploadKind,
            FileName = Path.GetFileName(file.FileName), Content = buffer.ToArray(), CreatedAtUtc = now,
        };
        db.PendingUploads.Add(upload);
        await db.SaveChangesAsync(ct);
        UploadId = upload.Id;
        await PlanAsync(upload, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostImportAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        var upload = await db.PendingUploads.AsNoTracking().FirstOrDefaultAsync(
            u => u.Id == UploadId && u.OwnerId == Me && u.Kind == QuestionBankImporter.UploadKind, ct);
        if (upload is null)
        {
            Error = l["This file has already been imported, or it is no longer available. Please check the bank, or upload it again."];
            return Page();
        }
        var plan = await PlanAsync(upload, ct);
        if (plan.ImportableCount == 0)
        {
            Error = l["Nothing was imported: no question in the file can be imported."];
            return Page();
        }
        if (plan.HasProblems && !Skip)
        {
            Error = l["Nothing was imported: the file has {0} problems. Correct the file and upload it again, or tick \"skip the questions with problems\".", plan.Problems.Count];
            return Page();
        }
        try
        {
            Outcome = await importer.ImportAsync(plan, Target(upload.FileName), Skip, upload.Id, Me, Me, ct);
        }
        catch (DomainException e)
        {
            Error = l["Nothing was imported: {0}", DomainErrors.Describe(e, l)];
            return Page();
        }
        if (Outcome.AlreadyImported)
            Error = l["This file has already been imported, or it is no longer available. Please check the bank, or upload it again."];
        else
            log.LogInformation("Imported {Count} questions from {File} into bank {Course}", Outcome.Imported, upload.FileName, CourseId);
        Plan = null;
        return Page();
    }

    public string Describe(ImportProblem p) => QuestionProblemText.Describe(p.Code, p.Message, l);

    private async Task<ImportPlan> PlanAsync(PendingUpload upload, CancellationToken ct)
    {
        FileName = upload.FileName;
        Plan = await reader.ReadAsync(upload.FileName, upload.Content, ct);
        NewCategories = await importer.NewCategoriesAsync(Plan, Target(upload.FileName), skipProblems: true, ct);
        return Plan;
    }

    private ImportTarget Target(string fileName)
    {
        var name = Text.Clean(Path.GetFileNameWithoutExtension(fileName));
        return new ImportTarget(CourseId, CategoryId, name.Length is > 0 and <= 255 ? name : l["Imported questions"]);
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var title = await db.BankTitleAsync(CourseId, l["Shared bank"], ct);
        if (title is null) return false;
        BankTitle = title;
        Banks = await db.OptionsAsync(l["Shared bank"], ct);
        Tree = await db.CategoryTreeAsync(CourseId, ct);
        return CategoryId is not { } id || Tree.Contains(id);
    }

    private Guid Me => Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!);
}
