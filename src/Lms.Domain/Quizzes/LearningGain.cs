namespace Lms.Domain.Quizzes;

/// <summary>
/// What a course changed for one teacher, from their pre-test and post-test percentages: the raw gain (post − pre,
/// in points) and Hake's normalised gain, (post − pre) / (100 − pre): the share of what there was left to learn that
/// was learnt. A teacher who scored 100 before has nothing left to gain, so their normalised gain is undefined (null).
/// </summary>
public sealed record LearningGain(decimal? Pre, decimal? Post)
{
    public decimal? Gain => Pre is { } pre && Post is { } post ? post - pre : null;

    public decimal? NormalisedGain => Pre is { } pre && Post is { } post && pre < 100m
        ? Math.Round((post - pre) / (100m - pre), 3)
        : null;
}
