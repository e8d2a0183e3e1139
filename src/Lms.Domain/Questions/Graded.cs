namespace Lms.Domain.Questions;

/// <summary>How every question type turns a raw fraction into a <see cref="QuestionGrade"/>, so all types agree.</summary>
internal static class Graded
{
    /// <summary>
    /// Keeps a fraction within 0..1 at Moodle's precision. Moodle stores fractions to 7 decimal places and calls a
    /// fraction within 0.000001 of 1 right (question_state::graded_state_for_fraction): three ticked choices worth
    /// 33.33333 % each make 0.9999999, which a teacher must see as full marks, not as "partially correct".
    /// </summary>
    public static decimal Normalise(decimal fraction)
    {
        var f = Math.Round(fraction, 7, MidpointRounding.AwayFromZero);
        if (f >= 0.999999m) return 1m;
        if (f < 0.000001m) return 0m;
        return f;
    }

    public static GradeState StateFor(decimal normalised) =>
        normalised == 1m ? GradeState.Correct : normalised == 0m ? GradeState.Wrong : GradeState.PartiallyCorrect;

    /// <summary>A graded (answered) response: the state follows from the fraction.</summary>
    public static QuestionGrade Of(decimal fraction, IEnumerable<string?> feedback)
    {
        var f = Normalise(fraction);
        return new QuestionGrade(f, StateFor(f), NonBlank(feedback));
    }

    /// <summary>Like <see cref="Of"/>, then Moodle's combined feedback for the state reached, when the question has it.</summary>
    public static QuestionGrade Of(decimal fraction, IEnumerable<string?> feedback, CombinedFeedback? combined)
    {
        var f = Normalise(fraction);
        var state = StateFor(f);
        var all = feedback.ToList();
        if (combined is not null)
            all.Add(state switch
            {
                GradeState.Correct => combined.Correct,
                GradeState.PartiallyCorrect => combined.PartiallyCorrect,
                _ => combined.Incorrect,
            });
        return new QuestionGrade(f, state, NonBlank(all));
    }

    private static string[] NonBlank(IEnumerable<string?> texts) =>
        texts.Where(t => !string.IsNullOrWhiteSpace(t)).Select(t => t!).ToArray();
}
