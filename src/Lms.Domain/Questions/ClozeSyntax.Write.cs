using System.Globalization;
using System.Net;
using System.Text;

namespace Lms.Domain.Questions;

/// <summary>Writing gaps back in Moodle's syntax, escaped so that Moodle's parser and ours read the same answers.</summary>
public static partial class ClozeSyntax
{
    /// <summary>
    /// Puts the gaps back into a text with <c>{#1}</c>, <c>{#2}</c>… placeholders (Moodle's export does the same).
    /// Placeholders without a gap are left as they are.
    /// </summary>
    public static string Write(string text, IReadOnlyList<ClozeGap> gaps)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(gaps);
        return Placeholder.Replace(text, m =>
        {
            var index = int.TryParse(m.ValueSpan[2..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number - 1 : -1;
            return index >= 0 && index < gaps.Count ? WriteGap(gaps[index]) : m.Value;
        });
    }

    /// <summary>One gap in Moodle's syntax, e.g. <c>{2:MULTICHOICE_V:=ถูก#ดีมาก~%50%เกือบ~ผิด}</c>.</summary>
    public static string WriteGap(ClozeGap gap)
    {
        ArgumentNullException.ThrowIfNull(gap);
        var builder = new StringBuilder("{");
        builder.Append(gap.Weight.ToString(CultureInfo.InvariantCulture)).Append(':').Append(TypeName(gap)).Append(':');
        var first = true;
        if (gap.Kind == ClozeKind.Numerical)
        {
            foreach (var number in gap.Numbers)
            {
                if (!first) builder.Append('~');
                first = false;
                builder.Append(FractionPrefix(number.Fraction, explicitZero: false));
                builder.Append(number.Value is { } value ? Format(value) : "*");
                if (number.Value is not null && number.Tolerance != 0) builder.Append(':').Append(Format(Math.Abs(number.Tolerance)));
                AppendFeedback(builder, number.Feedback);
            }
        }
        else
        {
            foreach (var choice in gap.Choices.Where(c => c.Text.Length > 0))
            {
                if (!first) builder.Append('~');
                first = false;
                // Multiple response gaps always carry %n%, so that Moodle does not spread the mark again.
                builder.Append(FractionPrefix(choice.Fraction, explicitZero: gap.Kind == ClozeKind.MultipleResponse));
                builder.Append(EscapeAnswer(choice.Text));
                AppendFeedback(builder, choice.Feedback);
            }
        }

        return builder.Append('}').ToString();
    }

    private static string TypeName(ClozeGap gap) => gap.Kind switch
    {
        ClozeKind.ShortAnswer => "SHORTANSWER",
        ClozeKind.ShortAnswerCaseSensitive => "SHORTANSWER_C",
        ClozeKind.Numerical => "NUMERICAL",
        ClozeKind.MultipleChoice => gap.Layout switch
        {
            ClozeLayout.Vertical => gap.Shuffle ? "MULTICHOICE_VS" : "MULTICHOICE_V",
            ClozeLayout.Horizontal => gap.Shuffle ? "MULTICHOICE_HS" : "MULTICHOICE_H",
            _ => gap.Shuffle ? "MULTICHOICE_S" : "MULTICHOICE",
        },
        ClozeKind.MultipleResponse => gap.Layout == ClozeLayout.Horizontal
            ? gap.Shuffle ? "MULTIRESPONSE_HS" : "MULTIRESPONSE_H"
            : gap.Shuffle ? "MULTIRESPONSE_S" : "MULTIRESPONSE",
        _ => throw new ArgumentOutOfRangeException(nameof(gap), gap.Kind, "Unknown cloze gap kind."),
    };

    private static string FractionPrefix(decimal fraction, bool explicitZero) =>
        fraction == 1m && !explicitZero ? "=" : fraction == 0m && !explicitZero ? "" : "%" + Format(fraction * 100m) + "%";

    private static void AppendFeedback(StringBuilder builder, string feedback)
    {
        if (feedback.Length > 0) builder.Append('#').Append(Escape(feedback, isAnswer: false));
    }

    private static string EscapeAnswer(string answer) => Escape(answer, isAnswer: true);

    private static string Escape(string text, bool isAnswer)
    {
        var builder = new StringBuilder(text.Length + 8);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var last = i == text.Length - 1;
            switch (c)
            {
                case '}':
                case '#' when isAnswer:
                    builder.Append('\\').Append(c);
                    break;
                case '~':
                    // Moodle removes the backslash of \} and \# but keeps the one of \~: an entity reads the same in both.
                    builder.Append("&#126;");
                    break;
                case '\\' when last || "}~#/".Contains(text[i + 1], StringComparison.Ordinal):
                    builder.Append("&#92;");
                    break;
                case '&' when last && isAnswer:
                    builder.Append("&#38;");
                    break;
                case '&' when LooksLikeEntity(text, i):
                    builder.Append("&amp;");
                    break;
                case '=' or '%' when i == 0 && isAnswer:
                    builder.Append(c == '=' ? "&#61;" : "&#37;");
                    break;
                default:
                    builder.Append(c);
                    break;
            }
        }

        return builder.ToString();
    }

    private static bool LooksLikeEntity(string text, int ampersand)
    {
        var end = text.IndexOf(';', ampersand + 1);
        if (end < 0 || end - ampersand > 33) return false;
        var candidate = text.Substring(ampersand, end - ampersand + 1);
        return WebUtility.HtmlDecode(candidate) != candidate;
    }
}
