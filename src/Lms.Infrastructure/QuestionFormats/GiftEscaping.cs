using System.Globalization;
using System.Text;

namespace Lms.Infrastructure.QuestionFormats;

/// <summary>
/// GIFT's backslash escapes, PHP's trim, and the small text helpers Moodle's GIFT code relies on
/// (question/format/gift/format.php in moodle/moodle, qformat_gift::escapedchar_pre/escapedchar_post/repchar).
/// </summary>
internal static class GiftEscaping
{
    // Moodle swaps each escaped character for a placeholder such as "&&058;" before it looks for the answer
    // braces, so an escaped "{" is never taken for one, and swaps them back afterwards. Placeholders here are
    // Unicode noncharacters (U+FDD0..U+FDEF, "permanently reserved for internal use"); input that already
    // holds one is given U+FFFD instead, so a file can never forge an escape (Moodle's "&&058;" can be typed).
    private const char Colon = '\uFDD0', Hash = '\uFDD1', Equal = '\uFDD2', OpenBrace = '\uFDD3',
        CloseBrace = '\uFDD4', Tilde = '\uFDD5', NewLine = '\uFDD6';

    private static readonly char[] PhpWhitespace = [' ', '\t', '\n', '\r', '\0', '\x0B'];

    /// <summary>
    /// qformat_gift::escapedchar_pre: <c>\\</c> becomes a backslash, <c>\: \# \= \{ \} \~</c> become placeholders
    /// and <c>\n</c> a placeholder for a line break. Moodle does it in three str_replace passes ("\\" first);
    /// one left-to-right pass gives the same result.
    /// </summary>
    public static string Protect(string text)
    {
        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is >= '\uFDD0' and <= '\uFDEF')
            {
                sb.Append('\uFFFD');
                continue;
            }
            if (c == '\\' && i + 1 < text.Length)
            {
                char? mapped = text[i + 1] switch
                {
                    '\\' => '\\',
                    ':' => Colon,
                    '#' => Hash,
                    '=' => Equal,
                    '{' => OpenBrace,
                    '}' => CloseBrace,
                    '~' => Tilde,
                    'n' => NewLine,
                    _ => null,
                };
                if (mapped is { } m)
                {
                    sb.Append(m);
                    i++;
                    continue;
                }
            }
            sb.Append(c);
        }
        return sb.ToString();
    }

    /// <summary>qformat_gift::escapedchar_post: the placeholders back to the characters they stand for.</summary>
    public static string Restore(string text)
    {
        if (text.AsSpan().IndexOfAnyInRange('\uFDD0', '\uFDD6') < 0) return text;
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            sb.Append(c switch
            {
                Colon => ':',
                Hash => '#',
                Equal => '=',
                OpenBrace => '{',
                CloseBrace => '}',
                Tilde => '~',
                NewLine => '\n',
                _ => c,
            });
        }
        return sb.ToString();
    }

    /// <summary>
    /// qformat_gift::repchar: escapes <c>\ # = ~ { } :</c>, writes line breaks as <c>\n</c> and drops carriage returns,
    /// so every text stays on one line of the file.
    /// </summary>
    public static string Escape(string text)
    {
        var sb = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            switch (c)
            {
                case '\\' or '#' or '=' or '~' or '{' or '}' or ':':
                    sb.Append('\\').Append(c);
                    break;
                case '\n':
                    sb.Append("\\n");
                    break;
                case '\r':
                    break;
                default:
                    sb.Append(c);
                    break;
            }
        }
        return sb.ToString();
    }

    /// <summary>PHP's trim(): only space, tab, line breaks, NUL and vertical tab (a no-break space stays, as in Moodle).</summary>
    public static string PhpTrim(string text) => text.Trim(PhpWhitespace);

    public static bool IsPhpBlank(string text) => PhpTrim(text).Length == 0;

    /// <summary>A text for a line of its own (a comment, a category path): line breaks become spaces.</summary>
    public static string OneLine(string text) => text.Replace('\r', ' ').Replace('\n', ' ');

    /// <summary>
    /// PHP's strip_tags as Moodle's clean_param(PARAM_TEXT) uses it on names, in its essentials: a "&lt;" followed by a
    /// letter, "/", "!", "?" or another "&lt;" opens a tag, nested "&lt;" count, "&gt;" closes, and everything inside
    /// goes, to the end of the text if the tag never closes. A "&lt;" before anything else ("a &lt; b", "x &lt;= 5",
    /// "3&lt;4") stays, where PHP would strip from there to the next "&gt;". One linear pass; stripping again changes nothing.
    /// </summary>
    public static string StripTags(string text)
    {
        if (!text.Contains('<')) return text;
        var sb = new StringBuilder(text.Length);
        var depth = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (depth == 0)
            {
                if (c == '<' && i + 1 < text.Length && OpensTag(text[i + 1])) depth = 1;
                else sb.Append(c);
            }
            else if (c == '<')
            {
                depth++;
            }
            else if (c == '>')
            {
                depth--;
            }
        }
        return sb.ToString();

        static bool OpensTag(char next) => char.IsAsciiLetter(next) || next is '/' or '!' or '?' or '<';
    }

    /// <summary>A decimal without trailing zeros, so 3.0 and 3 are the same value and the same JSON.</summary>
    public static decimal Normalize(decimal value) => value / 1.0000000000000000000000000000m;

    public static string FormatNumber(decimal value) => Normalize(value).ToString(CultureInfo.InvariantCulture);

    /// <summary>PHP's is_numeric as far as decimals go: optional spaces and sign, digits, a point, an exponent.</summary>
    public static bool TryParseNumber(string text, out decimal value)
    {
        value = 0;
        var s = PhpTrim(text);
        if (s.Length == 0 || s.Length > 100) return false;
        if (!decimal.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed)) return false;
        value = Normalize(parsed);
        return true;
    }
}
