using System.Text;
using Lms.Domain.Questions;
using static Lms.Infrastructure.QuestionFormats.GiftEscaping;

namespace Lms.Infrastructure.QuestionFormats;

/// <summary>
/// Questions to GIFT text, as qformat_gift::writequestion writes them (question/format/gift/format.php in
/// moodle/moodle), with the category switches qformat_default::exportprocess adds (question/format.php).
/// See <see cref="GiftFormat"/> for what GIFT cannot carry.
/// </summary>
internal static class GiftWriter
{
    public const string SkippedPrefix = "// Skipped (not expressible in GIFT): ";

    public static string Write(IReadOnlyList<InterchangeCategory> categories, IReadOnlyList<InterchangeQuestion> questions)
    {
        var output = new StringBuilder();
        var written = new HashSet<string>(StringComparer.Ordinal);
        IReadOnlyList<string> current = [];
        var number = 0;
        foreach (var question in questions)
        {
            // A category line whenever the category changes, also back to one written before (Moodle writes each
            // category once, so questions that come back to it after another category are imported into the wrong one).
            if (!question.Category.SequenceEqual(current, StringComparer.Ordinal))
            {
                WriteCategory(output, question.Category);
                written.Add(Key(question.Category));
                current = question.Category;
            }
            var content = question.Content;
            if (WhyNotExpressible(question) is { } reason)
            {
                output.Append(SkippedPrefix).Append(OneLine(content.Name)).Append(" (").Append(reason).Append(")\n\n");
                continue;
            }
            number++;
            WriteQuestion(output, question, number);
        }
        // Categories that hold no question: written last, so that reading the file creates them too.
        foreach (var category in categories)
        {
            if (category.Path.Count == 0 || !written.Add(Key(category.Path))) continue;
            WriteCategory(output, category.Path);
        }
        return output.ToString();
    }

    private static string Key(IReadOnlyList<string> path) => string.Join('\u001F', path);

    private static void WriteCategory(StringBuilder output, IReadOnlyList<string> path)
    {
        var assembled = GiftText.AssembleCategoryPath(path);
        output.Append("// question: 0  name: Switch category to ").Append(assembled).Append('\n')
            .Append("$CATEGORY: ").Append(assembled).Append("\n\n");
    }

    /// <summary>Why a question cannot be written so that Moodle (and <see cref="GiftReader"/>) reads it back the same, or null.</summary>
    private static string? WhyNotExpressible(InterchangeQuestion question)
    {
        var content = question.Content;
        if (content is OrderingQuestion) return "ordering";
        if (content is ClozeQuestion) return "cloze";
        if (question.Files.Count > 0 || content.Files.Count > 0) return "embedded files";
        // "->" in the answers makes the reader take them for a matching question (or cut a matching question
        // at the wrong arrow); GIFT has no escape for it.
        if (content is ShortAnswerQuestion shortAnswer
            && shortAnswer.Answers.Any(a => HasArrow(a.Text) || HasArrow(a.Feedback)))
            return "'->' in an answer";
        if (content is MatchingQuestion matching && matching.Pairs.Any(p => HasArrow(p.Prompt)))
            return "'->' in a matching question";
        return null;

        static bool HasArrow(string text) => text.Contains("->", StringComparison.Ordinal);
    }

    private static void WriteQuestion(StringBuilder output, InterchangeQuestion question, int number)
    {
        var content = question.Content;
        output.Append("// question: ").Append(number).Append("  name: ").Append(NeutralComment(content.Name)).Append('\n');
        WriteIdNumberAndTags(output, question);
        if (content.Name.Length > 0) output.Append("::").Append(Escape(content.Name)).Append("::");
        // The question text always gets its marker: our Html is Moodle's [html], not GIFT's default [moodle]
        // (auto-format, which adds line breaks), and the marker keeps a text that starts with "[" intact.
        output.Append(GiftText.Marker(content.Format)).Append(Escape(content.Text));

        var part = new PartWriter(content.Format);
        switch (content)
        {
            case DescriptionQuestion:
                output.Append('\n');
                break;
            case EssayQuestion:
                output.Append('{').Append(part.GeneralFeedback(content.GeneralFeedback, "")).Append("}\n");
                break;
            case TrueFalseQuestion tf:
                WriteTrueFalse(output, tf, part);
                break;
            case MultipleChoiceQuestion mc:
                WriteMultipleChoice(output, mc, part);
                break;
            case ShortAnswerQuestion sa:
                WriteShortAnswer(output, sa, part);
                break;
            case NumericalQuestion numerical:
                WriteNumerical(output, numerical, part);
                break;
            case MatchingQuestion matching:
                WriteMatching(output, matching, part);
                break;
        }
        output.Append('\n');
    }

    /// <summary>qformat_gift::write_idnumber_and_tags: <c>// [id:…] [tag:…]</c>, "]" written as <c>\]</c>.</summary>
    private static void WriteIdNumberAndTags(StringBuilder output, InterchangeQuestion question)
    {
        var bits = new List<string>();
        if (Bracketed(question.IdNumber ?? "", "") is { Length: > 0 } id) bits.Add("[id:" + id + "]");
        foreach (var tag in question.Tags)
            // Moodle's tag pattern (PARAM_TAG) leaves out < > and `.
            if (Bracketed(tag, "<>`") is { Length: > 0 } written) bits.Add("[tag:" + written + "]");
        if (bits.Count > 0) output.Append("// ").Append(string.Join(' ', bits)).Append('\n');

        // The reader's patterns stop at control characters (a line break, a tab), so those become spaces.
        static string Bracketed(string text, string dropped) =>
            PhpTrim(new string(text.Where(c => !dropped.Contains(c)).Select(c => char.IsControl(c) ? ' ' : c).ToArray()))
                .Replace("]", "\\]", StringComparison.Ordinal);
    }

    /// <summary>The name in the "// question:" comment, on one line and unable to pass for an [id:] or [tag:].</summary>
    private static string NeutralComment(string name) =>
        OneLine(name).Replace("[id:", "[ id:", StringComparison.Ordinal).Replace("[tag:", "[ tag:", StringComparison.Ordinal);

    /// <summary><c>{TRUE#feedback for the wrong answer#feedback for the right answer####general feedback}</c>.</summary>
    private static void WriteTrueFalse(StringBuilder output, TrueFalseQuestion tf, PartWriter part)
    {
        var right = part.Text(tf.CorrectAnswer ? tf.TrueFeedback : tf.FalseFeedback);
        var wrong = part.Text(tf.CorrectAnswer ? tf.FalseFeedback : tf.TrueFeedback);
        output.Append('{').Append(tf.CorrectAnswer ? "TRUE" : "FALSE");
        if (wrong.Length > 0) output.Append('#').Append(wrong);
        else if (right.Length > 0) output.Append('#');
        if (right.Length > 0) output.Append('#').Append(right);
        output.Append(part.GeneralFeedback(tf.GeneralFeedback, "")).Append("}\n");
    }

    /// <summary>"=" for the right answer of a one-answer question, "~" for no marks, "~%weight%" otherwise.</summary>
    private static void WriteMultipleChoice(StringBuilder output, MultipleChoiceQuestion mc, PartWriter part)
    {
        output.Append("{\n");
        // With no "~" line the reader would not see a multiple-choice question (Moodle's writer has that gap):
        // when every choice is right, all but the first are written "~%100%".
        var allRight = mc.Single && mc.Choices.All(c => c.Fraction == 1m);
        var first = true;
        foreach (var choice in mc.Choices)
        {
            string prefix;
            if (choice.Fraction == 1m && mc.Single && (first || !allRight)) prefix = "=";
            // A choice starting with "%" would lose its start to the weight pattern: give it an explicit %0%.
            else if (choice.Fraction == 0m) prefix = choice.Text.StartsWith('%') ? "~%0%" : "~";
            else prefix = "~%" + Weight(choice.Fraction) + "%";
            output.Append('\t').Append(prefix).Append(part.Text(choice.Text));
            if (choice.Feedback.Length > 0) output.Append('#').Append(part.Text(choice.Feedback));
            output.Append('\n');
            first = false;
        }
        output.Append(part.GeneralFeedback(mc.GeneralFeedback, "\t")).Append("}\n");
    }

    private static void WriteShortAnswer(StringBuilder output, ShortAnswerQuestion sa, PartWriter part)
    {
        output.Append("{\n");
        foreach (var answer in sa.Answers)
            output.Append("\t=%").Append(Weight(answer.Fraction)).Append('%').Append(part.Text(answer.Text))
                .Append('#').Append(part.Text(answer.Feedback)).Append('\n');
        output.Append(part.GeneralFeedback(sa.GeneralFeedback, "\t")).Append("}\n");
    }

    /// <summary>
    /// <c>=%weight%value:tolerance#feedback</c>; "any number" (no value) as Moodle's <c>~#feedback</c> when it is the
    /// last answer, not the only one, and earns nothing (the reader takes everything after a "~" as that one answer and
    /// wants an "=" answer before it), else as <c>=%weight%*</c>.
    /// Units cannot be written: a comment line says so.
    /// </summary>
    private static void WriteNumerical(StringBuilder output, NumericalQuestion numerical, PartWriter part)
    {
        output.Append("{#\n");
        if (numerical.Units.Count > 0)
            output.Append("// Units left out (not expressible in GIFT): ")
                .Append(NeutralComment(string.Join(", ", numerical.Units.Select(u => u.Unit)))).Append('\n');
        for (var i = 0; i < numerical.Answers.Count; i++)
        {
            var answer = numerical.Answers[i];
            var last = i == numerical.Answers.Count - 1;
            if (answer.Value is { } value)
                output.Append("\t=%").Append(Weight(answer.Fraction)).Append('%')
                    .Append(FormatNumber(value)).Append(':').Append(FormatNumber(answer.Tolerance));
            else if (last && i > 0 && answer.Fraction == 0m)
                output.Append("\t~");
            else
                output.Append("\t=%").Append(Weight(answer.Fraction)).Append("%*");
            output.Append('#').Append(part.Text(answer.Feedback)).Append('\n');
        }
        output.Append(part.GeneralFeedback(numerical.GeneralFeedback, "\t")).Append("}\n");
    }

    /// <summary><c>=question -> answer</c>; a distractor has no question: <c>= -> answer</c>.</summary>
    private static void WriteMatching(StringBuilder output, MatchingQuestion matching, PartWriter part)
    {
        output.Append("{\n");
        foreach (var pair in matching.Pairs)
            output.Append("\t=").Append(part.Text(pair.Prompt)).Append(" -> ").Append(Escape(pair.Answer)).Append('\n');
        output.Append(part.GeneralFeedback(matching.GeneralFeedback, "\t")).Append("}\n");
    }

    /// <summary>A weight as Moodle writes <c>$fraction * 100</c>: 0.3333333 as 33.33333, -0.5 as -50.</summary>
    private static string Weight(decimal fraction) => FormatNumber(fraction * 100m);

    /// <summary>
    /// qformat_gift::write_questiontext for answers and feedback, which are in the question's format: no marker
    /// (GIFT gives them the question's), except before a text starting with "[", which would otherwise be read as one.
    /// </summary>
    private readonly struct PartWriter(TextFormat format)
    {
        public string Text(string text) =>
            text.StartsWith('[') ? GiftText.Marker(format) + Escape(text) : Escape(text);

        /// <summary>qformat_gift::write_general_feedback: <c>####feedback</c> last before the "}", with <paramref name="indent"/>.</summary>
        public string GeneralFeedback(string feedback, string indent) =>
            feedback.Length == 0 ? "" : indent + "####" + Text(feedback) + (indent.Length > 0 ? "\n" : "");
    }
}
