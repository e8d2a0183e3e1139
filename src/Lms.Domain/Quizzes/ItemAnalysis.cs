namespace Lms.Domain.Quizzes;

/// <summary>
/// Classical item statistics, as Moodle's quiz statistics report shows them, so designers can find bad questions:
/// <list type="bullet">
/// <item><b>Facility index</b>: the mean score on the question, in percent. Near 100 is too easy, near 0 too hard.</item>
/// <item><b>Discrimination index</b>: the correlation (×100) between the score on this question and the score on the
/// rest of the quiz. Teachers who do well overall should do well on a good question; a low or negative index
/// flags a question that is ambiguous or keyed wrongly.</item>
/// </list>
/// </summary>
public static class ItemAnalysis
{
    /// <summary>One graded question in one attempt: its fraction of the mark (0–1) and the mark it was worth.</summary>
    public sealed record Score(Guid QuestionId, Guid AttemptId, decimal Fraction, decimal MaxMark);

    public sealed record Item(Guid QuestionId, int Attempts, decimal FacilityPercent, decimal? DiscriminationIndex)
    {
        /// <summary>
        /// Why a designer should look at the question again: almost nobody (facility below <paramref name="minFacility"/>)
        /// or almost everybody (above <paramref name="maxFacility"/>) gets it right, so it tells teachers apart poorly; or
        /// the teachers who did well on the rest of the quiz did worse on it (negative discrimination), which usually
        /// means a wrong key or an ambiguous wording.
        /// </summary>
        public Concern ConcernsOf(decimal minFacility, decimal maxFacility) =>
            (FacilityPercent < minFacility ? Concern.TooHard : Concern.None)
            | (FacilityPercent > maxFacility ? Concern.TooEasy : Concern.None)
            | (DiscriminationIndex < 0 ? Concern.NegativeDiscrimination : Concern.None);
    }

    [Flags]
    public enum Concern { None = 0, TooHard = 1, TooEasy = 2, NegativeDiscrimination = 4 }

    /// <summary>
    /// Computes both indices per question from the graded questions of finished attempts (one attempt per teacher is the
    /// usual choice: their first, so practice on the same paper does not inflate the numbers).
    /// </summary>
    public static IReadOnlyList<Item> Of(IEnumerable<Score> scores)
    {
        var list = scores.ToList();
        // Each attempt's total marks, so the "rest of the quiz" of a question is the total without that question.
        var totals = list.GroupBy(s => s.AttemptId).ToDictionary(g => g.Key, g => g.Sum(s => s.Fraction * s.MaxMark));
        var maxTotals = list.GroupBy(s => s.AttemptId).ToDictionary(g => g.Key, g => g.Sum(s => s.MaxMark));
        return list.GroupBy(s => s.QuestionId).Select(g =>
        {
            var xs = g.Select(s => (double)s.Fraction).ToList();
            var rest = g.Select(s =>
            {
                var restMax = maxTotals[s.AttemptId] - s.MaxMark;
                return restMax == 0 ? 0d : (double)((totals[s.AttemptId] - s.Fraction * s.MaxMark) / restMax);
            }).ToList();
            var facility = Math.Round((decimal)xs.Average() * 100m, 2);
            return new Item(g.Key, xs.Count, facility, Correlation(xs, rest) is { } r ? Math.Round((decimal)r * 100m, 2) : null);
        }).ToList();
    }

    /// <summary>Pearson's r; null when either side does not vary (everyone scored the same, so nothing discriminates).</summary>
    private static double? Correlation(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        if (x.Count < 2) return null;
        double mx = x.Average(), my = y.Average(), sxy = 0, sxx = 0, syy = 0;
        for (var i = 0; i < x.Count; i++)
        {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        return sxx < 1e-12 || syy < 1e-12 ? null : sxy / Math.Sqrt(sxx * syy);
    }
}
