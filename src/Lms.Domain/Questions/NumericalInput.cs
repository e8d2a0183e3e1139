using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Lms.Domain.Common;

namespace Lms.Domain.Questions;

/// <summary>
/// Reads a typed number the way Moodle's qtype_numerical_answer_processor does with its default separators
/// ('.' decimal point, ',' thousands): "2.5", "-3", ".5", "1e3", "3x10^8", "3×10**8", "1,000" (= 1000). A comma
/// is never a decimal comma, so "2,5" is 25, as in Moodle. Whatever follows the number is the unit ("2.5 cm").
/// Thai digits (๐–๙) are read as 0–9: Thai keyboards type them and they mean the same number.
/// </summary>
public static partial class NumericalInput
{
    /// <summary>No number a person types is this long; longer text is refused before any parsing work.</summary>
    private const int MaxLength = 1000;

    // Moodle's parse_response: digits and thousands separators, an optional point and decimals, an optional
    // exponent in any of the forms Moodle accepts. ASCII digits only ([0-9], not \d, which is every script's).
    [GeneratedRegex(@"^(?<int>[+-]?[0-9,]*)(?:\.(?<dec>[0-9]*))?(?:(?:[eE]|[x*×]10(?:\^|\*\*))(?<exp>[+-]?[0-9]+))?",
        RegexOptions.CultureInvariant)]
    private static partial Regex NumberStart();

    /// <summary>
    /// Reads <paramref name="text"/>: true with the value and the unit text after it (cleaned, "" when none), or
    /// false when it does not start with a number. Text after the number that starts like more number ("1.2.3",
    /// "2 5") is refused rather than taken as a unit: it is a mistyped number, not a unit.
    /// </summary>
    public static bool TryRead(string? text, out decimal value, out string unit)
    {
        value = 0m;
        unit = "";
        var s = Text.Clean(text);
        if (s.Length == 0 || s.Length > MaxLength) return false;
        s = AsciiDigits(s);

        var m = NumberStart().Match(s);
        var whole = m.Groups["int"].Value.Replace(",", "");
        var decimals = m.Groups["dec"].Value;
        var sign = whole.StartsWith('+') || whole.StartsWith('-') ? whole[..1] : "";
        var digits = whole[sign.Length..];
        if (digits.Length == 0 && decimals.Length == 0) return false; // ".", ",", "-", "frog", ".e8"

        var rest = s[m.Length..].Trim();
        if (rest.Length > 0 && (char.IsAsciiDigit(rest[0]) || rest[0] is '.' or ',')) return false;

        var number = new StringBuilder(sign).Append(digits.Length == 0 ? "0" : digits);
        if (decimals.Length > 0) number.Append('.').Append(decimals);
        if (m.Groups["exp"].Success) number.Append('e').Append(m.Groups["exp"].Value);
        // decimal, not double: "0.1 + tolerance" comparisons must be exact at the edge a teacher set.
        // Too big for decimal (1e400) is simply not a number we can grade.
        if (!decimal.TryParse(number.ToString(), NumberStyles.Float, CultureInfo.InvariantCulture, out value))
            return false;
        unit = rest;
        return true;
    }

    private static string AsciiDigits(string s)
    {
        if (!s.Any(c => c is >= '\u0E50' and <= '\u0E59')) return s;
        return string.Create(s.Length, s, (span, src) =>
        {
            for (var i = 0; i < src.Length; i++)
                span[i] = src[i] is >= '\u0E50' and <= '\u0E59' ? (char)('0' + (src[i] - '\u0E50')) : src[i];
        });
    }
}
