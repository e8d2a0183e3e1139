using Lms.Domain.Common;

namespace Lms.Domain.Courses;

/// <summary>
/// The completion and access rules of one activity, independent of its content: what the
/// completion and availability calculations need, and what a published outline carries.
/// </summary>
public sealed record ActivityRules(
    Guid Id,
    ActivityKind Kind,
    CompletionCriterion Criterion,
    decimal? PassMark = null,
    Guid? OpensAfterActivityId = null,
    DateTime? OpensAtUtc = null)
{
    /// <summary>Which criteria make sense for which kind of activity.</summary>
    public static bool Allows(ActivityKind kind, CompletionCriterion criterion) => criterion switch
    {
        CompletionCriterion.None or CompletionCriterion.Viewed => true,
        CompletionCriterion.Submitted or CompletionCriterion.GradedAtLeastPassMark => kind == ActivityKind.Assignment,
        CompletionCriterion.QuizPassed => kind == ActivityKind.Quiz,
        _ => false,
    };

    public void Validate()
    {
        if (!Enum.IsDefined(Kind)) throw new DomainException("activity.kind_invalid", "Unknown activity kind.");
        if (!Allows(Kind, Criterion))
            throw new DomainException("activity.criterion_invalid", $"{Criterion} does not apply to a {Kind}.");
        if (Criterion == CompletionCriterion.GradedAtLeastPassMark && PassMark is null or < 0)
            throw new DomainException("activity.pass_mark_required", "A pass mark is needed.");
        if (OpensAfterActivityId == Id)
            throw new DomainException("activity.restriction_self", "An activity cannot wait for itself.");
        if (OpensAtUtc is { Kind: DateTimeKind.Local })
            throw new DomainException("activity.date_not_utc", "Dates are stored in UTC.");
    }
}
