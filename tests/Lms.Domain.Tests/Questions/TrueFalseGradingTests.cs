using Lms.Domain.Questions;
using static Lms.Domain.Tests.Questions.Grades;

namespace Lms.Domain.Tests.Questions;

public sealed class TrueFalseGradingTests
{
    [Fact]
    public void The_right_answer_is_correct_with_the_feedback_for_that_answer()
    {
        var g = Of(SampleQuestions.Sukhothai, ("answer", "true"));
        Is(g, 1m, GradeState.Correct);
        Assert.Equal(["ถูกต้อง"], g.Feedback);
    }

    [Fact]
    public void The_other_answer_is_wrong_with_its_own_feedback()
    {
        var g = Of(SampleQuestions.Sukhothai, ("answer", "false"));
        Is(g, 0m, GradeState.Wrong);
        Assert.Equal(["สุโขทัยเป็นราชธานีแห่งแรก"], g.Feedback);
    }

    [Fact]
    public void A_false_statement_is_right_when_answered_false()
    {
        var q = SampleQuestions.Sukhothai with { CorrectAnswer = false };
        Is(Of(q, ("answer", " False ")), 1m, GradeState.Correct);
    }

    [Theory]
    [InlineData("yes")]
    [InlineData("1")]
    [InlineData("จริง")]
    public void Anything_else_is_not_answered(string value)
    {
        Is(Of(SampleQuestions.Sukhothai, ("answer", value)), 0m, GradeState.NotAnswered);
    }
}
