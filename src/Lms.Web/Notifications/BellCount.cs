using System.Security.Claims;
using Lms.Infrastructure.Notifications;
using Lms.Infrastructure.Persistence;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace Lms.Web.Notifications;

/// <summary>
/// The unread count the layout's bell shows. A page that already counted (the dashboard folds it into its one query,
/// the notification centre lists them) leaves it in ViewData; otherwise one count on the partial index of unread rows.
/// </summary>
public static class BellCount
{
    public const string ViewDataKey = "UnreadNotifications";

    public static async Task<int> ForAsync(ViewDataDictionary viewData, ClaimsPrincipal user, LmsDbContext db, CancellationToken ct)
    {
        if (viewData[ViewDataKey] is int counted) return counted;
        if (!Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var me)) return 0;
        try
        {
            return await NotificationQueries.UnreadCountAsync(db, me, ct);
        }
        catch (Exception e) when (e is Npgsql.NpgsqlException or InvalidOperationException && !ct.IsCancellationRequested)
        {
            // The bell is on every page, the error pages included: a database that is away must not also take
            // away the page that says so. The live connection brings the count once it is back.
            return 0;
        }
    }
}
