namespace Lms.Infrastructure.Notifications.Reminders;

/// <summary>How the reminder scan runs (section "Reminders"); what it reminds of is the administrators' ReminderSettings.</summary>
public sealed class ReminderOptions
{
    public const string Section = "Reminders";

    /// <summary>When Hangfire runs the scan (cron, UTC). Every 15 minutes: a deadline day or a quiz window is never missed by much.</summary>
    public string Cron { get; set; } = "*/15 * * * *";

    /// <summary>Learners read per statement: memory stays flat whatever the office's size.</summary>
    public int BatchSize { get; set; } = 500;
}
