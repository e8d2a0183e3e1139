namespace Lms.Domain.Questions;

/// <summary>Multiple choice (and a cloze drop-down or check-box gap), as Moodle's qtype_multichoice grades it.</summary>
internal static class ChoiceGrader
{
    /// <param name="value">One choice index, or "0,3" when several may be ticked.</param>
    public static QuestionGrade Grade(IReadOnlyList<Choice> choices, bool single, CombinedFeedback? combined, string? value)
    {
        List<int> chosen = single
            ? (ResponseValues.Index(value, choices.Count) is { } i ? [i] : [])
            : ResponseValues.Indexes(value, choices.Count);
        // Nothing that names one of the choices is no answer at all, whatever else the browser sent.
        if (chosen.Count == 0) return QuestionGrade.NotAnswered;
        chosen.Sort(); // feedback in the question's own order, whatever order the boxes were ticked in

        // Single: the chosen choice's fraction; several: the sum of the ticked ones. A negative total (penalties
        // for wrong ticks) counts as 0, as in Moodle. Each fraction is held to -1..1 so a broken file cannot
        // overflow the sum.
        var sum = chosen.Sum(i => Math.Clamp(choices[i].Fraction, -1m, 1m));
        return Graded.Of(sum, chosen.Select(i => choices[i].Feedback), combined);
    }
}
