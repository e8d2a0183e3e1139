namespace Lms.Domain.Questions;

/// <summary>
/// What a teacher answered to one question, as named values (the way Moodle keeps question-attempt step
/// data): saved as they are given, so a half-answered question is a valid response. Choice numbers are
/// indexes into the question's own lists in their stored order, never into the shuffled order shown, so
/// grading does not depend on how the attempt was laid out.
/// <list type="bullet">
/// <item>multiple choice: <c>answer</c> = "2", or "0,3" when several may be right</item>
/// <item>true/false: <c>answer</c> = "true" or "false"</item>
/// <item>short answer, essay: <c>answer</c> = the text</item>
/// <item>numerical: <c>answer</c> = the number, optionally followed by a unit ("2.5 cm"); <c>unit</c> = a unit chosen apart</item>
/// <item>matching: <c>sub0</c>, <c>sub1</c>… (one per non-distractor pair, in stored order) = index into <see cref="MatchingQuestion"/>'s distinct answers</item>
/// <item>ordering: <c>order</c> = the item indexes in the order the teacher put them, "3,0,1,2"</item>
/// <item>cloze: <c>gap1</c>, <c>gap2</c>… = text, a number, a choice index, or "0,2" for a multiple-response gap</item>
/// </list>
/// </summary>
public sealed class Response
{
    public static readonly Response Empty = new(new Dictionary<string, string>());

    private readonly Dictionary<string, string> values;

    public Response(IReadOnlyDictionary<string, string> values)
    {
        this.values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (k, v) in values)
            if (!string.IsNullOrEmpty(v)) this.values[k] = v;
    }

    public static Response Of(params (string Key, string Value)[] values) =>
        new(values.ToDictionary(v => v.Key, v => v.Value));

    public IReadOnlyDictionary<string, string> Values => values;
    public string? this[string key] => values.GetValueOrDefault(key);
    public bool IsEmpty => values.Count == 0;
}

public enum GradeState
{
    NotAnswered,
    Wrong,
    PartiallyCorrect,
    Correct,
    /// <summary>An essay waiting for a grader.</summary>
    NeedsGrading,
}

/// <summary>
/// The result of grading one response: <see cref="Fraction"/> of the question's mark, between 0 and 1, and the
/// feedback the teacher may see when the quiz's review options allow (per-answer feedback, in the order met).
/// </summary>
public sealed record QuestionGrade(decimal Fraction, GradeState State, IReadOnlyList<string> Feedback)
{
    public static QuestionGrade NotAnswered { get; } = new(0m, GradeState.NotAnswered, []);
    public static QuestionGrade Pending { get; } = new(0m, GradeState.NeedsGrading, []);
}

/// <summary>Something wrong with a question as written (or imported): a stable code and an English message for logs.</summary>
public sealed record QuestionProblem(string Code, string Message);
