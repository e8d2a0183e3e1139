namespace Lms.Infrastructure.QuestionFormats;

/// <summary>
/// Moodle's GIFT question format, read and written as Moodle's qformat_gift does
/// (question/format/gift/format.php, with qformat_default in question/format.php, in moodle/moodle).
/// </summary>
/// <remarks>
/// <para><b>Reading.</b> Questions are separated by blank lines; <c>//</c> lines are comments (Moodle's
/// <c>// [id:…] [tag:…]</c> in them give the id number and tags). <c>::name::</c> names a question, otherwise the
/// name is the start of its text. <c>$CATEGORY: $course$/top/A/B</c> files the following questions under ["A", "B"].
/// Types follow from the answers in braces: none is a description, <c>{}</c> an essay, <c>{#…}</c> numerical
/// (<c>value:tolerance</c> or <c>min..max</c>), any <c>~</c> multiple choice (several right answers when none is
/// marked <c>=</c>), <c>=a -> b</c> matching, <c>{T}</c>/<c>{FALSE}</c> true/false, anything else short answer.
/// Text after the closing brace makes a missing-word question (the answers become "_____"). Weights
/// (<c>%50%</c>) must be Moodle grades. <c>[html]</c> and GIFT's default <c>[moodle]</c> become
/// <see cref="Lms.Domain.Questions.TextFormat.Html"/>, <c>[plain]</c> Plain, <c>[markdown]</c> Markdown. A question
/// that cannot be read becomes an <see cref="ImportProblem"/> (codes in <see cref="GiftProblemCodes"/>) with the
/// line it starts on; the others are read all the same.</para>
/// <para><b>Writing.</b> Moodle's layout: a <c>// question: N  name: …</c> comment, <c>::name::</c>, the text with its
/// format marker, the answers one a line with weights as Moodle writes them (<c>~%33.33333%</c>), a
/// <c>$CATEGORY: $course$/top/…</c> line whenever the category changes, and a blank line after each question.</para>
/// <para><b>Not expressible in GIFT, so not written:</b> ordering and cloze questions, and questions with embedded
/// files; each leaves a <c>// Skipped (not expressible in GIFT): name (reason)</c> line instead. So does a short answer
/// containing "->" or a matching question whose question contains "->", which GIFT cannot escape. <b>Lost on the
/// way, as in Moodle's own export:</b> the default mark, shuffling, case sensitivity, combined feedback, an essay's
/// grader information, template and word limits, a description's general feedback, numerical units (a comment
/// line lists them), category descriptions, leading and trailing spaces, and a separate format for single answers
/// (everything is written in the question's format).</para>
/// </remarks>
public sealed class GiftFormat : IQuestionFormat
{
    public string Name => "gift";

    public ImportResult Read(string text) => GiftReader.Read(text);

    public string Write(IReadOnlyList<InterchangeCategory> categories, IReadOnlyList<InterchangeQuestion> questions) =>
        GiftWriter.Write(categories, questions);
}
