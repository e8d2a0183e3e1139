using Lms.Domain.Questions;
using static Lms.Domain.Tests.Questions.Grades;

namespace Lms.Domain.Tests.Questions;

public sealed class MultipleChoiceGradingTests
{
    [Fact]
    public void The_right_choice_earns_full_marks_with_its_feedback_and_the_correct_feedback()
    {
        var g = Of(SampleQuestions.Capital, ("answer", "1"));
        Is(g, 1m, GradeState.Correct);
        Assert.Equal(["ถูกต้อง", "ยอดเยี่ยม"], g.Feedback);
    }

    [Fact]
    public void A_wrong_choice_is_wrong_with_its_feedback_and_the_incorrect_feedback()
    {
        var g = Of(SampleQuestions.Capital, ("answer", "2"));
        Is(g, 0m, GradeState.Wrong);
        Assert.Equal(["สุโขทัยเคยเป็นราชธานีในอดีต", "ลองใหม่"], g.Feedback);
    }

    [Fact]
    public void A_negative_choice_counts_as_zero_not_below()
    {
        var g = Of(SampleQuestions.Capital, ("answer", "3"));
        Is(g, 0m, GradeState.Wrong);
        Assert.Equal(["ลองใหม่"], g.Feedback); // the choice has no feedback of its own
    }

    [Fact]
    public void A_partly_right_single_choice_is_partially_correct()
    {
        var q = SampleQuestions.Capital with
        {
            Choices = [new("กรุงเทพฯ", 1m), new("บางกอก", 0.5m, "ชื่อเดิม")],
        };
        var g = Of(q, ("answer", "1"));
        Is(g, 0.5m, GradeState.PartiallyCorrect);
        Assert.Equal(["ชื่อเดิม", "เกือบถูก"], g.Feedback);
    }

    [Fact]
    public void Several_right_ticks_add_up_to_full_marks()
    {
        var g = Of(SampleQuestions.PlcSteps, ("answer", "1,0"));
        Is(g, 1m, GradeState.Correct);
        Assert.Equal(["ใช่", "ใช่", "ถูกทั้งหมด"], g.Feedback); // choices' feedback in the question's order
    }

    [Fact]
    public void Several_one_right_tick_is_half()
    {
        Is(Of(SampleQuestions.PlcSteps, ("answer", "0")), 0.5m, GradeState.PartiallyCorrect);
    }

    [Fact]
    public void Several_a_wrong_tick_takes_its_penalty_off()
    {
        Is(Of(SampleQuestions.PlcSteps, ("answer", "0,1,2")), 0.5m, GradeState.PartiallyCorrect);
    }

    [Fact]
    public void Several_more_penalty_than_credit_is_zero_not_negative()
    {
        var g = Of(SampleQuestions.PlcSteps, ("answer", "0,2,3"));
        Is(g, 0m, GradeState.Wrong);
        Assert.Equal(["ใช่", "ไม่ใช่", "ยังไม่ถูก"], g.Feedback);
    }

    [Fact]
    public void Ticking_every_box_cannot_beat_the_penalties()
    {
        Is(Of(SampleQuestions.PlcSteps, ("answer", "0,1,2,3")), 0m, GradeState.Wrong);
    }

    [Fact]
    public void Three_thirds_make_full_marks_although_they_add_up_to_0_9999999()
    {
        var q = new MultipleChoiceQuestion
        {
            Text = "เลือกสามข้อ",
            Single = false,
            Choices = [new("ก", 0.3333333m), new("ข", 0.3333333m), new("ค", 0.3333333m), new("ง", -1m)],
        };
        Is(Of(q, ("answer", "0,1,2")), 1m, GradeState.Correct);
        Is(Of(q, ("answer", "0,1")), 0.6666666m, GradeState.PartiallyCorrect);
    }

    [Fact]
    public void A_tick_given_twice_counts_once()
    {
        Is(Of(SampleQuestions.PlcSteps, ("answer", "0,0,0")), 0.5m, GradeState.PartiallyCorrect);
    }

    [Theory]
    [InlineData("9")]
    [InlineData("-1")]
    [InlineData("หนึ่ง")]
    [InlineData("1.0")]
    [InlineData("0,1")] // a list is not one choice
    [InlineData("99999999999999999999")]
    public void Something_that_is_not_one_of_the_choices_is_not_an_answer(string value)
    {
        Is(Of(SampleQuestions.Capital, ("answer", value)), 0m, GradeState.NotAnswered);
    }

    [Fact]
    public void Several_invalid_parts_are_ignored_and_the_valid_ones_graded()
    {
        Is(Of(SampleQuestions.PlcSteps, ("answer", " 1 , x, 17,-3,,")), 0.5m, GradeState.PartiallyCorrect);
        Is(Of(SampleQuestions.PlcSteps, ("answer", "x,17")), 0m, GradeState.NotAnswered);
    }

    [Fact]
    public void No_answer_is_not_answered_and_has_no_feedback()
    {
        var g = QuestionGrading.Grade(SampleQuestions.Capital, Response.Empty);
        Is(g, 0m, GradeState.NotAnswered);
        Assert.Empty(g.Feedback);
    }
}
