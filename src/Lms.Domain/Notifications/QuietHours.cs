using Lms.Domain.Calendar;
using Lms.Domain.Common;

namespace Lms.Domain.Notifications;

/// <summary>
/// The hours in which no e-mail is sent (by default 21:00–07:00 Thailand time, UTC+7 with no daylight saving).
/// The start is quiet, the end is not: a notification at exactly 21:00 waits, one at 07:00 goes.
/// A window whose start is after its end runs across midnight; start = end means no quiet hours.
/// </summary>
public sealed record QuietHours
{
    public static readonly QuietHours Default = new(new TimeOnly(21, 0), new TimeOnly(7, 0));

    public TimeOnly Start { get; }
    public TimeOnly End { get; }

    public QuietHours(TimeOnly start, TimeOnly end)
    {
        if (start.Second != 0 || start.Millisecond != 0 || end.Second != 0 || end.Millisecond != 0)
            throw new DomainException("quiet_hours.whole_minutes", "Quiet hours start and end on whole minutes.");
        (Start, End) = (start, end);
    }

    /// <summary>True when <paramref name="utc"/> falls inside the quiet hours (in Thailand's time).</summary>
    public bool Contains(DateTime utc)
    {
        if (Start == End) return false;
        var local = TimeOnly.FromDateTime(ThailandTime(utc));
        return Start < End
            ? local >= Start && local < End
            : local >= Start || local < End; // across midnight
    }

    /// <summary>
    /// When an e-mail due at <paramref name="nowUtc"/> may be sent: now, or the end of the quiet hours it falls in
    /// (the same night's morning, whether it is before or after midnight).
    /// </summary>
    public DateTime NextAllowedSendTime(DateTime nowUtc)
    {
        var utc = DateTime.SpecifyKind(nowUtc, DateTimeKind.Utc);
        if (!Contains(utc)) return utc;
        var local = ThailandTime(utc);
        var endToday = local.Date + End.ToTimeSpan();
        var endLocal = endToday > local ? endToday : endToday.AddDays(1);
        return DateTime.SpecifyKind(endLocal - FiscalYear.ThailandOffset, DateTimeKind.Utc);
    }

    private static DateTime ThailandTime(DateTime utc) =>
        DateTime.SpecifyKind(DateTime.SpecifyKind(utc, DateTimeKind.Utc) + FiscalYear.ThailandOffset, DateTimeKind.Unspecified);
}
