using System.Globalization;
using System.Security.Claims;
using Lms.Domain.Common;
using Lms.Infrastructure.Plc;
using Lms.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Lms.Web.Pages.Admin.Plc;

/// <summary>The office's PLC settings: the yearly target of approved PLC hours per teacher (ชั่วโมง PLC ต่อปี).</summary>
public sealed class IndexModel(PlcSettingsStore store, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty] public string? YearlyTargetHours { get; set; }
    [BindProperty] public uint Version { get; set; }
    [TempData] public string? StatusMessage { get; set; }
    public DateTime? UpdatedAtUtc { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var stored = await store.ReadAsync(ct);
        YearlyTargetHours = stored.Settings.YearlyTargetHours.ToString("0.##", CultureInfo.InvariantCulture);
        Version = stored.Version;
        UpdatedAtUtc = stored.UpdatedAtUtc;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        // Taken as text so a wrong entry gets a Thai message; "50" and "50.5" (a dot or a comma) are hours.
        if (!decimal.TryParse((YearlyTargetHours ?? "").Trim().Replace(',', '.'), NumberStyles.Number, CultureInfo.InvariantCulture, out var target))
        {
            ModelState.AddModelError(nameof(YearlyTargetHours), l["Enter the number of hours, e.g. 50."]);
            return Page();
        }
        try
        {
            var me = Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!);
            await store.SaveAsync(target, Version, me, clock.GetUtcNow().UtcDateTime, ct);
            StatusMessage = l["The PLC settings have been saved."];
            return RedirectToPage();
        }
        catch (DomainException e) { ModelState.AddModelError(nameof(YearlyTargetHours), DomainErrors.Describe(e, l)); }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError(string.Empty, l["Someone else changed this record at the same time. Please reload and try again."]);
        }
        return Page();
    }
}
