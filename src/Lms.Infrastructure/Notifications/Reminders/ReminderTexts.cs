using System.Globalization;
using Lms.Domain.Calendar;

namespace Lms.Infrastructure.Notifications.Reminders;

/// <summary>The Thai words of reminders: dates in the Buddhist Era, Thailand time (the th-TH calendar does the era).</summary>
internal static class ReminderTexts
{
    private static readonly CultureInfo Thai = new("th-TH");

    public static string Date(DateTime utc) =>
        DateTime.SpecifyKind(utc, DateTimeKind.Utc).Add(FiscalYear.ThailandOffset).ToString("d MMMM yyyy", Thai);

    public static string DateAndTime(DateTime utc) =>
        DateTime.SpecifyKind(utc, DateTimeKind.Utc).Add(FiscalYear.ThailandOffset).ToString("d MMMM yyyy เวลา HH:mm น.", Thai);

    /// <summary>A notification's title holds 200 characters; a long course title is cut with an ellipsis rather than refused.</summary>
    public const int TitleMaxLength = 200;

    public static string Title(string title) => title.Length <= TitleMaxLength ? title : title[..(TitleMaxLength - 1)] + "…";

    public static string Number(decimal value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
