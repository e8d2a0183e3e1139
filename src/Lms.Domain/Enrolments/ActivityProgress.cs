namespace Lms.Domain.Enrolments;

/// <summary>What one learner has done in one activity. One row per enrolment and activity.</summary>
public sealed class ActivityProgress
{
    public Guid EnrolmentId { get; private set; }
    public Guid ActivityId { get; private set; }
    public DateTime? FirstViewedAtUtc { get; internal set; }
    public DateTime? LastViewedAtUtc { get; internal set; }
    public DateTime? SubmittedAtUtc { get; internal set; }
    public decimal? Grade { get; internal set; }
    public DateTime? GradedAtUtc { get; internal set; }
    public DateTime? QuizPassedAtUtc { get; internal set; }
    /// <summary>When the activity's completion criterion was first met. Never cleared (see <see cref="Enrolment"/>).</summary>
    public DateTime? CompletedAtUtc { get; internal set; }

    private ActivityProgress() { }

    /// <summary>A progress row as stored (see <see cref="Enrolment.Restore"/>).</summary>
    public static ActivityProgress Restore(Guid enrolmentId, Guid activityId, DateTime? firstViewedAtUtc, DateTime? lastViewedAtUtc,
        DateTime? submittedAtUtc, decimal? grade, DateTime? gradedAtUtc, DateTime? quizPassedAtUtc, DateTime? completedAtUtc) =>
        new(enrolmentId, activityId)
        {
            FirstViewedAtUtc = firstViewedAtUtc, LastViewedAtUtc = lastViewedAtUtc, SubmittedAtUtc = submittedAtUtc, Grade = grade,
            GradedAtUtc = gradedAtUtc, QuizPassedAtUtc = quizPassedAtUtc, CompletedAtUtc = completedAtUtc,
        };

    internal ActivityProgress(Guid enrolmentId, Guid activityId)
    {
        EnrolmentId = enrolmentId;
        ActivityId = activityId;
    }
}
