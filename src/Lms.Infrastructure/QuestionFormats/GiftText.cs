using System.Text.RegularExpressions;
using Lms.Domain.Questions;
using static Lms.Infrastructure.QuestionFormats.GiftEscaping;

namespace Lms.Infrastructure.QuestionFormats;

/// <summary>Moodle's four text formats as GIFT names them: <c>[moodle]</c> (the default), <c>[html]</c>, <c>[plain]</c>, <c>[markdown]</c>.</summary>
internal enum GiftTextFormat { Moodle, Html, Plain, Markdown }

/// <summary>A piece of GIFT text with its format marker taken off and its escapes undone.</summary>
internal readonly record struct GiftPart(string Text, GiftTextFormat Format);

/// <summary>
/// Format markers, default question names and category paths, as Moodle handles them
/// (question/format/gift/format.php and question/format.php in moodle/moodle).
/// </summary>
internal static partial class GiftText
{
    /// <summary>What Moodle calls a question whose name and text are both empty (lang string question/questionname).</summary>
    public const string FallbackName = "Question name";

    /// <summary>
    /// qformat_gift::parse_text_with_format: a leading <c>[html]</c>, <c>[moodle]</c>, <c>[plain]</c> or
    /// <c>[markdown]</c> sets the format and is removed; anything else in brackets stays part of the text and the
    /// format is <paramref name="defaultFormat"/> (the question text's, for answers and feedback). Then the
    /// escapes are undone and the text trimmed.
    /// </summary>
    public static GiftPart Parse(string text, GiftTextFormat defaultFormat)
    {
        var format = defaultFormat;
        if (text.StartsWith('['))
        {
            var end = text.IndexOf(']');
            if (end > 0 && FormatFromName(text[1..end]) is { } named)
            {
                format = named;
                text = text[(end + 1)..];
            }
        }
        return new GiftPart(PhpTrim(Restore(text)), format);
    }

    /// <summary>qformat_gift::format_name_to_const (names are case-sensitive there too).</summary>
    public static GiftTextFormat? FormatFromName(string name) => name switch
    {
        "moodle" => GiftTextFormat.Moodle,
        "html" => GiftTextFormat.Html,
        "plain" => GiftTextFormat.Plain,
        "markdown" => GiftTextFormat.Markdown,
        _ => null,
    };

    /// <summary>
    /// Moodle's auto-format ("moodle", GIFT's default) is HTML that Moodle also adds line breaks to; it is stored
    /// here as HTML, which is what Moodle's XML export of such questions carries too.
    /// </summary>
    public static TextFormat ToModel(GiftTextFormat format) => format switch
    {
        GiftTextFormat.Plain => TextFormat.Plain,
        GiftTextFormat.Markdown => TextFormat.Markdown,
        _ => TextFormat.Html,
    };

    public static string Marker(TextFormat format) => format switch
    {
        TextFormat.Plain => "[plain]",
        TextFormat.Markdown => "[markdown]",
        _ => "[html]",
    };

    /// <summary>
    /// qformat_default::clean_question_name: clean_param(PARAM_TEXT) (tags stripped), trimmed, at most 255 characters.
    /// </summary>
    public static string CleanName(string name)
    {
        name = PhpTrim(StripTags(name));
        var trimLength = 251;
        while (name.Length > 255 && trimLength > 0)
        {
            name = PhpTrim(Shorten(name, trimLength));
            trimLength -= 10;
        }
        return name;
    }

    /// <summary>qformat_default::create_default_question_name: the start of the question text, shortened to 80 characters.</summary>
    public static string DefaultName(string questionText)
    {
        var name = CleanName(Shorten(StripTags(questionText), 80));
        return name.Length > 0 ? name : FallbackName;
    }

    /// <summary>
    /// Moodle's shorten_text (lib/moodlelib.php) on text without tags: when longer than <paramref name="ideal"/>,
    /// cut so that with "..." it fits, after the last space or full stop; text in scripts of three UTF-8 bytes a
    /// character (Thai, CJK) is cut exactly there, since it has no spaces between words.
    /// </summary>
    public static string Shorten(string text, int ideal)
    {
        const string ending = "...";
        if (text.Length <= ideal) return text;
        var left = ideal - ending.Length;
        var breakPos = left;
        for (; breakPos > 0; breakPos--)
        {
            var c = text[breakPos];
            if (c is '.' or ' ' || c >= '\u0800')
            {
                breakPos++;
                break;
            }
        }
        if (breakPos == 0 || breakPos > left) breakPos = left;
        if (char.IsHighSurrogate(text[breakPos - 1])) breakPos--;
        return text[..breakPos] + ending;
    }

    /// <summary>
    /// The category path of a <c>$CATEGORY:</c> line, below the bank's top: qformat_default::split_category_path
    /// (names split on "/", "//" is a slash inside a name, each name trimmed and cleaned), then the context token
    /// (<c>$course$</c>, <c>$module$</c>, <c>$system$</c>, <c>$cat1$</c>…) and a leading "top" taken off, as
    /// create_category_path does. Empty names are dropped (Moodle would create a category with no name).
    /// </summary>
    public static IReadOnlyList<string> SplitCategoryPath(string path)
    {
        var names = SinglePathSlash().Split(path)
            .Select(raw => PhpTrim(StripTags(raw.Replace("//", "/", StringComparison.Ordinal))))
            .ToList();
        if (names.Count > 0 && ContextToken().IsMatch(names[0])) names.RemoveAt(0);
        if (names.Count > 0 && names[0] == "top") names.RemoveAt(0);
        return names.Where(n => n.Length > 0).ToArray();
    }

    /// <summary>
    /// qformat_default::assemble_category_path with Moodle's export prefix: <c>$course$/top/A/B</c>. A slash in a name
    /// is doubled (with a space where it would touch the separator); line breaks, which would end the line, become spaces.
    /// </summary>
    public static string AssembleCategoryPath(IReadOnlyList<string> names)
    {
        var parts = new List<string> { "$course$", "top" };
        foreach (var name in names)
        {
            var escaped = OneLine(name).Replace("/", "//", StringComparison.Ordinal);
            if (escaped.StartsWith('/')) escaped = " " + escaped;
            if (escaped.EndsWith('/')) escaped += " ";
            parts.Add(escaped);
        }
        return string.Join('/', parts);
    }

    [GeneratedRegex("(?<!/)/(?!/)", RegexOptions.CultureInvariant)]
    private static partial Regex SinglePathSlash();

    [GeneratedRegex(@"^\$[a-z0-9]+\$$", RegexOptions.CultureInvariant)]
    private static partial Regex ContextToken();
}
