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
        var sb = new StringBuilder(value.Length);
        var lastWasSpace = false;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            // Zero-width spaces and joiners (category Cf) are invisible in Thai text pasted from
            // Word or LINE, but would make two equal names compare different. The (string, index)
            // overload also sees Cf characters outside the BMP, which arrive as surrogate pairs.
            if (CharUnicodeInfo.GetUnicodeCategory(value, i) == UnicodeCategory.Format)
            {
                if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1])) i++;
                continue;
            }
            // A lone surrogate (half of a character, from a broken client or a cut-off paste) and the
            // noncharacters U+FFFE/U+FFFF are not text, and Normalize throws on them: each becomes the
            // replacement character instead, so cleaning never fails on what a browser sent.
            if (c is '\uFFFE' or '\uFFFF')
            {
                sb.Append('\uFFFD');
                lastWasSpace = false;
                continue;
            }
            if (char.IsSurrogate(c))
            {
                if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
                {
                    sb.Append(c).Append(value[++i]);
                }
                else sb.Append('\uFFFD');
                lastWasSpace = false;
                continue;
            }
            if (char.IsWhiteSpace(c))
            {
                if (!lastWasSpace) sb.Append(' ');
                lastWasSpace = true;
                continue;
            }
            sb.Append(c);
            lastWasSpace = false;
        }
        // Normalise last: a removed zero-width character may have stood between a letter and its
        // mark, and NFC must see them together to compose or reorder them.
        return sb.ToString().Normalize(NormalizationForm.FormC).Trim();
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
