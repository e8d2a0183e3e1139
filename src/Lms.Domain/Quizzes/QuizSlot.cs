using Lms.Domain.Common;

namespace Lms.Domain.Quizzes;

/// <summary>
/// A place in a quiz: either one fixed question, or <see cref="Count"/> questions drawn at random for each attempt
/// from a category (and its sub-categories when <see cref="IncludeSubcategories"/>). <see cref="Mark"/> is what each
/// question in the slot is worth.
/// </summary>
public sealed record QuizSlot
{
    public Guid? QuestionId { get; init; }
    public Guid? CategoryId { get; init; }
    public bool IncludeSubcategories { get; init; }
    public int Count { get; init; } = 1;
    public decimal Mark { get; init; } = 1m;

    public bool IsRandom => CategoryId is not null;

    public static QuizSlot Fixed(Guid questionId, decimal mark) => Check(new QuizSlot { QuestionId = questionId, Mark = mark });

    public static QuizSlot Random(Guid categoryId, int count, decimal mark, bool includeSubcategories) =>
        Check(new QuizSlot { CategoryId = categoryId, Count = count, Mark = mark, IncludeSubcategories = includeSubcategories });

    private static QuizSlot Check(QuizSlot s)
    {
        if (s.Mark <= 0 || s.Mark > 1000) throw new DomainException("quiz.mark_invalid", "A question's mark must be above 0 and at most 1000.");
        if (s.Count is < 1 or > 200) throw new DomainException("quiz.random_count_invalid", "Draw between 1 and 200 questions.");
        return s;
    }
}
