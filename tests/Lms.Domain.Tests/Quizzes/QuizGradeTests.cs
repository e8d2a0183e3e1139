using Lms.Domain.Questions;
using Lms.Domain.Quizzes;

namespace Lms.Domain.Tests.Quizzes;

public class QuizGradeTests
{
    private static readonly DateTime Now = new(2026, 11, 25, 2, 0, 0, DateTimeKind.Utc);

    /// <summary>Attempts scoring the given number of right answers out of 4 (null: submitted with an essay still ungraded).</summary>
    private static List<QuizAttempt> Attempts(params int?[] rights)
    {
        var quiz = new Quiz(Guid.NewGuid(), Guid.NewGuid(), "หลังเรียน");
        quiz.SetGrading(0, GradingMethod.Highest, 60);
        var qs = Enumerable.Range(0, 4).Select(i => new QuizAttempt.Drawn(Guid.NewGuid(), 1,
            new TrueFalseQuestion { Name = $"ข้อ {i}", Text = "ถูกหรือผิด", CorrectAnswer = true })).ToList();
        var essay = new QuizAttempt.Drawn(Guid.NewGuid(), 1, new EssayQuestion { Name = "อธิบาย", Text = "อธิบาย" });
        var list = new List<QuizAttempt>();
        var n = 0;
        foreach (var right in rights)
        {
            var drawn = right is null ? [.. qs, essay] : qs;
            quiz = new Quiz(quiz.Id, quiz.CourseId, quiz.Title);
            quiz.SetGrading(0, GradingMethod.Highest, 60);
            quiz.ReplaceSlots(drawn.Select(d => QuizSlot.Fixed(d.QuestionId, 1m)));
            var a = QuizAttempt.Start(Guid.NewGuid(), quiz, Guid.Empty, ++n, drawn.Select(d => (IReadOnlyList<QuizAttempt.Drawn>)[d]).ToList(), n, Now);
            for (var i = 1; i <= 4; i++)
                a.SaveResponse(i, Response.Of(("answer", i <= (right ?? 4) ? "true" : "false")), 1, Now);
            if (right is null) a.SaveResponse(5, Response.Of(("answer", "เขียนตอบ")), 1, Now);
            a.Submit((id, _) => drawn.Single(d => d.QuestionId == id).Content, Now);
            list.Add(a);
        }
        return list;
    }

    [Theory]
    [InlineData(GradingMethod.Highest, 75)]
    [InlineData(GradingMethod.Average, 50)]
    [InlineData(GradingMethod.First, 25)]
    [InlineData(GradingMethod.Last, 50)]
    public void Each_grading_method_takes_its_attempts(GradingMethod method, decimal expected) =>
        Assert.Equal(expected, QuizGrade.Of(method, Attempts(1, 3, 2)));

    [Fact]
    public void No_finished_attempt_means_no_grade_yet()
    {
        Assert.Null(QuizGrade.Of(GradingMethod.Highest, []));
        var waiting = Attempts([null]);
        Assert.Equal(AttemptState.NeedsGrading, waiting[0].State);
        Assert.Null(QuizGrade.Of(GradingMethod.Highest, waiting));
    }

    [Fact]
    public void First_and_last_wait_for_their_own_attempt_rather_than_use_another()
    {
        var attempts = Attempts(null, 4);
        Assert.Null(QuizGrade.Of(GradingMethod.First, attempts));
        Assert.Equal(100m, QuizGrade.Of(GradingMethod.Last, attempts));
        Assert.Equal(100m, QuizGrade.Of(GradingMethod.Highest, attempts));
    }

    [Theory]
    [InlineData(40, 70, 30, 0.5)]
    [InlineData(80, 60, -20, -1)]
    [InlineData(0, 0, 0, 0)]
    public void Gain_and_normalised_gain(decimal pre, decimal post, decimal gain, decimal normalised)
    {
        var g = new LearningGain(pre, post);
        Assert.Equal(gain, g.Gain);
        Assert.Equal(normalised, g.NormalisedGain);
    }

    [Fact]
    public void Gain_is_undefined_without_both_tests_or_from_full_marks()
    {
        Assert.Null(new LearningGain(null, 80).Gain);
        Assert.Null(new LearningGain(50, null).NormalisedGain);
        Assert.Null(new LearningGain(100, 100).NormalisedGain);
        Assert.Equal(0, new LearningGain(100, 100).Gain);
    }
}
