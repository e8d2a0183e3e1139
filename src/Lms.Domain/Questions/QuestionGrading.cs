using Lms.Domain.Common;

namespace Lms.Domain.Questions;

/// <summary>
/// Grades a response to a question version, following Moodle's rules for each type (so a bank brought from Moodle
/// grades the same here). Pure: the same content and response always give the same grade. Never throws because
/// of what a teacher typed or a browser sent: unknown keys are ignored, indexes out of range are not choices,
/// text that is not a number is a wrong number.
/// </summary>
public static class QuestionGrading
{
    public static QuestionGrade Grade(QuestionContent question, Response response)
    {
        ArgumentNullException.ThrowIfNull(question);
        response ??= Response.Empty;
        return question switch
        {
            MultipleChoiceQuestion q => ChoiceGrader.Grade(q.Choices, q.Single, q.Feedback, response["answer"]),
            TrueFalseQuestion q => GradeTrueFalse(q, response["answer"]),
            ShortAnswerQuestion q => ShortAnswerGrader.Grade(q.Answers, q.CaseSensitive, response["answer"]),
            NumericalQuestion q => NumericalGrader.Grade(q, response),
            MatchingQuestion q => MatchingGrader.Grade(q, response),
            OrderingQuestion q => OrderingGrader.Grade(q, response),
            ClozeQuestion q => ClozeGrader.Grade(q, response),
            EssayQuestion q => GradeEssay(q, response["answer"]),
            DescriptionQuestion => QuestionGrade.NotAnswered,
            _ => throw new NotSupportedException($"No grading for {question.GetType().Name}."),
        };
    }

    /// <summary>Each gap's own grade, in gap order (key gap1 is index 0): for review pages that mark gaps one by one.</summary>
    public static IReadOnlyList<QuestionGrade> GradeGaps(ClozeQuestion question, Response response)
    {
        ArgumentNullException.ThrowIfNull(question);
        return ClozeGrader.GradeGaps(question, response ?? Response.Empty);
    }

    private static QuestionGrade GradeTrueFalse(TrueFalseQuestion q, string? value)
    {
        bool? given = value?.Trim().ToLowerInvariant() switch
        {
            "true" => true,
            "false" => false,
            _ => null,
        };
        if (given is not { } g) return QuestionGrade.NotAnswered;
        // Moodle's true/false feedback belongs to the response given, not to whether it was right.
        return Graded.Of(g == q.CorrectAnswer ? 1m : 0m, [g ? q.TrueFeedback : q.FalseFeedback]);
    }

    /// <summary>
    /// An essay waits for a person. Blank, or the response template left as it was, is no answer: the teacher
    /// wrote nothing of their own.
    /// </summary>
    private static QuestionGrade GradeEssay(EssayQuestion q, string? value)
    {
        var text = Text.Clean(value);
        if (text.Length == 0) return QuestionGrade.NotAnswered;
        var template = Text.Clean(q.ResponseTemplate);
        return template.Length > 0 && text == template ? QuestionGrade.NotAnswered : QuestionGrade.Pending;
    }
}
