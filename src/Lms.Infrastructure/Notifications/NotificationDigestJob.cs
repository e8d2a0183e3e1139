using Hangfire;
using Lms.Domain.Notifications;
using Lms.Infrastructure.Email;
using Lms.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Lms.Infrastructure.Notifications;

/// <summary>
/// The daily digest: one e-mail per person listing their "daily digest" notifications not yet sent. A recurring job
/// (<see cref="RunAsync"/>, 07:00 Thailand time by default) hands each person with something to send to a job of
/// their own (<see cref="SendForAsync"/>), so one failing mailbox is retried alone and holds up nobody else.
/// Claims work as in <see cref="NotificationEmailJob"/>: claimed before sending, marked digested once the mail server
/// accepted the message, given back when sending failed.
/// </summary>
public sealed class NotificationDigestJob(LmsDbContext db, IEmailSender email, RelevanceChecks relevance, IBackgroundJobClient jobs,
    IOptions<NotificationOptions> options, IOptions<AppLinks> links, TimeProvider clock, ILogger<NotificationDigestJob> log)
{
    public const string RecurringId = "notifications:daily-digest";

    [JobDisplayName("Daily notification digest")]
    public async Task RunAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var people = await Pending(now).Select(n => n.PersonId).Distinct().ToListAsync(ct);
        foreach (var personId in people)
            jobs.Enqueue<NotificationDigestJob>(j => j.SendForAsync(personId, now, CancellationToken.None));
        log.LogInformation("Daily digest for {Count} people", people.Count);
    }

    /// <summary>One person's digest of what was made up to <paramref name="untilUtc"/> (the run's start).</summary>
    [JobDisplayName("Daily notification digest for {0}")]
    public async Task SendForAsync(Guid personId, DateTime untilUtc, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var allowed = options.Value.QuietHours.NextAllowedSendTime(now);
        if (allowed > now)
        {
            jobs.Schedule<NotificationDigestJob>(j => j.SendForAsync(personId, untilUtc, CancellationToken.None), allowed - now);
            return;
        }

        var person = await (from p in db.People.AsNoTracking()
                            join u in db.Users on p.Id equals u.Id
                            where p.Id == personId
                            select new { p.IsActive, u.Email }).FirstOrDefaultAsync(ct);
        var items = await Pending(untilUtc).Where(n => n.PersonId == personId).OrderBy(n => n.CreatedAtUtc).ThenBy(n => n.Id)
            .Select(n => new { n.Id, n.Kind, n.OccasionKey, n.Title, n.Body, n.Link, n.CreatedAtUtc }).ToListAsync(ct);
        if (person is null || items.Count == 0) return;
        if (!person.IsActive || !EmailAddresses.IsUsable(person.Email))
        {
            await DropAsync(items.Select(i => i.Id), person.IsActive ? EmailDropReason.NoEmailAddress : EmailDropReason.PersonInactive, now, ct);
            return;
        }

        var prefs = await db.NotificationPreferences.AsNoTracking().FirstOrDefaultAsync(p => p.PersonId == personId, ct);
        var keep = new List<Guid>();
        foreach (var item in items)
        {
            var choice = prefs?.ChoiceFor(item.Kind) ?? DeliveryDefaults.For(item.Kind);
            if (choice == DeliveryChoice.InAppOnly) await DropAsync([item.Id], EmailDropReason.ChoiceChanged, now, ct);
            else if (!await relevance.StillRelevantAsync(personId, item.Kind, item.OccasionKey, ct))
                await DropAsync([item.Id], EmailDropReason.NoLongerRelevant, now, ct);
            else keep.Add(item.Id);
        }
        if (keep.Count == 0) return;

        var leaseStart = now - options.Value.ClaimLease;
        var claimed = (await db.Database.SqlQuery<Guid>($"""
            UPDATE notifications SET email_claimed_at_utc = {now}
            WHERE id = ANY({keep.ToArray()}) AND digested_at_utc IS NULL AND dropped_at_utc IS NULL
              AND (email_claimed_at_utc IS NULL OR email_claimed_at_utc < {leaseStart})
            RETURNING id AS "Value"
            """).ToListAsync(ct)).ToHashSet();
        if (claimed.Count == 0) return; // another run has them

        var mail = NotificationEmails.Digest(person.Email!, items.Where(i => claimed.Contains(i.Id))
            .Select(i => new EmailItem(i.Title, i.Body, i.Link, i.CreatedAtUtc)).ToList(), now, links.Value);
        var ids = claimed.ToArray();
        try
        {
            await email.SendAsync(mail, ct);
        }
        catch
        {
            await db.Database.ExecuteSqlInterpolatedAsync(
                $"UPDATE notifications SET email_claimed_at_utc = NULL WHERE id = ANY({ids}) AND digested_at_utc IS NULL", CancellationToken.None);
            throw; // Hangfire retries
        }
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"UPDATE notifications SET digested_at_utc = {now} WHERE id = ANY({ids})", CancellationToken.None);
    }

    private IQueryable<Notification> Pending(DateTime untilUtc) => db.Notifications.AsNoTracking()
        .Where(n => n.Delivery == DeliveryChoice.DailyDigest && n.DigestedAtUtc == null && n.DroppedAtUtc == null
                    && n.CreatedAtUtc <= untilUtc);

    private Task DropAsync(IEnumerable<Guid> ids, EmailDropReason reason, DateTime now, CancellationToken ct)
    {
        var array = ids.ToArray();
        return db.Database.ExecuteSqlInterpolatedAsync($"""
            UPDATE notifications SET dropped_at_utc = {now}, drop_reason = {(int)reason}
            WHERE id = ANY({array}) AND digested_at_utc IS NULL AND dropped_at_utc IS NULL
            """, ct);
    }
}
