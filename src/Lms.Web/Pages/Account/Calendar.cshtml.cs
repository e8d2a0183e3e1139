using Lms.Infrastructure.Feeds;
using Lms.Web.Learning;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Lms.Web.Localization;

namespace Lms.Web.Pages.Account;

/// <summary>
/// The person's secret calendar link (ปฏิทินของฉัน) for a phone calendar. Only the token's hash is stored, so the link is
/// shown once, right after it is made; "reset" makes a new one and the old one stops working.
/// </summary>
public sealed class CalendarModel(CalendarFeeds feeds, IStringLocalizer<SharedResource> l) : PageModel
{
    [TempData] public string? StatusMessage { get; set; }
    public DateTime? IssuedAtUtc { get; private set; }
    /// <summary>The new link, only in the answer to the POST that made it.</summary>
    public string? FeedUrl { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) =>
        IssuedAtUtc = await feeds.IssuedAtAsync(LearnerContext.PersonId(User), ct);

    /// <summary>Makes the first link, or a new one in place of the old.</summary>
    public async Task<IActionResult> OnPostIssueAsync(CancellationToken ct)
    {
        var me = LearnerContext.PersonId(User);
        var token = await feeds.IssueAsync(me, ct);
        FeedUrl = CalendarFeedEndpoint.UrlFor(Request, token);
        IssuedAtUtc = await feeds.IssuedAtAsync(me, ct);
        // Not a redirect: the token exists only in this answer. It must not be cached anywhere.
        Response.Headers.CacheControl = "no-store";
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(CancellationToken ct)
    {
        await feeds.RevokeAsync(LearnerContext.PersonId(User), ct);
        StatusMessage = l["Your calendar link has been turned off."];
        return RedirectToPage();
    }
}
