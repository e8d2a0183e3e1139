using Lms.Domain.Questions;

namespace Lms.Domain.Tests.Questions;

/// <summary>Short ways to grade and assert in the tests.</summary>
public static class Grades
{
    public static QuestionGrade Of(QuestionContent q, params (string Key, string Value)[] values) =>
        QuestionGrading.Grade(q, Response.Of(values));

    public static void Is(QuestionGrade grade, decimal fraction, GradeState state)
    {
        Assert.Equal(state, grade.State);
        Assert.Equal(fraction, grade.Fraction);
    }
}
