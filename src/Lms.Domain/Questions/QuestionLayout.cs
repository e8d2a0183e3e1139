namespace Lms.Domain.Questions;

// TEMPORARY placeholder, replaced by the grading branch's QuestionLayout (same signature).
public sealed record QuestionLayout(IReadOnlyList<int>? ChoiceOrder, IReadOnlyList<int>? AnswerOrder, IReadOnlyList<int>? ItemOrder,
    IReadOnlyDictionary<int, IReadOnlyList<int>>? GapChoiceOrders)
{
    public static QuestionLayout For(QuestionContent q, Random rng) => new(null, null, null, null);
}
