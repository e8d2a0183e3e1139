using System.Security.Claims;
using Lms.Domain.Notifications;
using Lms.Infrastructure.Notifications;
using Lms.Infrastructure.Persistence;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Lms.Web.Pages.Notifications;

/// <summary>
/// A click on a notification: marks it read and goes where it leads. Only a person's own notifications open (anyone
/// else's is "not found"), and only to a page of this site: a link that is not app-relative — which the domain never
/// stores, but a row changed by hand might hold — leads back to the notification centre, never to another site.
/// </summary>
public sealed class OpenModel(LmsDbContext db, INotificationPush push, TimeProvider clock) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var me = Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!);
        var link = await db.Notifications.AsNoTracking().Where(n => n.Id == id && n.PersonId == me).Select(n => n.Link)
            .FirstOrDefaultAsync(ct);
        if (link is null) return NotFound();
        var now = clock.GetUtcNow().UtcDateTime;
        var marked = await db.Notifications.Where(n => n.Id == id && n.PersonId == me && n.ReadAtUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAtUtc, now), ct);
        if (marked > 0) await push.UnreadCountAsync(me, await NotificationQueries.UnreadCountAsync(db, me, ct), ct);
        return NotificationLink.IsAppRelative(link) && Url.IsLocalUrl(link) ? LocalRedirect(link) : RedirectToPage("/Notifications/Index");
    }
}
