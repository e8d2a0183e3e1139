using Hangfire;
using Lms.Domain.Notifications;
using Lms.Domain.Notifications.Reminders;
using Lms.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Lms.Web.Tests.Plc.Logbook;

/// <summary>
/// The app with a clock the test moves (meetings are held in the past, planned in the future, reminded the Thai day
/// before) and the reminder scan run only by the test.
/// </summary>
public sealed class LogbookApp : LmsAppFactory
{
    public LogbookApp()
    {
        UseFakeClock = true;
        With("Reminders:Cron", Cron.Never());
    }

    public DateTime Now => Clock.GetUtcNow().UtcDateTime;
    public DateOnly Today => ThaiDays.LocalDate(Now);

    /// <summary>Moves the clock forward to a Thai local day and hour (never back: the fake clock refuses).</summary>
    public void MoveTo(DateOnly localDay, int hour) => Clock.SetUtcNow(new DateTimeOffset(ThaiDays.StartUtc(localDay).AddHours(hour)));

    public IReadOnlyList<Notification> Sent(Guid personId, NotificationKind kind) =>
        Db(db => db.Notifications.AsNoTracking().Where(n => n.PersonId == personId && n.Kind == kind).OrderBy(n => n.CreatedAtUtc).ToList());
}
