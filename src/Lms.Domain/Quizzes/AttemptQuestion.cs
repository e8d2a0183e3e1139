using Lms.Domain.Common;
using Lms.Domain.Questions;

namespace Lms.Domain.Quizzes;

/// <summary>A question in an attempt: which version, how it was laid out, what was answered and what it earned.</summary>
public sealed class AttemptQuestion
{
    public Guid AttemptId { get; private set; }
    public int Slot { get; private set; }
    public int Page { get; private set; }
    public Guid QuestionId { get; private set; }
    public int Version { get; private set; }
    public decimal MaxMark { get; private set; }
    public QuestionLayout Layout { get; private set; } = null!;
    public Dictionary<string, string> Answer { get; private set; } = [];
    public long Sequence { get; private set; }
    public DateTime? SavedAtUtc { get; private set; }
    public GradeState GradeState { get; private set; }
    public decimal? Fraction { get; private set; }
    public string[] Feedback { get; private set; } = [];
    public string GraderComment { get; private set; } = "";
    public Guid? GradedBy { get; private set; }
    public DateTime? GradedAtUtc { get; private set; }
    /// <summary>
    /// The <see cref="Sequence"/> of the answer that <see cref="GradeState"/>, <see cref="Fraction"/> and
    /// <see cref="Feedback"/> belong to: answers are graded as they are saved, so that submitting only adds up stored
    /// grades. Null (an attempt saved before grading on save) or another sequence means the stored grade is stale and
    /// submitting grades the answer again. The question version cannot change within an attempt, so the sequence is
    /// all that can make a grade stale.
    /// </summary>
    public long? GradedSequence { get; private set; }

    private AttemptQuestion() { }

    internal AttemptQuestion(Guid attemptId, int slot, int page, Guid questionId, int version, decimal maxMark, QuestionLayout layout)
    {
        AttemptId = attemptId;
        Slot = slot;
        Page = page;
        QuestionId = questionId;
        Version = version;
        MaxMark = maxMark;
        Layout = layout;
    }

    /// <summary>A question of an attempt as stored (see <see cref="QuizAttempt.Restore(Guid, Guid, Guid, Guid, int, AttemptState, int, DateTime, DateTime?, DateTime?, bool, decimal, decimal?, int, IEnumerable{AttemptQuestion})"/>).</summary>
    public static AttemptQuestion Restore(Guid attemptId, int slot, int page, Guid questionId, int version, decimal maxMark,
        QuestionLayout layout, Dictionary<string, string> answer, long sequence, DateTime? savedAtUtc, GradeState gradeState,
        decimal? fraction, string[] feedback, string graderComment, Guid? gradedBy, DateTime? gradedAtUtc, long? gradedSequence) =>
        new(attemptId, slot, page, questionId, version, maxMark, layout)
        {
            Answer = answer, Sequence = sequence, SavedAtUtc = savedAtUtc, GradeState = gradeState, Fraction = fraction,
            Feedback = feedback, GraderComment = graderComment, GradedBy = gradedBy, GradedAtUtc = gradedAtUtc,
            GradedSequence = gradedSequence,
        };

    /// <summary>
    /// A question as a designer previews it in the bank: slot 1 of no attempt, never stored. With a response it is
    /// graded as an attempt would grade it, so the designer sees the mark and feedback a teacher would get.
    /// </summary>
    public static AttemptQuestion Preview(Guid questionId, int version, QuestionContent content, QuestionLayout layout, Response? response = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        var q = new AttemptQuestion(Guid.Empty, 1, 1, questionId, version, content.IsGraded ? content.DefaultMark : 0m, layout);
        if (response is null) return q;
        q.Save(response, 0, DateTime.UnixEpoch);
        q.Grade(content);
        return q;
    }

    public Response Response => new(Answer);

    public decimal? EarnedMark => Fraction is { } f ? Math.Round(f * MaxMark, 4) : null;

    public bool IsAnswered => Answer.Count > 0;

    /// <summary>Whether the stored grade is the one of the stored answer (see <see cref="GradedSequence"/>).</summary>
    public bool HasCurrentGrade => GradedSequence == Sequence;

    /// <summary>
    /// What a response earns on a question, as an attempt stores it: the grader's state, fraction (none while an essay
    /// waits for a person) and feedback. Persistence code that saves an answer with one statement grades it with this,
    /// so the stored grade is exactly what <see cref="Grade"/> would store.
    /// </summary>
    public static StoredGrade GradeOf(QuestionContent content, Response response)
    {
        var g = QuestionGrading.Grade(content, response);
        return new StoredGrade(g.State, g.State == GradeState.NeedsGrading ? null : g.Fraction, [.. g.Feedback]);
    }

    public sealed record StoredGrade(GradeState State, decimal? Fraction, string[] Feedback);

    /// <summary>Refuses answers no question needs (a crafted request): too many values, or one longer than an essay.</summary>
    public static void CheckSize(Response response)
    {
        var values = response.Values;
        if (values.Count > 100 || values.Any(v => v.Key.Length > 20 || v.Value.Length > 100_000))
            throw new DomainException("attempt.answer_too_large", "The answer is too large.");
    }

    internal void Save(Response response, long sequence, DateTime nowUtc)
    {
        CheckSize(response);
        Answer = new Dictionary<string, string>(response.Values);
        Sequence = sequence;
        SavedAtUtc = nowUtc;
    }

    internal void Grade(QuestionContent content)
    {
        var g = GradeOf(content, Response);
        GradeState = g.State;
        Fraction = g.Fraction;
        Feedback = g.Feedback;
        GradedSequence = Sequence;
    }

    internal void GradeByHand(decimal mark, string comment, Guid graderId, DateTime nowUtc)
    {
        Fraction = MaxMark == 0 ? 0 : mark / MaxMark;
        GradeState = Fraction >= 1 ? GradeState.Correct : Fraction > 0 ? GradeState.PartiallyCorrect : GradeState.Wrong;
        GraderComment = Text.Optional(comment, 10_000);
        GradedBy = graderId;
        GradedAtUtc = nowUtc;
    }
}
