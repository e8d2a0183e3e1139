using System.Security.Claims;
using Lms.Domain.Common;
using Lms.Domain.Notifications;
using Lms.Infrastructure.Notifications;
using Lms.Infrastructure.Persistence;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Lms.Web.Localization;

namespace Lms.Web.Pages.Account;

/// <summary>
/// How each kind of notification reaches me (การรับการแจ้งเตือน): in the app only, by e-mail too, or in a daily
/// digest e-mail. Every notification is in the app either way; quiet hours hold e-mails back at night.
/// </summary>
public sealed class NotificationsModel(LmsDbContext db, IOptions<NotificationOptions> options, TimeProvider clock,
    IStringLocalizer<SharedResource> l) : PageModel
{
    public static readonly NotificationKind[] Kinds = Enum.GetValues<NotificationKind>();
    public static readonly DeliveryChoice[] Choices = Enum.GetValues<DeliveryChoice>();

    /// <summary>The form: kind name → choice name (e.g. Choice[CertificateIssued] = DailyDigest).</summary>
    [BindProperty] public Dictionary<string, string> Choice { get; set; } = [];
    public Dictionary<NotificationKind, DeliveryChoice> Current { get; private set; } = [];
    public string? Email { get; private set; }
    public QuietHours Quiet => options.Value.QuietHours;
    [TempData] public string? StatusMessage { get; set; }

    private Guid PersonId => Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!);

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var wanted = new Dictionary<NotificationKind, DeliveryChoice>();
        foreach (var kind in Kinds)
        {
            // Names only: a number or an unknown word is refused, not taken as some choice.
            if (Choice.TryGetValue(kind.ToString(), out var value) && Choices.Select(c => c.ToString()).Contains(value, StringComparer.Ordinal))
                wanted[kind] = Enum.Parse<DeliveryChoice>(value);
            else
                ModelState.AddModelError(string.Empty, l["Please choose how \"{0}\" reaches you.", l[Localization.DomainNames.Of(kind)]]);
        }
        if (!ModelState.IsValid)
        {
            await LoadAsync(ct);
            foreach (var (kind, choice) in wanted) Current[kind] = choice; // keep what was chosen, nothing is saved
            return Page();
        }

        var me = PersonId;
        var now = clock.GetUtcNow().UtcDateTime;
        var prefs = await db.NotificationPreferences.FirstOrDefaultAsync(p => p.PersonId == me, ct);
        if (prefs is null) db.NotificationPreferences.Add(prefs = new NotificationPreferences(me, now));
        try
        {
            prefs.ChooseAll(wanted, now);
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (PostgresErrors.IsUniqueViolation(e))
        {
            // The same form saved twice at once (a double click in two tabs): the first one's row is there now.
            db.ChangeTracker.Clear();
            prefs = await db.NotificationPreferences.FirstAsync(p => p.PersonId == me, ct);
            prefs.ChooseAll(wanted, now);
            await db.SaveChangesAsync(ct);
        }
        catch (DomainException e)
        {
            ModelState.AddModelError(string.Empty, Localization.DomainErrors.Describe(e, l));
            await LoadAsync(ct);
            return Page();
        }
        StatusMessage = l["Your notification choices are saved."];
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var me = PersonId;
        var prefs = await db.NotificationPreferences.AsNoTracking().FirstOrDefaultAsync(p => p.PersonId == me, ct);
        Current = Kinds.ToDictionary(k => k, k => prefs?.ChoiceFor(k) ?? DeliveryDefaults.For(k));
        Email = await db.Users.Where(u => u.Id == me).Select(u => u.Email).FirstOrDefaultAsync(ct);
    }
}
