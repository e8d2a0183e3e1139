using Lms.Domain.Questions;
using static Lms.Domain.Tests.Questions.Grades;

namespace Lms.Domain.Tests.Questions;

public sealed class MatchingGradingTests
{
    // Regions: prompts สุโขทัย, ขอนแก่น, ภูเก็ต, เชียงราย; answers ภาคเหนือ(0), ภาคตะวันออกเฉียงเหนือ(1), ภาคใต้(2), ภาคตะวันตก(3).
    private static readonly MatchingQuestion Q = SampleQuestions.Regions;

    [Fact]
    public void Prompts_skip_distractors_and_answers_appear_once_each()
    {
        Assert.Equal(["สุโขทัย", "ขอนแก่น", "ภูเก็ต", "เชียงราย"], Q.Prompts.Select(p => p.Prompt));
        Assert.Equal(["ภาคเหนือ", "ภาคตะวันออกเฉียงเหนือ", "ภาคใต้", "ภาคตะวันตก"], Q.DistinctAnswers);
        Assert.Equal([0, 1, 2, 0], Enumerable.Range(0, 4).Select(Q.RightAnswerIndex));
        Assert.Equal(-1, Q.RightAnswerIndex(4));
        Assert.Equal(-1, Q.RightAnswerIndex(-1));
    }

    [Fact]
    public void All_pairs_right_is_correct_with_the_correct_feedback()
    {
        var g = Of(Q, ("sub0", "0"), ("sub1", "1"), ("sub2", "2"), ("sub3", "0"));
        Is(g, 1m, GradeState.Correct);
        Assert.Equal(["ถูกทั้งหมด"], g.Feedback);
    }

    [Fact]
    public void Each_right_pair_earns_an_equal_share()
    {
        var g = Of(Q, ("sub0", "0"), ("sub1", "1"), ("sub2", "3"), ("sub3", "2"));
        Is(g, 0.5m, GradeState.PartiallyCorrect);
        Assert.Equal(["ถูกบางส่วน"], g.Feedback);
    }

    [Fact]
    public void A_row_left_blank_loses_its_share()
    {
        Is(Of(Q, ("sub0", "0")), 0.25m, GradeState.PartiallyCorrect);
    }

    [Fact]
    public void Choosing_the_distractor_everywhere_is_wrong()
    {
        var g = Of(Q, ("sub0", "3"), ("sub1", "3"), ("sub2", "3"), ("sub3", "3"));
        Is(g, 0m, GradeState.Wrong);
        Assert.Equal(["ยังไม่ถูก"], g.Feedback);
    }

    [Fact]
    public void Answers_that_differ_only_in_spacing_are_one_answer()
    {
        var q = Q with { Pairs = [new("ก", "ภาค เหนือ"), new("ข", " ภาค  เหนือ\u200B"), new("ค", "ภาคใต้")] };
        Assert.Equal(2, q.DistinctAnswers.Count);
        Is(Of(q, ("sub0", "0"), ("sub1", "0"), ("sub2", "1")), 1m, GradeState.Correct);
    }

    [Fact]
    public void A_third_share_is_kept_to_Moodle_precision()
    {
        var q = Q with { Pairs = [new("ก", "1"), new("ข", "2"), new("ค", "3")] };
        Is(Of(q, ("sub0", "0"), ("sub1", "0"), ("sub2", "0")), 0.3333333m, GradeState.PartiallyCorrect);
        Is(Of(q, ("sub0", "0"), ("sub1", "1"), ("sub2", "0")), 0.6666667m, GradeState.PartiallyCorrect);
    }

    [Fact]
    public void Invalid_choices_are_not_answers()
    {
        Is(Of(Q, ("sub0", "4"), ("sub1", "-1"), ("sub2", "ภาคใต้"), ("sub9", "0")), 0m, GradeState.NotAnswered);
        Is(Of(Q, ("sub0", "4"), ("sub1", "1")), 0.25m, GradeState.PartiallyCorrect);
    }
}
