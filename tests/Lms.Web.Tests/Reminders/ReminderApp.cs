using Hangfire;
using Lms.Domain.Notifications;
using Lms.Domain.Notifications.Reminders;
using Lms.Infrastructure.Notifications.Reminders;
using Lms.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lms.Web.Tests.Reminders;

/// <summary>
/// The app with a clock the test moves (Thai days matter here) and the recurring scan switched off, so only the test
/// runs it — directly, or through Hangfire by triggering the recurring job. What was sent is read from the
/// notification centre's own rows.
/// </summary>
public sealed class ReminderApp : LmsAppFactory
{
    public ReminderApp()
    {
        UseFakeClock = true;
        With("Reminders:Cron", Cron.Never());
    }

    public DateTime Now => Clock.GetUtcNow().UtcDateTime;
    public DateOnly Today => ThaiDays.LocalDate(Now);

    /// <summary>Moves the clock forward to a Thai local day and hour (never back: the fake clock refuses).</summary>
    public void MoveTo(DateOnly localDay, int hour = 9) => Clock.SetUtcNow(new DateTimeOffset(ThaiDays.StartUtc(localDay).AddHours(hour)));

    public Task ScanAsync() => ScopeAsync(sp => sp.GetRequiredService<ReminderScanner>().ScanAsync(CancellationToken.None));

    /// <summary>What the person has in their notification centre of that kind (the notifier's rows), oldest first.</summary>
    public IReadOnlyList<Notification> Sent(Guid personId, NotificationKind kind) =>
        Db(db => db.Notifications.AsNoTracking().Where(n => n.PersonId == personId && n.Kind == kind)
            .OrderBy(n => n.CreatedAtUtc).ThenBy(n => n.OccasionKey).ToList());
}
