using Lms.Domain.Quizzes;

namespace Lms.Domain.Tests.Quizzes;

public class LearningGainAverageTests
{
    [Fact]
    public void Averages_are_taken_over_the_teachers_who_sat_both_tests()
    {
        var avg = LearningGainAverage.Of([new(50, 100), new(25, 75), new(80, null), new(null, 10)]);
        Assert.Equal(2, avg.Teachers);
        Assert.Equal(37.5m, avg.Pre);
        Assert.Equal(87.5m, avg.Post);
        Assert.Equal(50m, avg.Gain);
        // (1 + 0.667) / 2
        Assert.Equal(0.834m, avg.NormalisedGain);
    }

    [Fact]
    public void A_teacher_with_full_marks_before_counts_in_the_scores_but_not_in_the_normalised_gain()
    {
        var avg = LearningGainAverage.Of([new(100, 90), new(40, 70)]);
        Assert.Equal(70m, avg.Pre);
        Assert.Equal(80m, avg.Post);
        Assert.Equal(10m, avg.Gain);
        Assert.Equal(0.5m, avg.NormalisedGain);
    }

    [Fact]
    public void Nobody_with_both_tests_gives_no_averages_rather_than_zeros()
    {
        var avg = LearningGainAverage.Of([new(50, null)]);
        Assert.Equal(new LearningGainAverage(0, null, null, null, null), avg);
    }
}
