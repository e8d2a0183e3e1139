using Lms.Domain.Questions;
using static Lms.Domain.Tests.Questions.Grades;

namespace Lms.Domain.Tests.Questions;

public sealed class EssayAndDescriptionGradingTests
{
    [Fact]
    public void An_answered_essay_waits_for_a_grader()
    {
        var g = Of(SampleQuestions.Reflection, ("answer", "สิ่งที่ได้เรียนรู้: การเปิดชั้นเรียนช่วยให้เห็นผู้เรียนชัดขึ้น"));
        Is(g, 0m, GradeState.NeedsGrading);
        Assert.True(SampleQuestions.Reflection.NeedsManualGrading);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  \n ")]
    [InlineData("สิ่งที่ได้เรียนรู้:")] // the template, untouched
    [InlineData("  สิ่งที่ได้เรียนรู้:  ")]
    public void A_blank_essay_or_the_untouched_template_is_not_answered(string text)
    {
        Is(Of(SampleQuestions.Reflection, ("answer", text)), 0m, GradeState.NotAnswered);
    }

    [Fact]
    public void A_description_is_never_answered_and_carries_no_marks()
    {
        Is(Of(SampleQuestions.Reading, ("answer", "อ่านแล้ว")), 0m, GradeState.NotAnswered);
        Assert.False(SampleQuestions.Reading.IsGraded);
    }
}
