using Hangfire;
using Lms.Domain.Notifications;
using Lms.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Lms.Infrastructure.Notifications;

/// <summary>
/// Stores a notification once per (person, kind, occasion), pushes it to the person's open pages and, as the person
/// chose for that kind, schedules its e-mail for now or for the end of the quiet hours. A daily-digest notification
/// simply waits for the digest job.
/// <para>
/// It writes through a context of its own, committed at once: call it after your own change is committed. A caller's
/// open transaction is not joined, so a sending job can never look for a row that is not yet visible. Should the
/// process die between the insert and the scheduling, the e-mail sweep (<see cref="NotificationEmailJob.SweepAsync"/>)
/// finds the unsent e-mail and sends it.
/// </para>
/// </summary>
public sealed class Notifier(IDbContextFactory<LmsDbContext> contexts, IBackgroundJobClient jobs, INotificationPush push,
    IOptions<NotificationOptions> options, TimeProvider clock, ILogger<Notifier> log) : INotifier
{
    public async Task<bool> NotifyAsync(NotificationRequest request, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await contexts.CreateDbContextAsync(ct);
        // Nobody is told anything they cannot sign in to read (deactivated, erased): nothing is stored for them.
        var active = await db.People.AsNoTracking().Where(p => p.Id == request.PersonId).Select(p => (bool?)p.IsActive)
            .FirstOrDefaultAsync(ct);
        if (active != true)
        {
            log.LogInformation("Notification {Kind} {Occasion} not stored: person {Person} is not active",
                request.Kind, request.OccasionKey, request.PersonId);
            return false;
        }

        var choice = await NotificationQueries.ChoiceForAsync(db, request.PersonId, request.Kind, ct);
        DateTime? emailDue = choice == DeliveryChoice.EmailToo ? options.Value.QuietHours.NextAllowedSendTime(now) : null;
        // The domain checks the request (a title, an app-relative link …) before anything is written.
        var n = new Notification(Guid.CreateVersion7(), request.PersonId, request.Kind, request.OccasionKey, request.Title,
            request.Body, request.Link, choice, now, emailDue);

        var stored = await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO notifications (id, person_id, kind, occasion_key, title, body, link, created_at_utc, delivery, email_due_at_utc)
            VALUES ({n.Id}, {n.PersonId}, {(int)n.Kind}, {n.OccasionKey}, {n.Title}, {n.Body}, {n.Link}, {n.CreatedAtUtc},
                    {(int)n.Delivery}, {n.EmailDueAtUtc})
            ON CONFLICT (person_id, kind, occasion_key) DO NOTHING
            """, ct) == 1;
        if (!stored) return false;

        if (n.EmailDueAtUtc is { } due) NotificationEmailJob.Schedule(jobs, n.Id, due - now);
        try
        {
            var unread = await NotificationQueries.UnreadCountAsync(db, n.PersonId, ct);
            await push.NotifyAsync(n.PersonId, new NotificationView(n.Id, n.Kind, n.Title, n.Body, NotificationView.OpenUrl(n.Id),
                n.CreatedAtUtc, false), unread, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Stored is what counts: the page shows it at the next load.
            log.LogWarning(e, "Live push of notification {Id} failed", n.Id);
        }
        return true;
    }
}
