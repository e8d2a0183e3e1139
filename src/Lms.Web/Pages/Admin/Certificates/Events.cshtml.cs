using System.ComponentModel.DataAnnotations;
using Lms.Domain.Certificates;
using Lms.Domain.Common;
using Lms.Infrastructure.Persistence;
using Lms.Web.Learning;
using Lms.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Lms.Web.Pages.Admin.Certificates;

/// <summary>Face-to-face training events (การอบรม) whose participants get certificates in a batch.</summary>
public sealed class EventsModel(LmsDbContext db, IStringLocalizer<SharedResource> l, TimeProvider clock) : PageModel
{
    public sealed record Row(TrainingEvent Event, int Issued);
    public IReadOnlyList<Row> Events { get; private set; } = [];
    public List<SelectListItem> Templates { get; private set; } = [];
    [BindProperty] public EventInput Input { get; set; } = new();
    [TempData] public string? StatusMessage { get; set; }
    public string? ErrorMessage { get; private set; }

    public sealed class EventInput
    {
        [Required, StringLength(TrainingEvent.MaxNameLength)] public string Name { get; set; } = "";
        [Required] public DateOnly? HeldOn { get; set; }
        [Range(0, 1000)] public decimal CreditHours { get; set; }
        [Required] public Guid? TemplateId { get; set; }
    }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            await LoadAsync(ct);
            return Page();
        }
        // Only office-wide designs: an event belongs to no course.
        if (!await db.CertificateTemplates.AnyAsync(t => t.Id == Input.TemplateId && t.CourseId == null, ct))
        {
            ModelState.AddModelError("Input.TemplateId", l["Choose a certificate design."]);
            await LoadAsync(ct);
            return Page();
        }
        try
        {
            var e = new TrainingEvent(Guid.NewGuid(), Input.Name, Input.HeldOn!.Value, Input.CreditHours, Input.TemplateId!.Value,
                LearnerContext.PersonId(User), clock.GetUtcNow().UtcDateTime);
            db.TrainingEvents.Add(e);
            await db.SaveChangesAsync(ct);
            StatusMessage = l["The event was saved. Now choose its participants."];
            return RedirectToPage("/Admin/Certificates/Batch", new { eventId = e.Id });
        }
        catch (DomainException e)
        {
            ErrorMessage = DomainErrors.Describe(e, l);
            await LoadAsync(ct);
            return Page();
        }
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var events = await db.TrainingEvents.AsNoTracking().OrderByDescending(e => e.HeldOn).Take(200).ToListAsync(ct);
        var ids = events.Select(e => e.Id).ToList();
        var counts = await db.Certificates.Where(c => ids.Contains(c.SubjectId) && c.SupersededAtUtc == null)
            .GroupBy(c => c.SubjectId).Select(g => new { g.Key, N = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.N, ct);
        Events = events.Select(e => new Row(e, counts.GetValueOrDefault(e.Id))).ToList();
        Templates = await db.CertificateTemplates.AsNoTracking().Where(t => t.CourseId == null).OrderBy(t => t.Name)
            .Select(t => new SelectListItem(t.Name, t.Id.ToString())).ToListAsync(ct);
    }
}
