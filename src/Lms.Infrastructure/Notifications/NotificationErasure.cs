using Lms.Domain.Notifications;
using Lms.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Lms.Infrastructure.Notifications;

/// <summary>
/// PDPA erasure of a person's notifications: their texts and links go (a title may name a course, a grade, a PLC
/// group), and no e-mail still waiting is sent. The rows stay, without text, so "never twice" still holds and
/// counts stay right. Their notification choices go too. Runs inside the caller's transaction.
/// </summary>
public static class NotificationErasure
{
    public static async Task EraseAsync(LmsDbContext db, Guid personId, DateTime nowUtc, CancellationToken ct)
    {
        await db.Notifications.Where(n => n.PersonId == personId).ExecuteUpdateAsync(s => s
            .SetProperty(n => n.Title, "")
            .SetProperty(n => n.Body, "")
            .SetProperty(n => n.Link, "/"), ct);
        await db.Notifications
            .Where(n => n.PersonId == personId && n.DroppedAtUtc == null && n.EmailedAtUtc == null && n.DigestedAtUtc == null
                        && n.Delivery != DeliveryChoice.InAppOnly)
            .ExecuteUpdateAsync(s => s
                .SetProperty(n => n.DroppedAtUtc, nowUtc)
                .SetProperty(n => n.DropReason, EmailDropReason.PersonInactive), ct);
        await db.NotificationPreferences.Where(p => p.PersonId == personId).ExecuteDeleteAsync(ct);
    }
}
