using Lms.Infrastructure.Feeds;

namespace Lms.Web.Learning;

/// <summary>
/// <c>GET /calendar/{token}.ics</c>: a person's deadlines for phone calendars, which cannot sign in — the secret token
/// in the address is the credential (anonymous by design). Unknown, reset or malformed tokens get 404, the same
/// answer as for a page that does not exist.
/// </summary>
public static class CalendarFeedEndpoint
{
    public const string Pattern = "/calendar/{token}.ics";

    public static string UrlFor(HttpRequest request, string token) => $"{request.Scheme}://{request.Host}/calendar/{token}.ics";

    public static void MapCalendarFeed(this IEndpointRouteBuilder app) =>
        app.MapGet(Pattern, async (string token, HttpContext http, CalendarFeeds feeds, CancellationToken ct) =>
        {
            if (await feeds.PersonForAsync(token, ct) is not { } person) return Results.NotFound();
            var ics = await feeds.BuildAsync(person, $"{http.Request.Scheme}://{http.Request.Host}", ct);
            // Calendars poll every few hours; a private cache only, never a shared one (the address is a secret).
            http.Response.Headers.CacheControl = "private, max-age=300";
            http.Response.Headers["X-Robots-Tag"] = "noindex";
            return Results.Text(ics, "text/calendar; charset=utf-8");
        }).AllowAnonymous();
}
