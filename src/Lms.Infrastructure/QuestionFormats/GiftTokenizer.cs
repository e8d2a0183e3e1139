using static Lms.Infrastructure.QuestionFormats.GiftEscaping;

namespace Lms.Infrastructure.QuestionFormats;

/// <summary>A line of a GIFT file, trimmed, with its 1-based number.</summary>
internal readonly record struct GiftLine(int Number, string Text)
{
    public bool IsComment => Text.StartsWith("//", StringComparison.Ordinal);
}

/// <summary>
/// Splits a GIFT file into blocks of non-blank lines, as qformat_default::readdata and readquestions do
/// (question/format.php in moodle/moodle): a UTF-8 byte-order mark is dropped, every line is trimmed, and a
/// blank line ends a question. Line breaks may be LF, CRLF or a lone CR (old Mac files, which Moodle also reads).
/// </summary>
/// <remarks>
/// Deliberately unlike Moodle: a line holding only "0" is text here. Moodle tests lines with PHP's empty(),
/// which is true for "0", so it silently drops such a line and ends the question there.
/// </remarks>
internal static class GiftTokenizer
{
    public static IEnumerable<IReadOnlyList<GiftLine>> Blocks(string text)
    {
        var start = text.StartsWith('\uFEFF') ? 1 : 0;
        var block = new List<GiftLine>();
        var number = 0;
        while (start <= text.Length)
        {
            number++;
            var end = text.AsSpan(start).IndexOfAny('\r', '\n');
            var lineEnd = end < 0 ? text.Length : start + end;
            var line = PhpTrim(text[start..lineEnd]);
            if (line.Length == 0)
            {
                if (block.Count > 0)
                {
                    yield return block;
                    block = [];
                }
            }
            else
            {
                block.Add(new GiftLine(number, line));
            }
            if (end < 0) break;
            start = lineEnd + (text[lineEnd] == '\r' && lineEnd + 1 < text.Length && text[lineEnd + 1] == '\n' ? 2 : 1);
        }
        if (block.Count > 0) yield return block;
    }
}
