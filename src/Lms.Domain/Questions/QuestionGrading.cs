namespace Lms.Domain.Questions;

/// <summary>Grades a response to a question version. Pure: the same content and response always give the same grade.</summary>
public static class QuestionGrading
{
    public static QuestionGrade Grade(QuestionContent question, Response response) =>
        throw new NotImplementedException("Being written (quiz feature).");
}

/// <summary>Checks a question can be used: every type's rules (a multiple choice needs a right answer, fractions Moodle accepts…).</summary>
public static class QuestionValidation
{
    public static IReadOnlyList<QuestionProblem> Problems(QuestionContent question) =>
        throw new NotImplementedException("Being written (quiz feature).");
}
