using Lms.Domain.Common;

namespace Lms.Domain.Enrolments;

public sealed record ActivityCompleted(Guid EnrolmentId, Guid CourseId, Guid PersonId, Guid ActivityId, DateTime OccurredAtUtc)
    : IDomainEvent;

/// <summary>Raised once per enrolment, in the same change that completes the last required activity.</summary>
public sealed record CourseCompleted(Guid EnrolmentId, Guid CourseId, Guid PersonId, int CourseVersion, DateTime OccurredAtUtc)
    : IDomainEvent;
