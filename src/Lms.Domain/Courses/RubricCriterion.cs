using Lms.Domain.Common;

namespace Lms.Domain.Courses;

/// <summary>One line of an assignment's rubric (เกณฑ์การให้คะแนน): what is judged and its maximum points.</summary>
public sealed record RubricCriterion(string Title, decimal MaxPoints)
{
    public static RubricCriterion Create(string title, decimal maxPoints)
    {
        if (maxPoints <= 0) throw new DomainException("rubric.points_positive", "Rubric points must be positive.");
        return new RubricCriterion(Text.Required(title, "rubric.title_required", 200), maxPoints);
    }
}
