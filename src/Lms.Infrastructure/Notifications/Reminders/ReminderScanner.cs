using Lms.Domain.Notifications;
using Microsoft.Extensions.Logging;

namespace Lms.Infrastructure.Notifications.Reminders;

/// <summary>
/// One pass of every enabled reminder rule at the current time (Hangfire runs it on <see cref="ReminderOptions.Cron"/>).
/// Safe to run twice or in parallel: each occasion is notified once. A rule that fails does not stop the others; the
/// pass then fails as a whole so the job shows it.
/// </summary>
public sealed class ReminderScanner(IEnumerable<IReminderRule> rules, ReminderSettingsStore store, TimeProvider clock,
    ILogger<ReminderScanner> log)
{
    public async Task<IReadOnlyDictionary<NotificationKind, int>> ScanAsync(CancellationToken ct)
    {
        var settings = await store.CurrentAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var sent = new Dictionary<NotificationKind, int>();
        var failures = new List<Exception>();
        foreach (var rule in rules)
        {
            if (!settings.IsEnabled(rule.Kind)) continue;
            try
            {
                sent[rule.Kind] = await rule.RunAsync(settings, now, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "Reminder rule {Kind} failed", rule.Kind);
                failures.Add(e);
            }
        }
        log.LogInformation("Reminders sent: {Sent}", string.Join(", ", sent.Select(s => $"{s.Key} {s.Value}")));
        if (failures.Count > 0) throw new AggregateException("Some reminder rules failed.", failures);
        return sent;
    }
}
