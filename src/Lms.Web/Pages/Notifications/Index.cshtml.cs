using System.Security.Claims;
using Lms.Domain.Notifications;
using Lms.Infrastructure.Notifications;
using Lms.Infrastructure.Persistence;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Lms.Web.Localization;

namespace Lms.Web.Pages.Notifications;

/// <summary>The notification centre (การแจ้งเตือน): a person's own notifications, newest first, unread marked.</summary>
public sealed class IndexModel(LmsDbContext db, INotificationPush push, IOptions<NotificationOptions> options, TimeProvider clock,
    IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;
    public IReadOnlyList<NotificationView> Items { get; private set; } = [];
    public bool HasMore { get; private set; }
    public int Unread { get; private set; }
    [TempData] public string? StatusMessage { get; set; }

    private Guid PersonId => Guid.Parse(User.FindFirstValue(ClaimTypes.NameIdentifier)!);

    public async Task OnGetAsync(CancellationToken ct)
    {
        var size = options.Value.PageSize;
        PageNumber = Math.Clamp(PageNumber, 1, 10_000);
        var me = PersonId;
        var rows = await db.Notifications.AsNoTracking().Where(n => n.PersonId == me)
            .OrderByDescending(n => n.CreatedAtUtc).ThenByDescending(n => n.Id)
            .Skip((PageNumber - 1) * size).Take(size + 1)
            .Select(n => new NotificationView(n.Id, n.Kind, n.Title, n.Body, "", n.CreatedAtUtc, n.ReadAtUtc != null))
            .ToListAsync(ct);
        HasMore = rows.Count > size;
        Items = rows.Take(size).Select(v => v with { Url = NotificationView.OpenUrl(v.Id) }).ToList();
        Unread = await NotificationQueries.UnreadCountAsync(db, me, ct);
        // The layout's bell shows the same number: no second count.
        ViewData[Lms.Web.Notifications.BellCount.ViewDataKey] = Unread;
    }

    public async Task<IActionResult> OnPostMarkAllReadAsync(CancellationToken ct)
    {
        var me = PersonId;
        var now = clock.GetUtcNow().UtcDateTime;
        var marked = await db.Notifications.Where(n => n.PersonId == me && n.ReadAtUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAtUtc, now), ct);
        // Other tabs' bells go to zero too.
        if (marked > 0) await push.UnreadCountAsync(me, 0, ct);
        StatusMessage = l["All notifications are marked as read."];
        return RedirectToPage();
    }

    public string PageLink(int page) => Url.Page("/Notifications/Index", new { p = page })!;

    public static string KindName(NotificationKind kind) => Localization.DomainNames.Of(kind);
}
