using System.Text;
using Lms.Domain.Questions;
using Lms.Infrastructure.QuestionFormats;

namespace Lms.Web.Tests.QuestionFormats;

/// <summary>Random GIFT-ish files for the never-throws and round-trip properties (seeded: failures repeat).</summary>
internal static class GiftFuzz
{
    private static readonly string[] Bits =
    [
        "a", "b", "ครู", "ก", "๑", " ", " ", "\t", "{", "}", "~", "=", "#", ":", "::", "->", "-", ">", "%", "%50%", "%-100%",
        "%33%", "%33.33333%", "%100%", "\\", "\\{", "\\}", "\\=", "\\~", "\\#", "\\:", "\\n", "\\\\", "[html]", "[plain]",
        "[markdown]", "[moodle]", "[x]", "[", "]", "T", "TRUE", "F", "FALSE", "####", "..", "1", "2.5", "-3", "1e3", "*",
        "_____", "\n", "//", "<b>", "</b>", "<", "<<", "<=", ">", "\uFDD0", "\uFEFF", "0", "[id:x]", "[tag:y]", "$CATEGORY:", "\u00A0",
    ];

    private static string Soup(Random random, int max)
    {
        var sb = new StringBuilder();
        var count = random.Next(max + 1);
        for (var i = 0; i < count; i++) sb.Append(Bits[random.Next(Bits.Length)]);
        return sb.ToString();
    }

    private static string Word(Random random) =>
        new[] { "ครู", "นักเรียน", "answer", "x", "1:2", "a = b", "c ~ d", "{e}", "#f", "[g]", "%h%", "i -> j", "\\k" }[random.Next(13)];

    private static string Escaped(Random random)
    {
        var word = Word(random);
        var sb = new StringBuilder();
        foreach (var c in word)
        {
            if (c is '\\' or '#' or '=' or '~' or '{' or '}' or ':') sb.Append('\\');
            sb.Append(c);
        }
        return random.Next(4) == 0 ? Soup(random, 3) + sb : sb.ToString();
    }

    private static string Weight(Random random) =>
        new[] { "", "", "%50%", "%-50%", "%100%", "%33.33333%", "%0%", "%25%", "%33%" }[random.Next(9)];

    private static string Answers(Random random)
    {
        var n = random.Next(1, 5);
        var parts = new List<string>();
        switch (random.Next(8))
        {
            case 0:
                for (var i = 0; i < n + 1; i++) parts.Add((i == 0 ? "=" : "~" + Weight(random)) + Escaped(random) + (random.Next(2) == 0 ? "#" + Escaped(random) : ""));
                break;
            case 1:
                for (var i = 0; i < n + 1; i++) parts.Add("~" + new[] { "%50%", "%-100%", "%50%", "" }[i % 4] + Escaped(random));
                break;
            case 2:
                for (var i = 0; i < n; i++) parts.Add("=" + Weight(random) + Escaped(random) + "#" + Escaped(random));
                break;
            case 3:
                parts.Add("#");
                for (var i = 0; i < n; i++) parts.Add("=" + Weight(random) + new[] { "1", "2.5:0.5", "1..5", "-3:1", "*", "x" }[random.Next(6)] + "#" + Escaped(random));
                if (random.Next(2) == 0) parts.Add("~#" + Escaped(random));
                break;
            case 4:
                for (var i = 0; i < n + 1; i++) parts.Add("=" + (random.Next(4) == 0 ? "" : Escaped(random)) + " -> " + Escaped(random));
                break;
            case 5:
                parts.Add(new[] { "T", "TRUE", "F", "FALSE" }[random.Next(4)] + (random.Next(2) == 0 ? "#" + Escaped(random) + "#" + Escaped(random) : ""));
                break;
            case 6:
                break;
            default:
                parts.Add(Soup(random, 8));
                break;
        }
        if (random.Next(3) == 0) parts.Add("####" + Escaped(random));
        return string.Join(random.Next(2) == 0 ? "\n" : " ", parts);
    }

    private static string Question(Random random)
    {
        var sb = new StringBuilder();
        if (random.Next(3) == 0) sb.Append("// [id:").Append(random.Next(100)).Append("] [tag:").Append(Word(random)).Append("]\n");
        if (random.Next(4) != 0) sb.Append("::").Append(Escaped(random)).Append("::");
        sb.Append(new[] { "", "", "[html]", "[plain]", "[markdown]", "[moodle]" }[random.Next(6)]);
        sb.Append(Escaped(random)).Append(' ').Append(Escaped(random));
        if (random.Next(6) != 0) sb.Append('{').Append(Answers(random)).Append('}');
        if (random.Next(4) == 0) sb.Append(Escaped(random));
        if (random.Next(10) == 0) sb.Append(Soup(random, 6));
        return sb.ToString();
    }

    public static string File(Random random)
    {
        var sb = new StringBuilder();
        if (random.Next(10) == 0) sb.Append('\uFEFF');
        var count = random.Next(1, 8);
        for (var i = 0; i < count; i++)
        {
            if (random.Next(6) == 0) sb.Append("$CATEGORY: $course$/top/").Append(Word(random).Replace("/", "", StringComparison.Ordinal)).Append('\n');
            sb.Append(random.Next(12) == 0 ? Soup(random, 20) : Question(random));
            sb.Append(random.Next(5) == 0 ? "\r\n\r\n" : "\n\n");
        }
        return sb.ToString();
    }

    /// <summary>The questions GiftFormat's writer leaves out (see its documentation), among those the reader can make.</summary>
    public static bool WriterSkips(InterchangeQuestion question) => question.Content switch
    {
        ShortAnswerQuestion sa => sa.Answers.Any(a => a.Text.Contains("->", StringComparison.Ordinal) || a.Feedback.Contains("->", StringComparison.Ordinal)),
        MatchingQuestion m => m.Pairs.Any(p => p.Prompt.Contains("->", StringComparison.Ordinal)),
        _ => false,
    };
}
