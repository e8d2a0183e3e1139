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
        var g = QuestionGrading.Grade(content, Response);
        GradeState = g.State;
        Fraction = g.State == GradeState.NeedsGrading ? null : g.Fraction;
        Feedback = [.. g.Feedback];
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
