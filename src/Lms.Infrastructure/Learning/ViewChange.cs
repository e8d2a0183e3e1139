using System.Text.Json;
using Lms.Domain.Courses;
using Lms.Domain.Enrolments;
using Lms.Infrastructure.Events;

namespace Lms.Infrastructure.Learning;

/// <summary>
/// What recording one view (or a passed quiz) changed, in the shape <see cref="ProgressWriter"/> saves: the enrolment's
/// new values (saved only if its row version is still <see cref="ExpectedVersion"/>), the progress row of
/// the activity (inserted, or only its changed columns updated, as EF would), and the domain events as
/// outbox rows — all in the writer's one transaction.
/// </summary>
public sealed class ViewChange
{
    public required Guid EnrolmentId { get; init; }
    public required uint ExpectedVersion { get; init; }
    public Guid? LastActivityId { get; init; }
    public DateTime? LastActivityAtUtc { get; init; }
    public DateTime? CompletedAtUtc { get; init; }
    public int? CompletedVersion { get; init; }

    public required Guid ActivityId { get; init; }
    public bool ProgressIsNew { get; init; }
    public DateTime? FirstViewedAtUtc { get; init; }
    public bool FirstViewedChanged { get; init; }
    public DateTime? LastViewedAtUtc { get; init; }
    public bool LastViewedChanged { get; init; }
    public DateTime? ActivityCompletedAtUtc { get; init; }
    public bool ActivityCompletedChanged { get; init; }

    /// <summary>Set when a quiz was passed (the quiz attempt's submit saves such a change in its own transaction).</summary>
    public DateTime? QuizPassedAtUtc { get; init; }
    public bool QuizPassedChanged { get; init; }

    /// <summary>ActivityCompleted / CourseCompleted, as <see cref="OutboxInterceptor"/> would store them.</summary>
    public IReadOnlyList<OutboxMessage> Events { get; init; } = [];

    /// <summary>
    /// Applies <see cref="Enrolment.RecordView"/> to an enrolment read at <paramref name="version"/> and says
    /// what to save; null when the view changed nothing (a repeat view within <see cref="Enrolment.ViewResolution"/>).
    /// Domain errors (activity not open, …) come from RecordView unchanged.
    /// </summary>
    public static ViewChange? RecordView(Enrolment enrolment, uint version, CourseOutline outline, Guid activityId, DateTime nowUtc) =>
        Capture(enrolment, version, activityId, e => e.RecordView(outline, activityId, nowUtc));

    /// <summary>
    /// Applies <see cref="Enrolment.RecordQuizPassed"/> the same way: the quiz activity's progress (and the
    /// completions it makes, with their events); null when it changed nothing (passed before).
    /// </summary>
    public static ViewChange? RecordQuizPassed(Enrolment enrolment, uint version, CourseOutline outline, Guid activityId, DateTime nowUtc) =>
        Capture(enrolment, version, activityId, e => e.RecordQuizPassed(outline, activityId, nowUtc));

    private static ViewChange? Capture(Enrolment enrolment, uint version, Guid activityId, Action<Enrolment> record)
    {
        var before = enrolment.Progress.FirstOrDefault(p => p.ActivityId == activityId);
        var (first, last, done, passed) = (before?.FirstViewedAtUtc, before?.LastViewedAtUtc, before?.CompletedAtUtc, before?.QuizPassedAtUtc);
        var (lastId, lastAt, completed, completedVersion) =
            (enrolment.LastActivityId, enrolment.LastActivityAtUtc, enrolment.CompletedAtUtc, enrolment.CompletedVersion);

        record(enrolment);

        var p = enrolment.Progress.First(x => x.ActivityId == activityId);
        var events = enrolment.DomainEvents.Select(e => new OutboxMessage
        {
            Type = e.GetType().FullName!, Payload = JsonSerializer.Serialize(e, e.GetType(), OutboxInterceptor.Json),
            OccurredAtUtc = e.OccurredAtUtc,
        }).ToList();
        enrolment.ClearDomainEvents();
        var change = new ViewChange
        {
            EnrolmentId = enrolment.Id, ExpectedVersion = version,
            LastActivityId = enrolment.LastActivityId, LastActivityAtUtc = enrolment.LastActivityAtUtc,
            CompletedAtUtc = enrolment.CompletedAtUtc, CompletedVersion = enrolment.CompletedVersion,
            ActivityId = activityId, ProgressIsNew = before is null,
            FirstViewedAtUtc = p.FirstViewedAtUtc, FirstViewedChanged = p.FirstViewedAtUtc != first,
            LastViewedAtUtc = p.LastViewedAtUtc, LastViewedChanged = p.LastViewedAtUtc != last,
            ActivityCompletedAtUtc = p.CompletedAtUtc, ActivityCompletedChanged = p.CompletedAtUtc != done,
            QuizPassedAtUtc = p.QuizPassedAtUtc, QuizPassedChanged = p.QuizPassedAtUtc != passed,
            Events = events,
        };
        var enrolmentChanged = enrolment.LastActivityId != lastId || enrolment.LastActivityAtUtc != lastAt
                               || enrolment.CompletedAtUtc != completed || enrolment.CompletedVersion != completedVersion;
        return enrolmentChanged || change.ProgressIsNew || change.FirstViewedChanged || change.LastViewedChanged
               || change.ActivityCompletedChanged || change.QuizPassedChanged || events.Count > 0
            ? change
            : null;
    }
}
