using System.Globalization;
using System.Text.RegularExpressions;

namespace Lms.Domain.Questions;

/*
 * Problem codes (stable: the web layer translates them; logs and import reports keep them). Rules are Moodle's
 * editing-form rules, so that a question accepted here is accepted by Moodle and the other way round.
 *
 * question.name_required                    the bank name is blank
 * question.text_required                    the question text is blank (tags and &nbsp; alone count as blank)
 * question.mark_invalid                     default mark below 0
 * answer.text_required                      a choice / answer / gap choice has no text
 * answer.fraction_invalid                   a fraction Moodle does not offer (MoodleGrades), or a negative one
 *                                           where Moodle offers none (short answer, numerical, their cloze gaps)
 * multichoice.too_few_choices               fewer than 2 choices
 * multichoice.no_right_answer               one answer: no choice worth 100 %; several: no choice worth anything
 * multichoice.fractions_not_100             several answers: the positive fractions do not add up to 100 %
 * shortanswer.no_answers                    no answer patterns
 * shortanswer.no_full_mark                  no pattern worth 100 %
 * numerical.no_answers                      no answers
 * numerical.no_full_mark                    no answer worth 100 %
 * numerical.tolerance_negative              an answer (or a cloze number) with a negative tolerance
 * numerical.unit_invalid                    a unit with no text, or a multiplier not above 0
 * numerical.unit_duplicate                  the same unit listed twice
 * numerical.first_unit_not_base             the first unit's multiplier is not 1 (answers are in that unit)
 * numerical.unit_penalty_invalid            unit penalty outside 0..1
 * numerical.unit_required_without_units     a unit is required but none is listed
 * matching.too_few_pairs                    fewer than 2 prompts, or fewer than 3 rows counting distractors
 * matching.answer_required                  a prompt without an answer
 * ordering.too_few_items                    fewer than 2 items
 * ordering.item_text_required               an item with no text
 * ordering.duplicate_items                  two items with the same text (no one could tell them apart)
 * cloze.no_gaps                             no gaps
 * cloze.gap_markers_mismatch                the text's {#1}, {#2}… markers do not match the gaps
 * cloze.gap_weight_invalid                  a gap weight below 0
 * cloze.gap_too_few_choices                 a drop-down / radio / check-box gap with fewer than 2 choices
 * cloze.gap_no_right_answer                 a gap that nobody can get full marks for
 * essay.word_limits                         a word limit not above 0, or the minimum above the maximum
 * (true/false and description have no rules beyond the question.* ones.)
 */

/// <summary>Checks a question can be used: every type's rules (a multiple choice needs a right answer, fractions Moodle accepts…).</summary>
public static partial class QuestionValidation
{
    public static IReadOnlyList<QuestionProblem> Problems(QuestionContent question)
    {
        ArgumentNullException.ThrowIfNull(question);
        var p = new List<QuestionProblem>();
        if (string.IsNullOrWhiteSpace(question.Name))
            p.Add(new("question.name_required", "The question has no name."));
        if (IsBlank(question.Text))
            p.Add(new("question.text_required", "The question has no text."));
        if (question.IsGraded && question.DefaultMark < 0)
            p.Add(new("question.mark_invalid", $"The default mark {question.DefaultMark.ToString(CultureInfo.InvariantCulture)} is below 0."));

        switch (question)
        {
            case MultipleChoiceQuestion q: MultipleChoice(q, p); break;
            case ShortAnswerQuestion q: ShortAnswer(q.Answers, "", p); break;
            case NumericalQuestion q: Numerical(q, p); break;
            case MatchingQuestion q: Matching(q, p); break;
            case OrderingQuestion q: Ordering(q, p); break;
            case ClozeQuestion q: Cloze(q, p); break;
            case EssayQuestion q: Essay(q, p); break;
        }
        return p;
    }

    private static void MultipleChoice(MultipleChoiceQuestion q, List<QuestionProblem> p)
    {
        ChoiceTexts(q.Choices, "", p);
        Fractions(q.Choices.Select(c => c.Fraction), negativeAllowed: true, "", p);
        if (q.Choices.Count < 2)
            p.Add(new("multichoice.too_few_choices", "A multiple-choice question needs at least 2 choices."));
        ChoiceRightAnswer(q.Choices, q.Single, "multichoice.no_right_answer", "", p);
        // Moodle (errfractionsaddwrong): with several right answers, the positive fractions must make 100 %,
        // rounded to 2 places as Moodle does, so that ticking all the right boxes is exactly full marks.
        var positive = q.Choices.Where(c => c.Fraction > 0).Sum(c => Math.Min(c.Fraction, 1m));
        if (!q.Single && positive > 0 && Math.Round(positive, 2) != 1m)
            p.Add(new("multichoice.fractions_not_100",
                $"The positive grades add up to {Percent(positive)}, not 100 %."));
    }

    private static void ShortAnswer(IReadOnlyList<Choice> answers, string where, List<QuestionProblem> p)
    {
        ChoiceTexts(answers, where, p);
        Fractions(answers.Select(a => a.Fraction), negativeAllowed: false, where, p);
        if (where.Length > 0) return; // a cloze gap reports its own "no right answer"
        if (answers.Count == 0)
            p.Add(new("shortanswer.no_answers", "A short-answer question needs at least one answer."));
        else if (!answers.Any(a => IsFull(a.Fraction)))
            p.Add(new("shortanswer.no_full_mark", "No answer is worth 100 %, so nobody can get full marks."));
    }

    private static void Numerical(NumericalQuestion q, List<QuestionProblem> p)
    {
        Numbers(q.Answers, "", p);
        if (q.Answers.Count == 0)
            p.Add(new("numerical.no_answers", "A numerical question needs at least one answer."));
        else if (!q.Answers.Any(a => IsFull(a.Fraction)))
            p.Add(new("numerical.no_full_mark", "No answer is worth 100 %, so nobody can get full marks."));

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < q.Units.Count; i++)
        {
            var u = q.Units[i];
            var name = Common.Text.Clean(u.Unit);
            if (name.Length == 0 || u.Multiplier <= 0)
                p.Add(new("numerical.unit_invalid", $"Unit {i + 1} needs a name and a multiplier above 0."));
            else if (!seen.Add(name))
                p.Add(new("numerical.unit_duplicate", $"The unit \"{name}\" is listed more than once."));
        }
        if (q.Units.Count > 0 && q.Units[0].Multiplier != 1m)
            p.Add(new("numerical.first_unit_not_base", "The first unit is the one the answers are in: its multiplier must be 1."));
        if (q.UnitPenalty is < 0m or > 1m)
            p.Add(new("numerical.unit_penalty_invalid", "The unit penalty must be between 0 and 1."));
        if (q.UnitRequired && q.Units.Count == 0)
            p.Add(new("numerical.unit_required_without_units", "A unit is required but no unit is listed."));
    }

    /// <summary>Moodle's match form: at least 2 questions (prompts) and 3 answers, counting every row with any text.</summary>
    private static void Matching(MatchingQuestion q, List<QuestionProblem> p)
    {
        var prompts = q.Pairs.Count(x => !string.IsNullOrWhiteSpace(x.Prompt));
        var rows = q.Pairs.Count(x => !string.IsNullOrWhiteSpace(x.Prompt) || !string.IsNullOrWhiteSpace(x.Answer));
        if (prompts < 2 || rows < 3)
            p.Add(new("matching.too_few_pairs",
                "A matching question needs at least 2 prompts and 3 answers (an extra answer with no prompt counts)."));
        for (var i = 0; i < q.Pairs.Count; i++)
            if (!string.IsNullOrWhiteSpace(q.Pairs[i].Prompt) && IsBlank(q.Pairs[i].Answer))
                p.Add(new("matching.answer_required", $"Pair {i + 1} has a prompt but no answer."));
    }

    private static void Ordering(OrderingQuestion q, List<QuestionProblem> p)
    {
        if (q.Items.Count < 2)
            p.Add(new("ordering.too_few_items", "An ordering question needs at least 2 items."));
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < q.Items.Count; i++)
        {
            var text = Common.Text.Clean(q.Items[i]);
            if (IsBlank(text)) p.Add(new("ordering.item_text_required", $"Item {i + 1} has no text."));
            else if (!seen.Add(text)) p.Add(new("ordering.duplicate_items", $"Item {i + 1} is the same as an earlier item."));
        }
    }

    private static void Cloze(ClozeQuestion q, List<QuestionProblem> p)
    {
        if (q.Gaps.Count == 0)
        {
            p.Add(new("cloze.no_gaps", "A cloze question needs at least one gap."));
            return;
        }
        // The text must name each gap once, {#1} to {#n}: a gap the text never shows could never be answered.
        var markers = GapMarker().Matches(q.Text).Select(m => int.Parse(m.Groups[1].ValueSpan, CultureInfo.InvariantCulture)).ToList();
        if (markers.Count != q.Gaps.Count || !markers.Order().SequenceEqual(Enumerable.Range(1, q.Gaps.Count)))
            p.Add(new("cloze.gap_markers_mismatch",
                $"The text marks {markers.Count} gap(s) but the question has {q.Gaps.Count}: each of {{#1}}…{{#{q.Gaps.Count}}} must appear once."));

        for (var i = 0; i < q.Gaps.Count; i++)
        {
            var gap = q.Gaps[i];
            var where = $"Gap {i + 1}: ";
            if (gap.Weight < 0) p.Add(new("cloze.gap_weight_invalid", $"{where}the weight is below 0."));
            switch (gap.Kind)
            {
                case ClozeKind.Numerical:
                    Numbers(gap.Numbers, where, p);
                    if (!gap.Numbers.Any(a => IsFull(a.Fraction))) NoRightAnswer(where, p);
                    break;
                case ClozeKind.MultipleChoice or ClozeKind.MultipleResponse:
                    ChoiceTexts(gap.Choices, where, p);
                    Fractions(gap.Choices.Select(c => c.Fraction), negativeAllowed: true, where, p);
                    if (gap.Choices.Count < 2)
                        p.Add(new("cloze.gap_too_few_choices", $"{where}a choice gap needs at least 2 choices."));
                    ChoiceRightAnswer(gap.Choices, gap.Kind == ClozeKind.MultipleChoice, "cloze.gap_no_right_answer", where, p);
                    break;
                default:
                    ShortAnswer(gap.Choices, where, p);
                    if (!gap.Choices.Any(a => IsFull(a.Fraction))) NoRightAnswer(where, p);
                    break;
            }
        }
    }

    private static void Essay(EssayQuestion q, List<QuestionProblem> p)
    {
        if (q.MinWords is <= 0 || q.MaxWords is <= 0 || (q.MinWords is { } min && q.MaxWords is { } max && min > max))
            p.Add(new("essay.word_limits", "Word limits must be above 0, and the minimum no more than the maximum."));
    }

    private static void ChoiceRightAnswer(IReadOnlyList<Choice> choices, bool single, string code, string where, List<QuestionProblem> p)
    {
        // Moodle (errfractionsnomax): one answer needs a choice worth 100 %; several need at least one worth something.
        var ok = single ? choices.Any(c => IsFull(c.Fraction)) : choices.Any(c => c.Fraction > 0);
        if (!ok)
            p.Add(new(code, single
                ? $"{where}No choice is worth 100 %, so nobody can get full marks."
                : $"{where}No choice is worth anything, so nobody can get any marks."));
    }

    private static void NoRightAnswer(string where, List<QuestionProblem> p) =>
        p.Add(new("cloze.gap_no_right_answer", $"{where}no answer is worth 100 %, so nobody can get full marks."));

    private static void ChoiceTexts(IReadOnlyList<Choice> choices, string where, List<QuestionProblem> p)
    {
        for (var i = 0; i < choices.Count; i++)
            if (IsBlank(choices[i].Text))
                p.Add(new("answer.text_required", $"{where}Answer {i + 1} has no text."));
    }

    private static void Numbers(IReadOnlyList<NumericalAnswer> answers, string where, List<QuestionProblem> p)
    {
        Fractions(answers.Select(a => a.Fraction), negativeAllowed: false, where, p);
        for (var i = 0; i < answers.Count; i++)
            if (answers[i].Tolerance < 0)
                p.Add(new("numerical.tolerance_negative", $"{where}Answer {i + 1} has a negative tolerance."));
    }

    private static void Fractions(IEnumerable<decimal> fractions, bool negativeAllowed, string where, List<QuestionProblem> p)
    {
        var i = 0;
        foreach (var f in fractions)
        {
            i++;
            if (!MoodleGrades.IsAllowed(f) || (!negativeAllowed && f < 0))
                p.Add(new("answer.fraction_invalid",
                    $"{where}Answer {i} is worth {Percent(f)}, which is not one of Moodle's grades{(negativeAllowed ? "" : " (0 % to 100 %)")}."));
        }
    }

    private static bool IsFull(decimal fraction) => fraction >= 0.999999m;

    private static string Percent(decimal fraction) => (fraction * 100).ToString("0.#####", CultureInfo.InvariantCulture) + " %";

    /// <summary>
    /// Blank as Moodle's html_is_blank sees it: nothing left once tags and non-breaking spaces are gone, unless
    /// the text shows an image or media (an image alone is a fine question or choice).
    /// </summary>
    internal static bool IsBlank(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return true;
        if (text.IndexOf('<') < 0 && text.IndexOf('&') < 0) return false;
        if (MediaTag().IsMatch(text)) return false;
        var visible = AnyTag().Replace(text, "").Replace("&nbsp;", " ", StringComparison.OrdinalIgnoreCase);
        return string.IsNullOrWhiteSpace(Common.Text.Clean(visible));
    }

    [GeneratedRegex(@"\{#([0-9]{1,9})\}")]
    private static partial Regex GapMarker();

    [GeneratedRegex(@"<\s*(img|video|audio|object|iframe|embed|svg)\b", RegexOptions.IgnoreCase)]
    private static partial Regex MediaTag();

    [GeneratedRegex(@"<[^>]*>")]
    private static partial Regex AnyTag();
}
