using System.Collections.Concurrent;
using Hangfire;
using Lms.Domain.Notifications;
using Lms.Domain.Notifications.Reminders;
using Lms.Infrastructure.Notifications;
using Lms.Infrastructure.Notifications.Reminders;
using Lms.Web.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Lms.Web.Tests.Reminders;

/// <summary>
/// Stands in for the notification centre until its Notifier is on main: keeps what was notified, once per
/// (person, kind, occasion) — the contract of <see cref="INotifier"/>.
/// </summary>
public sealed class RecordingNotifier : INotifier
{
    private readonly ConcurrentDictionary<(Guid, NotificationKind, string), NotificationRequest> stored = new();

    public Task<bool> NotifyAsync(NotificationRequest request, CancellationToken ct) =>
        Task.FromResult(stored.TryAdd((request.PersonId, request.Kind, request.OccasionKey), request));

    public IReadOnlyList<NotificationRequest> For(Guid personId, NotificationKind kind) =>
        stored.Values.Where(n => n.PersonId == personId && n.Kind == kind).OrderBy(n => n.OccasionKey).ToList();
}

/// <summary>
/// The app with a clock the test moves (Thai days matter here) and the recurring scan switched off, so only the test
/// runs it — directly, or through Hangfire by triggering the recurring job.
/// </summary>
public sealed class ReminderApp : LmsAppFactory
{
    public RecordingNotifier Notifications { get; } = new();

    public ReminderApp()
    {
        UseFakeClock = true;
        With("Reminders:Cron", Cron.Never());
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<INotifier>(Notifications));
    }

    public DateTime Now => Clock.GetUtcNow().UtcDateTime;
    public DateOnly Today => ThaiDays.LocalDate(Now);

    /// <summary>Moves the clock forward to a Thai local day and hour (never back: the fake clock refuses).</summary>
    public void MoveTo(DateOnly localDay, int hour = 9) => Clock.SetUtcNow(new DateTimeOffset(ThaiDays.StartUtc(localDay).AddHours(hour)));

    public Task ScanAsync() => ScopeAsync(sp => sp.GetRequiredService<ReminderScanner>().ScanAsync(CancellationToken.None));

    public IReadOnlyList<NotificationRequest> Sent(Guid personId, NotificationKind kind) => Notifications.For(personId, kind);
}
