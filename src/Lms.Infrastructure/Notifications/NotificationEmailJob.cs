using Hangfire;
using Lms.Domain.Notifications;
using Lms.Infrastructure.Email;
using Lms.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Lms.Infrastructure.Notifications;

/// <summary>
/// Sends the e-mail of one "e-mail too" notification; a Hangfire job per notification, scheduled by the
/// <see cref="Notifier"/> for now or for the end of the quiet hours.
/// <para>
/// <b>Exactly once, as far as it can be.</b> Before sending, the job claims the row
/// (<c>UPDATE … SET email_claimed_at_utc WHERE emailed_at_utc IS NULL AND (no claim OR the claim's lease ran out)</c>);
/// only the job that claimed it sends, and <c>emailed_at_utc</c> is written once the mail server accepted the message.
/// A second run of the job (Hangfire retries, the sweep, a duplicate enqueue) finds it claimed or sent and does nothing.
/// When sending fails the claim is given back and the job fails, so Hangfire retries it.
/// The honest edge: if the process dies after the mail server accepted the message but before <c>emailed_at_utc</c> is
/// written (a few milliseconds), the claim's lease runs out and a later run sends it again — at least once, not exactly
/// once, because SMTP offers no way to ask whether a message was already accepted.
/// </para>
/// </summary>
public sealed class NotificationEmailJob(LmsDbContext db, IEmailSender email, RelevanceChecks relevance, IBackgroundJobClient jobs,
    IOptions<NotificationOptions> options, IOptions<AppLinks> links, TimeProvider clock, ILogger<NotificationEmailJob> log)
{
    public static string Schedule(IBackgroundJobClient jobs, Guid notificationId, TimeSpan delay) =>
        delay > TimeSpan.Zero
            ? jobs.Schedule<NotificationEmailJob>(j => j.SendAsync(notificationId, CancellationToken.None), delay)
            : jobs.Enqueue<NotificationEmailJob>(j => j.SendAsync(notificationId, CancellationToken.None));

    [JobDisplayName("Notification e-mail {0}")]
    public async Task SendAsync(Guid notificationId, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        // A retry (or a run an administrator started by hand) at night waits for the morning too.
        var allowed = options.Value.QuietHours.NextAllowedSendTime(now);
        if (allowed > now)
        {
            Schedule(jobs, notificationId, allowed - now);
            return;
        }

        var n = await (from x in db.Notifications.AsNoTracking()
                       where x.Id == notificationId && x.Delivery == DeliveryChoice.EmailToo
                             && x.EmailedAtUtc == null && x.DroppedAtUtc == null
                       join p in db.People on x.PersonId equals p.Id
                       join u in db.Users on x.PersonId equals u.Id
                       select new { x.PersonId, x.Kind, x.OccasionKey, x.Title, x.Body, x.Link, x.CreatedAtUtc, p.IsActive, u.Email })
            .FirstOrDefaultAsync(ct);
        if (n is null) return; // sent, dropped or unknown: nothing to do

        // The person may have changed their mind since; their choice now is what counts.
        switch (await NotificationQueries.ChoiceForAsync(db, n.PersonId, n.Kind, ct))
        {
            case DeliveryChoice.InAppOnly:
                await DropAsync(notificationId, EmailDropReason.ChoiceChanged, now, ct);
                return;
            case DeliveryChoice.DailyDigest:
                await db.Database.ExecuteSqlInterpolatedAsync($"""
                    UPDATE notifications SET delivery = {(int)DeliveryChoice.DailyDigest}, email_due_at_utc = NULL
                    WHERE id = {notificationId} AND emailed_at_utc IS NULL AND email_claimed_at_utc IS NULL AND dropped_at_utc IS NULL
                    """, ct);
                return;
        }
        if (!n.IsActive)
        {
            await DropAsync(notificationId, EmailDropReason.PersonInactive, now, ct);
            return;
        }
        if (!EmailAddresses.IsUsable(n.Email))
        {
            await DropAsync(notificationId, EmailDropReason.NoEmailAddress, now, ct);
            return;
        }
        if (!await relevance.StillRelevantAsync(n.PersonId, n.Kind, n.OccasionKey, ct))
        {
            log.LogInformation("Notification {Id} ({Kind} {Occasion}) is no longer relevant; its e-mail is dropped", notificationId, n.Kind, n.OccasionKey);
            await DropAsync(notificationId, EmailDropReason.NoLongerRelevant, now, ct);
            return;
        }

        var leaseStart = now - options.Value.ClaimLease;
        var claimed = await db.Database.ExecuteSqlInterpolatedAsync($"""
            UPDATE notifications SET email_claimed_at_utc = {now}
            WHERE id = {notificationId} AND emailed_at_utc IS NULL AND dropped_at_utc IS NULL
              AND (email_claimed_at_utc IS NULL OR email_claimed_at_utc < {leaseStart})
            """, ct);
        if (claimed == 0) return; // another run has it

        try
        {
            await email.SendAsync(NotificationEmails.Single(n.Email!, new EmailItem(n.Title, n.Body, n.Link, n.CreatedAtUtc), links.Value), ct);
        }
        catch
        {
            await db.Database.ExecuteSqlInterpolatedAsync(
                $"UPDATE notifications SET email_claimed_at_utc = NULL WHERE id = {notificationId} AND emailed_at_utc IS NULL", CancellationToken.None);
            throw; // Hangfire retries
        }
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"UPDATE notifications SET emailed_at_utc = {now} WHERE id = {notificationId}", CancellationToken.None);
    }

    /// <summary>
    /// The safety net of a recurring job: e-mails that are due (well past their time) but neither sent nor dropped —
    /// their job was lost, e.g. the process died between storing and scheduling — are scheduled again. Sending is
    /// idempotent, so one scheduled twice is still sent once.
    /// </summary>
    [JobDisplayName("Notification e-mails left behind")]
    public async Task SweepAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (options.Value.QuietHours.Contains(now)) return;
        var overdue = now - options.Value.ClaimLease;
        var ids = await db.Notifications.AsNoTracking()
            .Where(n => n.Delivery == DeliveryChoice.EmailToo && n.EmailedAtUtc == null && n.DroppedAtUtc == null
                        && n.EmailDueAtUtc < overdue && (n.EmailClaimedAtUtc == null || n.EmailClaimedAtUtc < overdue))
            .OrderBy(n => n.EmailDueAtUtc).Select(n => n.Id).Take(500).ToListAsync(ct);
        foreach (var id in ids) Schedule(jobs, id, TimeSpan.Zero);
        if (ids.Count > 0) log.LogWarning("Re-scheduled {Count} notification e-mails that were due but not sent", ids.Count);
    }

    private Task DropAsync(Guid id, EmailDropReason reason, DateTime now, CancellationToken ct) =>
        db.Database.ExecuteSqlInterpolatedAsync($"""
            UPDATE notifications SET dropped_at_utc = {now}, drop_reason = {(int)reason}
            WHERE id = {id} AND emailed_at_utc IS NULL AND dropped_at_utc IS NULL
            """, ct);
}

/// <summary>Which stored addresses can receive mail: an erased person's placeholder cannot.</summary>
public static class EmailAddresses
{
    public static bool IsUsable(string? address) =>
        !string.IsNullOrWhiteSpace(address) && address.Contains('@')
        && !address.EndsWith("@invalid.example", StringComparison.OrdinalIgnoreCase);
}
