using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Lms.Domain.Common;

namespace Lms.Domain.Certificates;

/// <summary>
/// The office's numbering of certificates, e.g. <c>สพม.สท {n:0000}/{fy}</c> → "สพม.สท 0123/2569".
/// Placeholders: <c>{n}</c> the running number (required, exactly once; <c>{n:0000}</c> pads it with zeros to that many
/// digits), <c>{fy}</c> the fiscal year in the Buddhist Era. Other braces are refused so that a typo such as
/// <c>{N}</c> is caught when the template is saved, not when the first certificate is printed.
/// </summary>
public static partial class SerialNumberFormat
{
    public const string Default = "{n:0000}/{fy}";
    public const int MaxLength = 100;

    /// <summary>The cleaned format, or a <see cref="DomainException"/>.</summary>
    public static string Validate(string? format)
    {
        var f = Text.Required(format, "certificate.serial_format_required", MaxLength);
        var running = 0;
        var rest = Placeholder().Replace(f, m =>
        {
            if (m.Groups["n"].Success) running++;
            return "";
        });
        if (rest.Contains('{') || rest.Contains('}'))
            throw new DomainException("certificate.serial_format_unknown_placeholder", "Only {n}, {n:0000} and {fy} may be used.");
        if (running != 1)
            throw new DomainException("certificate.serial_format_needs_number", "The format must contain the running number {n} exactly once.");
        return f;
    }

    /// <summary>E.g. Format("สพม.สท {n:0000}/{fy}", 123, 2569) = "สพม.สท 0123/2569".</summary>
    public static string Format(string format, int running, int fiscalYearBuddhist)
    {
        if (running < 1) throw new DomainException("certificate.serial_running_invalid", "Running numbers start at 1.");
        var f = Validate(format);
        return Placeholder().Replace(f, m => m.Groups["n"].Success
            ? running.ToString(new string('0', Math.Max(1, m.Groups["pad"].Length)), CultureInfo.InvariantCulture)
            : fiscalYearBuddhist.ToString(CultureInfo.InvariantCulture));
    }

    [GeneratedRegex(@"\{(?:(?<n>n)(?::(?<pad>0{1,10}))?|fy)\}", RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();
}

/// <summary>How numbers, dates and hours are written on a certificate.</summary>
public static class CertificateText
{
    private static readonly string[] Months =
    [
        "มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน",
        "กรกฎาคม", "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม",
    ];

    /// <summary>"25 พฤศจิกายน พ.ศ. 2569" (or "๒๕ พฤศจิกายน พ.ศ. ๒๕๖๙"): the form of Thai official documents.
    /// Month names are spelled here, not taken from the culture data, so every server prints the same.</summary>
    public static string LongDate(DateOnly date, bool thaiDigits = false)
    {
        var text = string.Create(CultureInfo.InvariantCulture,
            $"{date.Day} {Months[date.Month - 1]} พ.ศ. {date.Year + Calendar.FiscalYear.BuddhistEraOffset}");
        return thaiDigits ? ToThaiDigits(text) : text;
    }

    /// <summary>"12 ชั่วโมง", "1.5 ชั่วโมง" (no trailing zeros).</summary>
    public static string CreditHours(decimal hours, bool thaiDigits = false)
    {
        var text = hours.ToString("0.##", CultureInfo.InvariantCulture) + " ชั่วโมง";
        return thaiDigits ? ToThaiDigits(text) : text;
    }

    /// <summary>Replaces 0–9 with ๐–๙ and leaves everything else.</summary>
    public static string ToThaiDigits(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text) sb.Append(c is >= '0' and <= '9' ? (char)('๐' + (c - '0')) : c);
        return sb.ToString();
    }
}
