using Lms.Domain.Common;
using Lms.Domain.Courses;

namespace Lms.Domain.Enrolments;

/// <summary>A file handed in with an assignment, as stored (the file store's key) and as named by the teacher.</summary>
public sealed record SubmittedFile(string Key, string Name, string ContentType, long Length);

/// <summary>
/// A teacher's evidence for an assignment (text and/or files) and the trainer's rubric grading of it.
/// One per enrolment and assignment: the teacher may replace it until it is graded; a trainer can
/// reopen it for another try.
/// </summary>
public sealed class AssignmentSubmission
{
    public const int MaxFiles = 5;

    public Guid Id { get; private set; }
    public Guid EnrolmentId { get; private set; }
    public Guid CourseId { get; private set; }
    public Guid ActivityId { get; private set; }
    public Guid PersonId { get; private set; }
    public string Text { get; private set; } = "";
    private List<SubmittedFile> files = [];
    public IReadOnlyList<SubmittedFile> Files => files;
    public DateTime SubmittedAtUtc { get; private set; }
    public DateTime? GradedAtUtc { get; private set; }
    public Guid? GradedBy { get; private set; }
    private List<decimal> rubricScores = [];
    public IReadOnlyList<decimal> RubricScores => rubricScores;
    public decimal? Grade { get; private set; }
    public string Feedback { get; private set; } = "";

    private AssignmentSubmission() { }

    public AssignmentSubmission(Guid id, Enrolment enrolment, Guid activityId, string text, IEnumerable<SubmittedFile> submittedFiles, DateTime nowUtc)
    {
        (Id, EnrolmentId, CourseId, ActivityId, PersonId) = (id, enrolment.Id, enrolment.CourseId, activityId, enrolment.PersonId);
        Replace(text, submittedFiles, nowUtc);
    }

    public bool IsGraded => GradedAtUtc is not null;

    /// <summary>Hands in a new version (before grading).</summary>
    public void Replace(string text, IEnumerable<SubmittedFile> submittedFiles, DateTime nowUtc)
    {
        if (IsGraded) throw new DomainException("submission.graded", "A graded submission cannot be changed; ask the trainer to reopen it.");
        var list = submittedFiles.ToList();
        var clean = Common.Text.Optional(text, 50_000);
        if (clean.Length == 0 && list.Count == 0) throw new DomainException("submission.empty", "Write something or attach a file.");
        if (list.Count > MaxFiles) throw new DomainException("submission.too_many_files", $"At most {MaxFiles} files.");
        (Text, files, SubmittedAtUtc) = (text?.Trim() ?? "", list, nowUtc);
    }

    /// <summary>
    /// A trainer scores each rubric line (0…its maximum) and writes feedback; the grade is the sum.
    /// The enrolment is updated by the caller with <see cref="Enrolment.RecordGrade"/> in the same change.
    /// </summary>
    public void GradeWith(IReadOnlyList<RubricCriterion> rubric, IReadOnlyList<decimal> scores, string feedback, Guid trainer, DateTime nowUtc)
    {
        if (scores.Count != rubric.Count) throw new DomainException("grade.rubric_mismatch", "Give a score for every rubric line.");
        for (var i = 0; i < scores.Count; i++)
            if (scores[i] < 0 || scores[i] > rubric[i].MaxPoints)
                throw new DomainException("grade.out_of_range", $"Score {i + 1} must be between 0 and {rubric[i].MaxPoints}.");
        rubricScores = [.. scores];
        Grade = scores.Sum();
        Feedback = Common.Text.Optional(feedback, 10_000).Length == 0 ? "" : feedback.Trim();
        GradedBy = trainer;
        GradedAtUtc = nowUtc;
    }

    /// <summary>Lets the teacher hand in again; the earlier grade is kept until a new one is given.</summary>
    public void Reopen() => GradedAtUtc = null;
}
