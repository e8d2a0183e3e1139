using System.Globalization;
using Lms.Domain.Calendar;

namespace Lms.Web.Localization;

/// <summary>
/// Shows stored UTC instants as Thailand's local date in the reader's culture. Under th-TH the
/// calendar is the Buddhist Era (24 พ.ย. 2569); under English the Gregorian year.
/// </summary>
public static class DateDisplay
{
    public static DateTime ToThailandTime(DateTime utc) =>
        DateTime.SpecifyKind(utc, DateTimeKind.Utc).Add(FiscalYear.ThailandOffset);

    public static string Date(DateTime utc) =>
        ToThailandTime(utc).ToString("d MMM yyyy", CultureInfo.CurrentCulture);

    public static string DateAndTime(DateTime utc) =>
        ToThailandTime(utc).ToString("d MMM yyyy HH:mm", CultureInfo.CurrentCulture);

    public static string Date(DateTime? utc) => utc is { } v ? Date(v) : "";

    /// <summary>A date that is already Thailand's local date (a certificate's completion date, an event's day).</summary>
    public static string Date(DateOnly localDate) =>
        localDate.ToDateTime(TimeOnly.MinValue).ToString("d MMM yyyy", CultureInfo.CurrentCulture);

    /// <summary>"ปีงบประมาณ พ.ศ. 2570" / "Fiscal year 2027 (BE 2570)".</summary>
    public static string FiscalYearName(FiscalYear fy) =>
        CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "th"
            ? $"ปีงบประมาณ พ.ศ. {fy.BuddhistYear}"
            : $"Fiscal year {fy.GregorianEndYear} (BE {fy.BuddhistYear})";
}
