using System.Text.RegularExpressions;

namespace Lms.Infrastructure.Importing;

/// <summary>
/// Finds a Thai national ID (13 digits, often written 1-2345-67890-12-3) anywhere in a cell.
/// The checksum is deliberately not verified: a mistyped ID is still personal data we must not store.
/// </summary>
internal static partial class NationalIdPattern
{
    [GeneratedRegex(@"(?<!\d)\d[- ]?\d{4}[- ]?\d{5}[- ]?\d{2}[- ]?\d(?!\d)", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();

    public static bool OccursIn(string value) => value.Length >= 13 && Pattern().IsMatch(value);
}
