using Lms.Domain.Questions;
using static Lms.Domain.Tests.Questions.Grades;

namespace Lms.Domain.Tests.Questions;

public sealed class ClozeGradingTests
{
    // Gaps: 1 drop-down (weight 1), 2 number (weight 2), 3 short answer (weight 1).
    private static readonly ClozeQuestion Q = SampleQuestions.Cloze;

    [Fact]
    public void Every_gap_right_is_correct_with_each_gaps_feedback()
    {
        var g = Of(Q, ("gap1", "0"), ("gap2", "12"), ("gap3", "สพม.สุโขทัย"));
        Is(g, 1m, GradeState.Correct);
        Assert.Equal(["ถูก", "ถูก", "ถูก"], g.Feedback);
    }

    [Fact]
    public void Gaps_count_by_their_weight()
    {
        Is(Of(Q, ("gap1", "1"), ("gap2", "12"), ("gap3", "สพป.")), 0.5m, GradeState.PartiallyCorrect); // 2 of 4
        Is(Of(Q, ("gap1", "0"), ("gap2", "11"), ("gap3", "สพม.")), 0.5m, GradeState.PartiallyCorrect); // 1 + 1 of 4
        Is(Of(Q, ("gap1", "0")), 0.25m, GradeState.PartiallyCorrect); // blank gaps count 0
    }

    [Fact]
    public void Each_gap_can_be_graded_on_its_own_for_the_review_page()
    {
        var gaps = QuestionGrading.GradeGaps(Q, Response.Of(("gap1", "1"), ("gap2", "twelve")));
        Assert.Equal([GradeState.Wrong, GradeState.Wrong, GradeState.NotAnswered], gaps.Select(x => x.State));
        Assert.Equal(["ผิด"], gaps[0].Feedback);
    }

    [Fact]
    public void A_multiple_response_gap_adds_up_its_ticks()
    {
        var q = Q with
        {
            Text = "{#1}",
            Gaps = [new ClozeGap { Kind = ClozeKind.MultipleResponse, Choices = [new("ก", 0.5m), new("ข", 0.5m), new("ค", -1m)] }],
        };
        Is(Of(q, ("gap1", "0,1")), 1m, GradeState.Correct);
        Is(Of(q, ("gap1", "1")), 0.5m, GradeState.PartiallyCorrect);
        Is(Of(q, ("gap1", "0,2")), 0m, GradeState.Wrong);
    }

    [Fact]
    public void A_case_sensitive_gap_minds_case()
    {
        var q = Q with
        {
            Text = "{#1} {#2}",
            Gaps =
            [
                new ClozeGap { Kind = ClozeKind.ShortAnswerCaseSensitive, Choices = [new("PDCA", 1m)] },
                new ClozeGap { Kind = ClozeKind.ShortAnswer, Choices = [new("PDCA", 1m)] },
            ],
        };
        Is(Of(q, ("gap1", "pdca"), ("gap2", "pdca")), 0.5m, GradeState.PartiallyCorrect);
    }

    [Fact]
    public void Nothing_in_any_gap_is_not_answered()
    {
        Is(Of(Q, ("gap4", "0"), ("gap0", "0"), ("gap1", "   ")), 0m, GradeState.NotAnswered);
    }

    [Fact]
    public void Gaps_of_no_weight_give_zero_rather_than_dividing_by_zero()
    {
        var q = Q with { Gaps = Q.Gaps.Select(g => g with { Weight = 0 }).ToList() };
        Is(Of(q, ("gap1", "0"), ("gap2", "12"), ("gap3", "สพม.")), 0m, GradeState.Wrong);
    }
}
