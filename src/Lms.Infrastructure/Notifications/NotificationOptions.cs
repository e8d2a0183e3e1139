using Lms.Domain.Notifications;

namespace Lms.Infrastructure.Notifications;

/// <summary>Settings of the notification centre (section "Notifications").</summary>
public sealed class NotificationOptions
{
    public const string Section = "Notifications";

    /// <summary>No e-mail from this time (Thailand time, "HH:mm")…</summary>
    public string QuietHoursStart { get; set; } = "21:00";
    /// <summary>…until this time; e-mails due in between wait for it.</summary>
    public string QuietHoursEnd { get; set; } = "07:00";
    /// <summary>When the daily digest goes, as a cron expression in UTC: 00:00 UTC is 07:00 in Thailand, when quiet hours end.</summary>
    public string DigestCron { get; set; } = "0 0 * * *";
    /// <summary>How often e-mails that should have gone but did not (their job was lost) are looked for and sent.</summary>
    public string EmailSweepCron { get; set; } = "*/10 * * * *";
    /// <summary>
    /// How long a sending job's claim on a notification holds. A claim older than this, without a sent time, is
    /// taken to be from a process that died mid-send, and the e-mail may be sent again. Longer than a send can take
    /// (MailKit gives up on a silent server after 2 minutes), and no longer than Jobs:InvisibilityTimeout, so the job
    /// Hangfire gives to another worker after a crash finds the claim expired and sends.
    /// </summary>
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromMinutes(5);
    /// <summary>Notifications per page in the notification centre.</summary>
    public int PageSize { get; set; } = 20;

    public QuietHours QuietHours => new(TimeOnly.Parse(QuietHoursStart, System.Globalization.CultureInfo.InvariantCulture),
        TimeOnly.Parse(QuietHoursEnd, System.Globalization.CultureInfo.InvariantCulture));
}

/// <summary>The address people reach the app at (section "App"), for links that leave the app, as in e-mails.</summary>
public sealed class AppLinks
{
    public const string Section = "App";
    public string PublicBaseUrl { get; set; } = "http://localhost:5000";

    /// <summary>An app-relative link ("/Learn/…") as an absolute address for an e-mail.</summary>
    public string Absolute(string appRelative) => PublicBaseUrl.TrimEnd('/') + appRelative;
}
