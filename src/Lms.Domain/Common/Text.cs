using System.Globalization;
using System.Text;

namespace Lms.Domain.Common;

/// <summary>Normalisation shared by every entity that takes text from people or files.</summary>
public static class Text
{
    /// <summary>
    /// Trims, collapses runs of white space and normalises to Unicode NFC, so that Thai typed on
    /// different keyboards (or pasted from Word) compares equal and sorts correctly.
    /// </summary>
    public static string Clean(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return "";
        var s = value.Normalize(NormalizationForm.FormC).Trim();
        var sb = new StringBuilder(s.Length);
        var lastWasSpace = false;
        foreach (var c in s)
        {
            // Zero-width spaces and joiners (category Cf) are invisible in Thai text pasted from
            // Word or LINE, but would make two equal names compare different.
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format) continue;
            if (char.IsWhiteSpace(c))
            {
                if (!lastWasSpace) sb.Append(' ');
                lastWasSpace = true;
                continue;
            }
            sb.Append(c);
            lastWasSpace = false;
        }
        return sb.ToString().Trim();
    }

    public static string Required(string? value, string errorCode, int maxLength)
    {
        var s = Clean(value);
        if (s.Length == 0) throw new DomainException(errorCode, $"A value is required ({errorCode}).");
        if (s.Length > maxLength) throw new DomainException("text.too_long", $"Text longer than {maxLength} characters.");
        return s;
    }

    public static string Optional(string? value, int maxLength)
    {
        var s = Clean(value);
        if (s.Length > maxLength) throw new DomainException("text.too_long", $"Text longer than {maxLength} characters.");
        return s;
    }
}
