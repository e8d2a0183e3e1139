using Lms.Domain.Common;

namespace Lms.Domain.Enrolments;

public sealed record ActivityCompleted(Guid EnrolmentId, Guid CourseId, Guid PersonId, Guid ActivityId, DateTime OccurredAtUtc)
    : IDomainEvent;

/// <summary>Raised once per enrolment, in the same change that completes the last required activity.</summary>
public sealed record CourseCompleted(Guid EnrolmentId, Guid CourseId, Guid PersonId, int CourseVersion, DateTime OccurredAtUtc)
    : IDomainEvent;

/// <summary>
/// A trainer graded (or regraded) a teacher's assignment: the teacher is told. Raised with the grade in the
/// same change, so the outbox cannot lose the notification.
/// </summary>
public sealed record AssignmentGraded(Guid EnrolmentId, Guid CourseId, Guid PersonId, Guid ActivityId, decimal Grade, decimal MaxScore,
    DateTime OccurredAtUtc) : IDomainEvent;
