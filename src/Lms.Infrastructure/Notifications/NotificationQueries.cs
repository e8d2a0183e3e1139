using Lms.Domain.Notifications;
using Lms.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Lms.Infrastructure.Notifications;

/// <summary>The reads every page needs, compiled once (the bell is on every page a signed-in person opens).</summary>
public static class NotificationQueries
{
    /// <summary>One count on the partial index of unread rows (ix_notifications_unread).</summary>
    public static readonly Func<LmsDbContext, Guid, CancellationToken, Task<int>> UnreadCountAsync = EF.CompileAsyncQuery(
        (LmsDbContext db, Guid personId, CancellationToken ct) =>
            db.Notifications.Count(n => n.PersonId == personId && n.ReadAtUtc == null));

    /// <summary>A person's choice for one kind: what they stored, or the kind's default.</summary>
    public static async Task<DeliveryChoice> ChoiceForAsync(LmsDbContext db, Guid personId, NotificationKind kind, CancellationToken ct)
    {
        var prefs = await db.NotificationPreferences.AsNoTracking().FirstOrDefaultAsync(p => p.PersonId == personId, ct);
        return prefs?.ChoiceFor(kind) ?? DeliveryDefaults.For(kind);
    }
}
