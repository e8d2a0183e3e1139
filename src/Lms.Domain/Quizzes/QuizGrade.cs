namespace Lms.Domain.Quizzes;

/// <summary>A teacher's grade for a quiz from their finished attempts, by the quiz's grading method.</summary>
public static class QuizGrade
{
    /// <summary>The percentage, or null while no attempt is finished (attempts still being graded do not count yet).</summary>
    public static decimal? Of(GradingMethod method, IEnumerable<QuizAttempt> attempts)
    {
        // First and last mean the first and last submitted: while that one waits for an essay grade there is no
        // grade yet, rather than another attempt's.
        var submitted = attempts.Where(a => a.State != AttemptState.InProgress).OrderBy(a => a.Number).ToList();
        var done = submitted.Where(a => a.Percent is not null).Select(a => a.Percent!.Value).ToList();
        if (submitted.Count == 0) return null;
        return method switch
        {
            GradingMethod.Highest => done.Count == 0 ? null : done.Max(),
            GradingMethod.Average => done.Count == 0 ? null : Math.Round(done.Average(), 2),
            GradingMethod.First => submitted[0].Percent,
            GradingMethod.Last => submitted[^1].Percent,
            _ => throw new ArgumentOutOfRangeException(nameof(method)),
        };
    }
}
