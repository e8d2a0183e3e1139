using Lms.Domain.Notifications;
using Lms.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Lms.Infrastructure.Notifications.Reminders;

/// <summary>
/// Sends one reminder and writes it in the ledger. Notify first, record second: a crash in between only makes the
/// next run notify again, which the notifier ignores (same person, kind and occasion) — nothing is lost, nothing doubled.
/// </summary>
public sealed class ReminderDelivery(INotifier notifier, LmsDbContext db, ILogger<ReminderDelivery> log)
{
    /// <returns>true when the notifier stored it now.</returns>
    public async Task<bool> SendAsync(NotificationRequest request, Guid subjectId, DateTime nowUtc, CancellationToken ct)
    {
        var stored = await notifier.NotifyAsync(request, ct);
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO sent_reminders (person_id, kind, occasion_key, subject_id, sent_at_utc)
            VALUES ({request.PersonId}, {(int)request.Kind}, {request.OccasionKey}, {subjectId}, {nowUtc})
            ON CONFLICT DO NOTHING
            """, ct);
        return stored;
    }

    /// <summary>Sends each, carrying on past one that fails (logged; the next run tries it again).</summary>
    public async Task<int> SendAllAsync(IEnumerable<(NotificationRequest Request, Guid SubjectId)> reminders, DateTime nowUtc, CancellationToken ct)
    {
        var sent = 0;
        foreach (var (request, subject) in reminders)
        {
            try
            {
                if (await SendAsync(request, subject, nowUtc, ct)) sent++;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "Reminder {Kind} {Occasion} for {Person} failed", request.Kind, request.OccasionKey, request.PersonId);
            }
        }
        return sent;
    }
}
