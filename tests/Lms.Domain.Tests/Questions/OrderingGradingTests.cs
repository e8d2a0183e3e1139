using Lms.Domain.Questions;
using static Lms.Domain.Tests.Questions.Grades;

namespace Lms.Domain.Tests.Questions;

public sealed class OrderingGradingTests
{
    private static OrderingQuestion Pdca(OrderingGrading grading) => SampleQuestions.Pdca with { Grading = grading };

    [Theory]
    [InlineData(OrderingGrading.AllOrNothing)]
    [InlineData(OrderingGrading.AbsolutePosition)]
    [InlineData(OrderingGrading.RelativeNextExcludeLast)]
    public void The_right_order_is_correct_under_every_grading_type(OrderingGrading grading)
    {
        var g = Of(Pdca(grading), ("order", "0,1,2,3"));
        Is(g, 1m, GradeState.Correct);
        Assert.Equal(["ถูกต้อง"], g.Feedback);
    }

    [Theory]
    // Two swapped in the middle: P C D A.
    [InlineData(OrderingGrading.AllOrNothing, "0,2,1,3", 0)]
    [InlineData(OrderingGrading.AbsolutePosition, "0,2,1,3", 0.5)]
    [InlineData(OrderingGrading.RelativeNextExcludeLast, "0,2,1,3", 0)] // P→C, C→D, D→A: no link kept
    // The last item moved to the front: A P D C.
    [InlineData(OrderingGrading.AbsolutePosition, "3,0,1,2", 0)]
    [InlineData(OrderingGrading.RelativeNextExcludeLast, "3,0,1,2", 0.6666667)] // P→D, D→C kept; C→A broken
    // Reversed.
    [InlineData(OrderingGrading.AbsolutePosition, "3,2,1,0", 0)]
    [InlineData(OrderingGrading.RelativeNextExcludeLast, "3,2,1,0", 0)]
    // First two swapped: D P C A.
    [InlineData(OrderingGrading.AbsolutePosition, "1,0,2,3", 0.5)]
    [InlineData(OrderingGrading.RelativeNextExcludeLast, "1,0,2,3", 0.3333333)] // C→A kept; P→D and D→C broken
    [InlineData(OrderingGrading.AllOrNothing, "1,0,2,3", 0)]
    public void Partly_right_orders_earn_what_each_grading_type_gives(OrderingGrading grading, string order, double fraction)
    {
        var g = Of(Pdca(grading), ("order", order));
        Assert.Equal((decimal)fraction, g.Fraction);
        Assert.Equal(fraction == 0 ? GradeState.Wrong : GradeState.PartiallyCorrect, g.State);
        Assert.Equal([fraction == 0 ? "ยังไม่ถูก" : "ถูกบางส่วน"], g.Feedback);
    }

    [Fact]
    public void Repeated_and_unknown_items_are_not_items_placed()
    {
        // Read as 0,1 only: two items in place, out of four.
        Is(Of(Pdca(OrderingGrading.AbsolutePosition), ("order", "0,1,1,9,-2,x")), 0.5m, GradeState.PartiallyCorrect);
        Is(Of(Pdca(OrderingGrading.AllOrNothing), ("order", "0,1,2")), 0m, GradeState.Wrong);
        Is(Of(Pdca(OrderingGrading.RelativeNextExcludeLast), ("order", "0,1,2")), 0.6666667m, GradeState.PartiallyCorrect);
    }

    [Fact]
    public void No_order_is_not_answered()
    {
        Is(Of(Pdca(OrderingGrading.AbsolutePosition), ("order", "x,y")), 0m, GradeState.NotAnswered);
        Is(QuestionGrading.Grade(Pdca(OrderingGrading.AbsolutePosition), Response.Empty), 0m, GradeState.NotAnswered);
    }
}
