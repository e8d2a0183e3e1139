using System.Globalization;

namespace Lms.Domain.Questions;

/// <summary>
/// "The right answer is …" for review pages, built from the answers' own text (in the question's own format, so
/// render it the way the answers are rendered: through the sanitiser). <see cref="Summary"/> is the answer alone,
/// with no English around it, for pages that put their own (Thai) words before it; <see cref="Describe"/> is the
/// English sentence, as Moodle's "The correct answer is: …". Both are "" when there is no right answer to show
/// (essays are graded by a person; descriptions ask nothing).
/// </summary>
public static class QuestionRightAnswer
{
    public static string Describe(QuestionContent question)
    {
        var summary = Summary(question);
        if (summary.Length == 0) return "";
        var lead = question switch
        {
            MultipleChoiceQuestion { Single: false } q when RightChoices(q.Choices, false).Count > 1 => "The right answers are: ",
            ClozeQuestion { Gaps.Count: > 1 } => "The right answers are: ",
            OrderingQuestion => "The right order is: ",
            _ => "The right answer is: ",
        };
        return lead + summary;
    }

    public static string Summary(QuestionContent question)
    {
        ArgumentNullException.ThrowIfNull(question);
        return question switch
        {
            MultipleChoiceQuestion q => Choices(q.Choices, q.Single),
            TrueFalseQuestion q => q.CorrectAnswer ? "True" : "False",
            ShortAnswerQuestion q => Pattern(q.Answers),
            NumericalQuestion q => Number(q.Answers, q.Units.FirstOrDefault()?.Unit),
            MatchingQuestion q => string.Join(", ", q.Prompts.Select(p => $"{p.Prompt} → {p.Answer}")),
            OrderingQuestion q => string.Join("; ", q.Items.Select((item, i) => $"{i + 1}. {item}")),
            ClozeQuestion q => string.Join("; ", q.Gaps.Select((gap, i) => $"({i + 1}) {Gap(gap)}")),
            _ => "",
        };
    }

    private static string Gap(ClozeGap gap) => gap.Kind switch
    {
        ClozeKind.Numerical => Number(gap.Numbers, null),
        ClozeKind.MultipleChoice => Choices(gap.Choices, single: true),
        ClozeKind.MultipleResponse => Choices(gap.Choices, single: false),
        _ => Pattern(gap.Choices),
    };

    private static string Choices(IReadOnlyList<Choice> choices, bool single) =>
        string.Join(", ", RightChoices(choices, single).Select(c => c.Text));

    /// <summary>One answer: the choices worth full marks, else the best ones. Several: every choice worth something.</summary>
    private static List<Choice> RightChoices(IReadOnlyList<Choice> choices, bool single)
    {
        if (!single) return choices.Where(c => c.Fraction > 0).ToList();
        var best = choices.Where(c => c.Fraction > 0).Select(c => c.Fraction).DefaultIfEmpty(0m).Max();
        if (best <= 0) return [];
        var threshold = best >= 0.999999m ? 0.999999m : best;
        return choices.Where(c => c.Fraction >= threshold).ToList();
    }

    /// <summary>The first pattern worth the most (as Moodle's get_correct_answer), with an escaped star shown as a star.</summary>
    private static string Pattern(IReadOnlyList<Choice> answers) =>
        Best(answers, a => a.Fraction)?.Text.Replace(@"\*", "*", StringComparison.Ordinal) ?? "";

    private static string Number(IReadOnlyList<NumericalAnswer> answers, string? unit)
    {
        if (Best(answers, a => a.Fraction) is not { } a) return "";
        if (a.Value is not { } v) return "any number";
        var text = Format(v);
        if (a.Tolerance != 0) text += " ± " + Format(Math.Abs(a.Tolerance));
        return string.IsNullOrWhiteSpace(unit) ? text : $"{text} {unit}";
    }

    private static T? Best<T>(IReadOnlyList<T> items, Func<T, decimal> fraction) where T : class
    {
        T? best = null;
        foreach (var item in items)
            if (fraction(item) > 0 && (best is null || fraction(item) > fraction(best))) best = item;
        return best;
    }

    /// <summary>Invariant, without trailing zeros: 2.50 is "2.5" whatever the server's culture.</summary>
    private static string Format(decimal d) => d.ToString("0.############################", CultureInfo.InvariantCulture);
}
