using Lms.Domain.Quizzes;

namespace Lms.Domain.Tests.Quizzes;

public class ItemAnalysisTests
{
    private static readonly Guid Good = Guid.NewGuid(), Reversed = Guid.NewGuid(), Easy = Guid.NewGuid(), Other = Guid.NewGuid(), Alike = Guid.NewGuid();

    /// <summary>Six teachers: strong ones score on Good, Alike and Other, weak ones mostly don't; Reversed is the opposite (miskeyed); everyone gets Easy.</summary>
    private static IReadOnlyList<ItemAnalysis.Item> Analyse()
    {
        var scores = new List<ItemAnalysis.Score>();
        decimal[] strength = [1, 1, 1, 0, 0, 0];
        decimal[] other = [1, 1, 0, 1, 0, 0];
        for (var t = 0; t < strength.Length; t++)
        {
            var attempt = Guid.NewGuid();
            scores.Add(new(Good, attempt, strength[t], 1));
            scores.Add(new(Reversed, attempt, 1 - strength[t], 1));
            scores.Add(new(Easy, attempt, 1, 1));
            scores.Add(new(Other, attempt, strength[t] == 1 ? 1 : other[t], 1));
            scores.Add(new(Alike, attempt, strength[t], 1));
        }
        return ItemAnalysis.Of(scores);
    }

    [Fact]
    public void Facility_is_the_mean_score_in_percent()
    {
        var items = Analyse();
        Assert.Equal(50m, items.Single(i => i.QuestionId == Good).FacilityPercent);
        Assert.Equal(100m, items.Single(i => i.QuestionId == Easy).FacilityPercent);
        Assert.Equal(6, items.Single(i => i.QuestionId == Good).Attempts);
    }

    [Fact]
    public void A_question_the_strong_teachers_get_right_discriminates_and_a_miskeyed_one_is_negative()
    {
        var items = Analyse();
        Assert.True(items.Single(i => i.QuestionId == Good).DiscriminationIndex > 30m);
        Assert.True(items.Single(i => i.QuestionId == Reversed).DiscriminationIndex < -30m);
        // Everyone right: nothing to correlate, so no index rather than a made-up number.
        Assert.Null(items.Single(i => i.QuestionId == Easy).DiscriminationIndex);
    }

    [Theory]
    [InlineData(19.99, 50, ItemAnalysis.Concern.TooHard)]
    [InlineData(20, 50, ItemAnalysis.Concern.None)]
    [InlineData(90, 0, ItemAnalysis.Concern.None)]
    [InlineData(90.01, 10, ItemAnalysis.Concern.TooEasy)]
    [InlineData(50, -0.01, ItemAnalysis.Concern.NegativeDiscrimination)]
    [InlineData(10, -40, ItemAnalysis.Concern.TooHard | ItemAnalysis.Concern.NegativeDiscrimination)]
    public void Questions_outside_the_usual_ranges_are_flagged_for_a_second_look(double facility, double discrimination,
        ItemAnalysis.Concern expected)
    {
        var item = new ItemAnalysis.Item(Guid.NewGuid(), 10, (decimal)facility, (decimal)discrimination);
        Assert.Equal(expected, item.ConcernsOf(20m, 90m));
    }

    [Fact]
    public void A_question_nobody_tells_apart_is_not_flagged_for_its_missing_discrimination()
    {
        Assert.Equal(ItemAnalysis.Concern.None, new ItemAnalysis.Item(Guid.NewGuid(), 5, 60m, null).ConcernsOf(20m, 90m));
    }
}
