using System.Globalization;
using System.Security.Claims;
using Lms.Domain.Calendar;
using Lms.Domain.Certificates;
using Lms.Domain.Common;
using Lms.Infrastructure.Certificates;
using Lms.Infrastructure.Files;
using Lms.Infrastructure.Persistence;
using Lms.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Lms.Web.Pages.Design.Certificates;

/// <summary>
/// Create (no id: name, owner, paper) or design a certificate template: background, fields, signatures, number format,
/// with a preview rendered from sample data (PNG in the page, PDF by link). Every upload and every field is checked
/// before anything is stored, so a refused form changes nothing.
/// </summary>
[RequestSizeLimit(MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxRequestBytes, ValueCountLimit = 4096)]
public sealed class EditModel(LmsDbContext db, TimeProvider clock, IFileStore files, UploadRules uploads,
    ICertificateRenderer renderer, IStringLocalizer<SharedResource> l) : PageModel
{
    /// <summary>A background and three signatures, each at most the image limit (10 MB by default), plus the form.</summary>
    private const long MaxRequestBytes = 50L * 1024 * 1024;
    public const int BlankFieldRows = 3;

    [BindProperty(SupportsGet = true)] public Guid? Id { get; set; }
    [BindProperty] public TemplateInput Input { get; set; } = new();
    public List<SelectListItem> CourseOptions { get; private set; } = [];
    public string? CourseTitle { get; private set; }
    public bool HasBackground { get; private set; }
    [TempData] public string? Saved { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Id is null)
        {
            await CourseOptionsAsync(ct);
            return Page();
        }
        var template = await db.CertificateTemplates.FirstOrDefaultAsync(t => t.Id == Id, ct);
        if (template is null) return NotFound();
        await ShowAsync(template, ct);
        Input = new TemplateInput
        {
            Name = template.Name, Orientation = template.Orientation, SerialNumberFormat = template.SerialNumberFormat,
            ThaiDigits = template.ThaiDigits, Version = ConcurrencyToken.Get(db, template),
            Fields = [.. template.Fields.Select(FieldRow.From), .. Enumerable.Range(0, BlankFieldRows).Select(_ => new FieldRow())],
            Signatures = Enumerable.Range(0, CertificateTemplate.MaxSignatures).Select(i => template.Signatures.ElementAtOrDefault(i) is { } s
                ? new SignatureRow { Name = s.Name, Position = s.Position, HasImage = s.ImageKey is not null }
                : new SignatureRow()).ToList(),
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(IFormFile? background, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (Id is null) return await CreateAsync(now, ct);

        var template = await db.CertificateTemplates.FirstOrDefaultAsync(t => t.Id == Id, ct);
        if (template is null) return NotFound();
        await ShowAsync(template, ct);
        PadRows();
        if (!ModelState.IsValid) return Page();

        // 1. Every upload is read and checked by its content before anything is stored.
        var backgroundImage = await ReadImageAsync(background, l["Background picture"], ct);
        var signatureImages = new Dictionary<int, CheckedImage>();
        for (var i = 0; i < CertificateTemplate.MaxSignatures; i++)
            if (await ReadImageAsync(Request.Form.Files.GetFile($"signatureImage{i}"), l["Signature {0} picture", i + 1], ct) is { } image)
                signatureImages[i] = image;

        // 2. Each field on its own, so the message can say which row is wrong.
        var fields = new List<CertificateField>();
        foreach (var (row, number) in Input.Fields.Select((r, i) => (r, i + 1)).Where(x => x.r.IsUsed))
        {
            try { fields.Add(row.ToField().Checked(Input.Orientation)); }
            catch (DomainException e) { ModelState.AddModelError(string.Empty, $"{l["Field {0}", number]}: {DomainErrors.Describe(e, l)}"); }
        }
        // Signature rows up to the last one with a name; an empty row before it is refused by the model.
        var lastNamed = Input.Signatures.FindLastIndex(s => !string.IsNullOrWhiteSpace(s.Name));
        var signatures = Input.Signatures.Take(lastNamed + 1).Select((s, i) => new CertificateSignature
        {
            Name = s.Name ?? "", Position = s.Position ?? "",
            ImageKey = s.RemoveImage ? null : template.Signatures.ElementAtOrDefault(i)?.ImageKey,
        }).ToList();
        if (signatureImages.Keys.Any(i => i > lastNamed))
            ModelState.AddModelError(string.Empty, l["A signature picture needs the signer's name in the same row."]);
        if (!ModelState.IsValid) return Page();

        try
        {
            ConcurrencyToken.Expect(db, template, Input.Version);
            template.Design(Input.Name, Input.Orientation, fields, signatures, Input.SerialNumberFormat ?? "", Input.ThaiDigits, now);
            // 3. Only a design the model accepted gets its pictures stored.
            if (backgroundImage is not null)
                template.ChangeBackground((await files.SaveAsync(new MemoryStream(backgroundImage.Bytes), backgroundImage.ContentType, ct)).Key, now);
            else if (Input.RemoveBackground)
                template.ChangeBackground(null, now);
            foreach (var (index, image) in signatureImages)
                template.ChangeSignatureImage(index, (await files.SaveAsync(new MemoryStream(image.Bytes), image.ContentType, ct)).Key, now);
            await db.SaveChangesAsync(ct);
            Saved = l["Template saved."];
            return Redirect($"/Design/Certificates/Edit/{template.Id}");
        }
        catch (DomainException e) { ModelState.AddModelError(string.Empty, DomainErrors.Describe(e, l)); }
        catch (DbUpdateConcurrencyException) { ModelState.AddModelError(string.Empty, l["Someone else changed this record at the same time. Please reload and try again."]); }
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(CancellationToken ct)
    {
        var template = await db.CertificateTemplates.FirstOrDefaultAsync(t => t.Id == Id, ct);
        if (template is null) return NotFound();
        // A design in use stays: issued certificates, training events and courses that award it point to it.
        if (await db.Certificates.AnyAsync(c => c.TemplateId == template.Id, ct)
            || await db.TrainingEvents.AnyAsync(e => e.TemplateId == template.Id, ct)
            || await db.Courses.AnyAsync(c => c.CertificateTemplateId == template.Id, ct))
        {
            TempData["DeleteRefused"] = l["This design is in use by a course, an event or issued certificates, so it cannot be deleted."].Value;
            return Redirect($"/Design/Certificates/Edit/{template.Id}");
        }
        db.CertificateTemplates.Remove(template);
        await db.SaveChangesAsync(ct);
        return Redirect("/Design/Certificates");
    }

    /// <summary>The saved template drawn with sample data, as a PNG (the page shows it).</summary>
    public async Task<IActionResult> OnGetPreviewAsync(int? width, CancellationToken ct)
    {
        var (template, content, images) = await SampleAsync(ct);
        if (template is null) return NotFound();
        var png = renderer.RenderPng(template, images, content!, Math.Clamp(width ?? 1000, 200, 2000));
        Response.Headers.CacheControl = "no-store";
        return File(png, "image/png");
    }

    /// <summary>The same sample as a PDF, opened in the browser.</summary>
    public async Task<IActionResult> OnGetPreviewPdfAsync(CancellationToken ct)
    {
        var (template, content, images) = await SampleAsync(ct);
        if (template is null) return NotFound();
        var pdf = renderer.RenderPdf(template, images, content!);
        Response.Headers.CacheControl = "no-store";
        return File(pdf, "application/pdf");
    }

    // ---- helpers ---------------------------------------------------------------------------------------

    private async Task<IActionResult> CreateAsync(DateTime now, CancellationToken ct)
    {
        await CourseOptionsAsync(ct);
        // Only the first form's fields count when creating; the layout starts from the default.
        foreach (var key in ModelState.Keys.Where(k => !k.StartsWith("Input.Name", StringComparison.Ordinal)).ToList()) ModelState.Remove(key);
        if (!ModelState.IsValid) return Page();
        if (Input.CourseId is { } courseId && !await db.Courses.AnyAsync(c => c.Id == courseId, ct))
        {
            ModelState.AddModelError(string.Empty, l["That course no longer exists."]);
            return Page();
        }
        try
        {
            var me = Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!);
            var template = new CertificateTemplate(Guid.NewGuid(), Input.Name, Input.CourseId, Input.Orientation, me, now);
            db.CertificateTemplates.Add(template);
            await db.SaveChangesAsync(ct);
            return Redirect($"/Design/Certificates/Edit/{template.Id}");
        }
        catch (DomainException e) { ModelState.AddModelError(string.Empty, DomainErrors.Describe(e, l)); }
        return Page();
    }

    private sealed record CheckedImage(byte[] Bytes, string ContentType);

    /// <summary>An uploaded picture, checked by its content (a picture type, name matching content, size limit) and
    /// decoded once, so a file that only starts like a PNG is refused now rather than when certificates are issued.</summary>
    private async Task<CheckedImage?> ReadImageAsync(IFormFile? file, string what, CancellationToken ct)
    {
        if (file is null || file.Length == 0) return null;
        await using var stream = file.OpenReadStream();
        var check = await uploads.CheckAsync(stream, file.FileName, FileCategory.Image, ct);
        if (!check.IsValid)
        {
            ModelState.AddModelError(string.Empty, $"{what}: {UploadMessages.Describe(check, CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "th")}");
            return null;
        }
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy, ct);
        var bytes = copy.ToArray();
        if (!CertificateImageCheck.CanDraw(bytes))
        {
            ModelState.AddModelError(string.Empty, $"{what}: {l["The picture could not be read. Please save it again as PNG or JPEG (at most 8000 pixels wide and high)."]}");
            return null;
        }
        return new(bytes, check.Type!.ContentType);
    }

    private async Task<(CertificateTemplate? Template, CertificateContent? Content, CertificateImages Images)> SampleAsync(CancellationToken ct)
    {
        var template = await db.CertificateTemplates.AsNoTracking().FirstOrDefaultAsync(t => t.Id == Id, ct);
        if (template is null) return (null, null, CertificateImages.None);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime + FiscalYear.ThailandOffset);
        var content = CertificateContent.Sample(template, today, $"{Request.Scheme}://{Request.Host}/verify/sample");
        if (template.CourseId is { } courseId
            && await db.Courses.AsNoTracking().Where(c => c.Id == courseId).Select(c => new { c.TitleTh, c.CreditHours }).FirstOrDefaultAsync(ct) is { } course)
            content = content with { CourseName = course.TitleTh, CreditHours = course.CreditHours };
        var images = await files.LoadCertificateImagesAsync(template, ct);
        return (template, content, images);
    }

    private async Task ShowAsync(CertificateTemplate template, CancellationToken ct)
    {
        HasBackground = template.BackgroundImageKey is not null;
        CourseTitle = template.CourseId is { } c ? await db.Courses.Where(x => x.Id == c).Select(x => x.TitleTh).FirstOrDefaultAsync(ct) : null;
        for (var i = 0; i < Input.Signatures.Count; i++)
            Input.Signatures[i].HasImage = template.Signatures.ElementAtOrDefault(i)?.ImageKey is not null;
    }

    /// <summary>After a refused post the form shows what was sent, with blank rows to add fields and all three signatures.</summary>
    private void PadRows()
    {
        while (Input.Fields.Count(r => r.Kind is null) < BlankFieldRows) Input.Fields.Add(new FieldRow());
        while (Input.Signatures.Count < CertificateTemplate.MaxSignatures) Input.Signatures.Add(new SignatureRow());
        if (Input.Signatures.Count > CertificateTemplate.MaxSignatures) Input.Signatures = Input.Signatures.Take(CertificateTemplate.MaxSignatures).ToList();
    }

    private async Task CourseOptionsAsync(CancellationToken ct) =>
        CourseOptions = await db.Courses.AsNoTracking().OrderByDescending(c => c.FiscalYear).ThenBy(c => c.TitleTh)
            .Select(c => new SelectListItem(c.TitleTh + " (" + c.FiscalYear + ")", c.Id.ToString())).ToListAsync(ct);
}
