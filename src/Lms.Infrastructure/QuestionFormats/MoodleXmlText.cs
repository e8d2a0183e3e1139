using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Lms.Domain.Questions;

namespace Lms.Infrastructure.QuestionFormats;

/// <summary>The small conversions Moodle's question/format/xml/format.php makes, in both directions.</summary>
internal static partial class MoodleXmlText
{
    /// <summary>PHP's trim(): space, tab, new lines, NUL and vertical tab, never U+00A0 (Moodle keeps no-break spaces).</summary>
    private static readonly char[] PhpWhiteSpace = [' ', '\t', '\n', '\r', '\0', '\x0B'];

    public static string Trim(string? value) => (value ?? "").Trim(PhpWhiteSpace);

    /// <summary>format.php trans_format: an unknown name is read as html, as Moodle does.</summary>
    public static TextFormat ToFormat(string? name) => Trim(name) switch
    {
        "plain_text" => TextFormat.Plain,
        "markdown" => TextFormat.Markdown,
        _ => TextFormat.Html, // html, moodle_auto_format, wiki_like and anything unknown
    };

    /// <summary>format.php get_format.</summary>
    public static string FormatName(TextFormat format) => format switch
    {
        TextFormat.Plain => "plain_text",
        TextFormat.Markdown => "markdown",
        _ => "html",
    };

    /// <summary>format.php trans_single: "false", "0" and nothing are false, anything else true.</summary>
    public static bool ToBool(string? value)
    {
        var trimmed = Trim(value);
        return !(trimmed.Length == 0 || trimmed == "0" || trimmed == "false");
    }

    public static bool TryParseNumber(string? text, out decimal value)
    {
        if (decimal.TryParse(Trim(text), NumberStyles.Float, CultureInfo.InvariantCulture, out value))
        {
            value = Normalize(value);
            return true;
        }

        return false;
    }

    /// <summary>The same number without trailing zeros, so that "1.0000000" and "1" read alike.</summary>
    public static decimal Normalize(decimal value) => value / 1.0000000000000000000000000000m;

    public static string Number(decimal value) => Normalize(value).ToString(CultureInfo.InvariantCulture);

    /// <summary>As Moodle's database prints marks and penalties: seven decimals.</summary>
    public static string Mark(decimal value) => value.ToString("0.0000000", CultureInfo.InvariantCulture);

    /// <summary>An answer's fraction as a percentage, the way Moodle writes it: 100, 50, 33.33333, -50.</summary>
    public static string Percent(decimal fraction) => Number(fraction * 100m);

    /// <summary>
    /// format.php clean_question_name: PARAM_TEXT drops tags (a '&lt;' before a space is not a tag, as in PHP's
    /// strip_tags), then trimmed and cut to 255 characters.
    /// </summary>
    public static string CleanName(string? name)
    {
        var cleaned = Trim(Tag().Replace(name ?? "", ""));
        return cleaned.Length <= 255 ? cleaned : cleaned[..255].TrimEnd();
    }

    [GeneratedRegex(@"<[A-Za-z/!?][^>]*>", RegexOptions.CultureInvariant)]
    private static partial Regex Tag();

    /// <summary>
    /// format.php split_category_path: '/' separates, '//' is a slash inside a name; then the context
    /// (<c>$course$</c>, <c>$module$</c>…) and Moodle's "top" category are dropped.
    /// </summary>
    public static IReadOnlyList<string> SplitCategoryPath(string path)
    {
        var names = CategorySeparator().Split(path)
            .Select(raw => CleanName(raw.Replace("//", "/", StringComparison.Ordinal)))
            .ToList();
        if (names.Count > 0 && ContextName().IsMatch(names[0])) names.RemoveAt(0);
        if (names.Count > 0 && names[0] == "top") names.RemoveAt(0);
        names.RemoveAll(n => n.Length == 0);
        return names;
    }

    /// <summary>format.php assemble_category_path, under <c>$course$/top</c> as Moodle 3.5 and later export.</summary>
    public static string AssembleCategoryPath(IReadOnlyList<string> names)
    {
        var builder = new StringBuilder("$course$/top");
        foreach (var name in names)
        {
            var escaped = name.Replace("/", "//", StringComparison.Ordinal);
            if (escaped.StartsWith('/')) escaped = " " + escaped;
            if (escaped.EndsWith('/')) escaped += " ";
            builder.Append('/').Append(escaped);
        }

        return builder.ToString();
    }

    [GeneratedRegex("(?<!/)/(?!/)", RegexOptions.CultureInvariant)]
    private static partial Regex CategorySeparator();

    [GeneratedRegex(@"^\$[a-z]+\$$", RegexOptions.CultureInvariant)]
    private static partial Regex ContextName();

    /// <summary>
    /// format.php xml_escape: text with markup goes in CDATA (a "]]&gt;" inside split in two), plain text as it is.
    /// A carriage return cannot survive CDATA (parsers turn CR LF into LF), so such a text is escaped instead.
    /// </summary>
    public static string Escape(string text)
    {
        text = RemoveInvalidXmlCharacters(text);
        if (text.Contains('\r')) return Attribute(text).Replace("\r", "&#13;", StringComparison.Ordinal);
        if (text.Length == 0 || text.AsSpan().IndexOfAny("&<>\"'") < 0) return text;
        return "<![CDATA[" + text.Replace("]]>", "]]]]><![CDATA[>", StringComparison.Ordinal) + "]]>";
    }

    /// <summary>Escapes a value for an attribute or a short element (names of files, units, id numbers).</summary>
    public static string Attribute(string text) =>
        RemoveInvalidXmlCharacters(text).Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal).Replace("\"", "&quot;", StringComparison.Ordinal);

    /// <summary>Characters XML 1.0 cannot carry at all (most control characters, lone surrogates) are left out.</summary>
    private static string RemoveInvalidXmlCharacters(string text)
    {
        var builder = default(StringBuilder);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var valid = char.IsSurrogate(c)
                ? char.IsHighSurrogate(c)
                    ? i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])
                    : i > 0 && char.IsHighSurrogate(text[i - 1])
                : System.Xml.XmlConvert.IsXmlChar(c);
            if (valid) builder?.Append(c);
            else builder ??= new StringBuilder(text, 0, i, text.Length);
        }

        return builder?.ToString() ?? text;
    }
}
