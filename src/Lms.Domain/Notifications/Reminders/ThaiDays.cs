using Lms.Domain.Calendar;

namespace Lms.Domain.Notifications.Reminders;

/// <summary>
/// Reminders count in the days a Thai teacher lives by: local dates in Thailand (UTC+7, no daylight saving),
/// not 24-hour spans from an instant. "7 days before" a deadline on the 10th is the 3rd, all day long.
/// </summary>
public static class ThaiDays
{
    public static DateOnly LocalDate(DateTime utc) => DateOnly.FromDateTime(utc + FiscalYear.ThailandOffset);

    /// <summary>The UTC instant at which the local day begins (00:00 in Thailand).</summary>
    public static DateTime StartUtc(DateOnly localDate) =>
        DateTime.SpecifyKind(localDate.ToDateTime(TimeOnly.MinValue) - FiscalYear.ThailandOffset, DateTimeKind.Utc);

    /// <summary>
    /// The last local day before an exclusive end instant: a deadline stored as "00:00 on the 11th" (the end of
    /// the 10th) has the 10th as its last day.
    /// </summary>
    public static DateOnly LastDayBefore(DateTime endUtc) => LocalDate(endUtc.AddTicks(-1));
}
