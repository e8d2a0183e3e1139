using Lms.Domain.Certificates;
using Lms.Domain.Common;
using Lms.Domain.Organisation;
using Lms.Infrastructure.Certificates.Issuing;
using Lms.Infrastructure.Persistence;
using Lms.Web.Learning;
using Lms.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Lms.Web.Pages.Admin.Certificates;

/// <summary>
/// Chooses the participants of a training event — by school and/or position, and/or a pasted list of sign-in names or
/// e-mail addresses (one per line, e.g. copied from the sign-up sheet) — and starts the batch. A list with a name that
/// matches nobody starts nothing and says which lines.
/// </summary>
public sealed class BatchModel(LmsDbContext db, CertificateAdministration admin, IStringLocalizer<SharedResource> l) : PageModel
{
    public TrainingEvent Event { get; private set; } = null!;
    public List<SelectListItem> Schools { get; private set; } = [];
    public List<SelectListItem> Positions { get; private set; } = [];
    [BindProperty] public Guid? SchoolId { get; set; }
    [BindProperty] public Position? Position { get; set; }
    [BindProperty] public string? People { get; set; }
    public IReadOnlyList<string> Unknown { get; private set; } = [];
    public string? ErrorMessage { get; private set; }
    [TempData] public string? StatusMessage { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid eventId, CancellationToken ct) =>
        await LoadAsync(eventId, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(Guid eventId, CancellationToken ct)
    {
        if (!await LoadAsync(eventId, ct)) return NotFound();
        var chosen = new HashSet<Guid>();
        if (SchoolId is not null || Position is not null)
        {
            var q = db.People.AsNoTracking().Where(p => p.IsActive && p.AnonymisedAtUtc == null);
            if (SchoolId is { } s) q = q.Where(p => p.SchoolId == s);
            if (Position is { } pos) q = q.Where(p => p.Position == pos);
            chosen.UnionWith(await q.Select(p => p.Id).ToListAsync(ct));
        }
        var lines = (People ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(x => x.Trim(',', ';')).Where(x => x.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (lines.Count > 0)
        {
            var normalised = lines.Select(x => x.ToUpperInvariant()).ToList();
            var found = await db.Users.AsNoTracking()
                .Where(u => normalised.Contains(u.NormalizedUserName!) || normalised.Contains(u.NormalizedEmail!))
                .Select(u => new { u.Id, u.NormalizedUserName, u.NormalizedEmail }).ToListAsync(ct);
            Unknown = lines.Where(x => !found.Any(u => u.NormalizedUserName == x.ToUpperInvariant() || u.NormalizedEmail == x.ToUpperInvariant())).ToList();
            if (Unknown.Count > 0) return Page(); // nothing is started from a list with mistakes
            chosen.UnionWith(found.Select(u => u.Id));
        }
        if (chosen.Count == 0)
        {
            ErrorMessage = l["Choose at least one person."];
            return Page();
        }
        try
        {
            var batch = await admin.StartBatchAsync(CertificateSubjectKind.TrainingEvent, eventId, chosen, LearnerContext.PersonId(User), ct);
            return RedirectToPage("/Admin/Certificates/Progress", new { batchId = batch.Id });
        }
        catch (DomainException e)
        {
            ErrorMessage = DomainErrors.Describe(e, l);
            return Page();
        }
    }

    private async Task<bool> LoadAsync(Guid eventId, CancellationToken ct)
    {
        var e = await db.TrainingEvents.AsNoTracking().FirstOrDefaultAsync(x => x.Id == eventId, ct);
        if (e is null) return false;
        Event = e;
        Schools = await Options.SchoolsAsync(db, ct);
        Positions = Options.Positions(l);
        return true;
    }
}
