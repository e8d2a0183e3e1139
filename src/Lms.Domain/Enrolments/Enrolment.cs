using Lms.Domain.Common;
using Lms.Domain.Courses;

namespace Lms.Domain.Enrolments;

/// <summary>
/// A person's place in a course and everything they have done in it. Completion is recorded the moment
/// a rule is met (not by a nightly job): each Record… method re-evaluates the activity and the course and
/// raises <see cref="ActivityCompleted"/> / <see cref="CourseCompleted"/> in the same change.
/// A completion, once recorded, stays: a later lower regrade or a new course version does not take
/// away a certificate already earned.
/// </summary>
public sealed class Enrolment : IHasDomainEvents
{
    public Guid Id { get; private set; }
    public Guid CourseId { get; private set; }
    public Guid PersonId { get; private set; }
    public EnrolmentSource Source { get; private set; }
    public Guid? EnrolledBy { get; private set; }
    public DateTime EnrolledAtUtc { get; private set; }
    public DateTime? CompletedAtUtc { get; private set; }
    public int? CompletedVersion { get; private set; }
    /// <summary>For "continue where I left off".</summary>
    public Guid? LastActivityId { get; private set; }
    public DateTime? LastActivityAtUtc { get; private set; }

    private readonly List<ActivityProgress> progress = [];
    public IReadOnlyList<ActivityProgress> Progress => progress;
    private readonly List<IDomainEvent> events = [];
    public IReadOnlyList<IDomainEvent> DomainEvents => events;

    private Enrolment() { }

    public Enrolment(Guid id, Guid courseId, Guid personId, EnrolmentSource source, Guid? enrolledBy, DateTime nowUtc)
    {
        if (id == Guid.Empty || courseId == Guid.Empty || personId == Guid.Empty)
            throw new DomainException("enrolment.ids_required", "Enrolment needs course and person.");
        if (!Enum.IsDefined(source)) throw new DomainException("enrolment.source_invalid", "Unknown enrolment source.");
        (Id, CourseId, PersonId, Source, EnrolledBy, EnrolledAtUtc) = (id, courseId, personId, source, enrolledBy, nowUtc);
    }

    /// <summary>
    /// An enrolment as stored, for persistence code that reads the rows itself (the learner pages' one-query
    /// read) instead of through EF. Applies no rules: the values were checked when they were recorded.
    /// </summary>
    public static Enrolment Restore(Guid id, Guid courseId, Guid personId, EnrolmentSource source, Guid? enrolledBy,
        DateTime enrolledAtUtc, DateTime? completedAtUtc, int? completedVersion, Guid? lastActivityId, DateTime? lastActivityAtUtc,
        IEnumerable<ActivityProgress> progress)
    {
        var e = new Enrolment
        {
            Id = id, CourseId = courseId, PersonId = personId, Source = source, EnrolledBy = enrolledBy, EnrolledAtUtc = enrolledAtUtc,
            CompletedAtUtc = completedAtUtc, CompletedVersion = completedVersion, LastActivityId = lastActivityId,
            LastActivityAtUtc = lastActivityAtUtc,
        };
        e.progress.AddRange(progress);
        return e;
    }

    public bool IsComplete => CompletedAtUtc is not null;

    public IReadOnlyDictionary<Guid, ActivityProgress> ProgressByActivity => progress.ToDictionary(p => p.ActivityId);

    /// <summary>
    /// How finely repeat views are recorded. Re-opening the same activity within this time changes nothing,
    /// so a reload is a read, not a write (and a person's parallel tabs do not contend for their enrolment row).
    /// </summary>
    public static readonly TimeSpan ViewResolution = TimeSpan.FromMinutes(1);

    public void RecordView(CourseOutline outline, Guid activityId, DateTime nowUtc)
    {
        var (rules, p) = Open(outline, activityId, nowUtc);
        p.FirstViewedAtUtc ??= nowUtc;
        if (p.LastViewedAtUtc is not { } seen || nowUtc - seen >= ViewResolution) p.LastViewedAtUtc = nowUtc;
        if (LastActivityId != activityId || LastActivityAtUtc is not { } last || nowUtc - last >= ViewResolution)
        {
            LastActivityId = activityId;
            LastActivityAtUtc = nowUtc;
        }
        Evaluate(outline, rules, p, nowUtc);
    }

    public void RecordSubmission(CourseOutline outline, Guid activityId, DateTime nowUtc)
    {
        var (rules, p) = Open(outline, activityId, nowUtc);
        if (rules.Kind != ActivityKind.Assignment) throw new DomainException("enrolment.not_assignment", "Only assignments take submissions.");
        p.FirstViewedAtUtc ??= nowUtc;
        p.SubmittedAtUtc = nowUtc;
        LastActivityId = activityId;
        LastActivityAtUtc = nowUtc;
        Evaluate(outline, rules, p, nowUtc);
    }

    /// <summary>A trainer's grade. Grading does not need the activity to be open to the learner.</summary>
    public void RecordGrade(CourseOutline outline, Guid activityId, decimal grade, decimal maxScore, DateTime nowUtc)
    {
        var rules = outline.Find(activityId) ?? throw new DomainException("activity.not_found", "No such activity in this course.");
        if (rules.Kind != ActivityKind.Assignment) throw new DomainException("enrolment.not_assignment", "Only assignments are graded.");
        if (grade < 0 || grade > maxScore) throw new DomainException("grade.out_of_range", $"The grade must be between 0 and {maxScore}.");
        var p = ProgressFor(activityId);
        if (p.SubmittedAtUtc is null) throw new DomainException("grade.nothing_submitted", "Nothing has been submitted yet.");
        p.Grade = grade;
        p.GradedAtUtc = nowUtc;
        events.Add(new AssignmentGraded(Id, CourseId, PersonId, activityId, grade, maxScore, nowUtc));
        Evaluate(outline, rules, p, nowUtc);
    }

    public void RecordQuizPassed(CourseOutline outline, Guid activityId, DateTime nowUtc)
    {
        var (rules, p) = Open(outline, activityId, nowUtc);
        if (rules.Kind != ActivityKind.Quiz) throw new DomainException("enrolment.not_quiz", "Only quizzes are passed.");
        p.QuizPassedAtUtc ??= nowUtc;
        Evaluate(outline, rules, p, nowUtc);
    }

    public int PercentComplete(CourseOutline outline) => IsComplete ? 100 : CompletionRules.PercentComplete(outline, ProgressByActivity);

    public ActivityRules? NextActivity(CourseOutline outline, DateTime nowUtc) =>
        CompletionRules.NextActivity(outline, ProgressByActivity, nowUtc);

    public void ClearDomainEvents() => events.Clear();

    private (ActivityRules, ActivityProgress) Open(CourseOutline outline, Guid activityId, DateTime nowUtc)
    {
        if (outline.CourseId != CourseId) throw new DomainException("enrolment.wrong_course", "The outline is of another course.");
        var rules = outline.Find(activityId) ?? throw new DomainException("activity.not_found", "No such activity in this course.");
        if (!CompletionRules.IsOpen(outline, rules, ProgressByActivity, nowUtc))
            throw new DomainException("activity.not_open", "This activity is not open yet.");
        return (rules, ProgressFor(activityId));
    }

    private ActivityProgress ProgressFor(Guid activityId)
    {
        var p = progress.FirstOrDefault(x => x.ActivityId == activityId);
        if (p is null)
        {
            p = new ActivityProgress(Id, activityId);
            progress.Add(p);
        }
        return p;
    }

    private void Evaluate(CourseOutline outline, ActivityRules rules, ActivityProgress p, DateTime nowUtc)
    {
        if (p.CompletedAtUtc is null && CompletionRules.IsMet(rules, p))
        {
            p.CompletedAtUtc = nowUtc;
            events.Add(new ActivityCompleted(Id, CourseId, PersonId, rules.Id, nowUtc));
        }
        if (CompletedAtUtc is null && CompletionRules.IsCourseComplete(outline, ProgressByActivity))
        {
            CompletedAtUtc = nowUtc;
            CompletedVersion = outline.Version;
            events.Add(new CourseCompleted(Id, CourseId, PersonId, outline.Version, nowUtc));
        }
    }
}
