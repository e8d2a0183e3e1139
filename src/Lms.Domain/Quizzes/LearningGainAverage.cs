namespace Lms.Domain.Quizzes;

/// <summary>
/// The averages of a group's learning gains (a school, the whole office), taken over the teachers who sat both tests
/// only: a teacher with a pre-test and no post-test would otherwise pull the pre average away from the post average
/// of a different set of people, and the "gain" between them would mean nothing. The normalised gain is the mean of
/// the teachers' own normalised gains; those who scored 100 before have none and are left out of that mean alone.
/// </summary>
public sealed record LearningGainAverage(int Teachers, decimal? Pre, decimal? Post, decimal? Gain, decimal? NormalisedGain)
{
    public static LearningGainAverage Of(IEnumerable<LearningGain> gains)
    {
        var both = gains.Where(g => g.Pre is not null && g.Post is not null).ToList();
        if (both.Count == 0) return new LearningGainAverage(0, null, null, null, null);
        var normalised = both.Where(g => g.NormalisedGain is not null).Select(g => g.NormalisedGain!.Value).ToList();
        return new LearningGainAverage(both.Count,
            Math.Round(both.Average(g => g.Pre!.Value), 2),
            Math.Round(both.Average(g => g.Post!.Value), 2),
            Math.Round(both.Average(g => g.Gain!.Value), 2),
            normalised.Count == 0 ? null : Math.Round(normalised.Average(), 3));
    }
}
