using Hangfire;
using Lms.Infrastructure.Notifications.Reminders;

namespace Lms.Web.Jobs;

/// <summary>
/// The recurring reminder pass (every 15 minutes by default, <c>Reminders:Cron</c>). Idempotent: an occasion is
/// notified once however often it runs. Not retried by Hangfire — the next run is a retry — and never two at once.
/// </summary>
public sealed class SendRemindersJob(ReminderScanner scanner)
{
    public const string RecurringId = "reminders";

    [AutomaticRetry(Attempts = 0)]
    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    public Task RunAsync(CancellationToken ct) => scanner.ScanAsync(ct);
}
