using Lms.Domain.Questions;
using Lms.Domain.Quizzes;

namespace Lms.Web.Quizzes;

/// <summary>What the question partials need to show one question of an attempt, to answer or to review.</summary>
public sealed record SlotView(
    AttemptQuestion Question,
    QuestionContent Content,
    QuestionText Texts,
    bool Review,
    bool ShowFeedback,
    bool ShowRightAnswer,
    bool ShowMarks)
{
    public int Slot => Question.Slot;
    public string Field(string key) => AnswerForm.Field(Slot, key);
    public string? Value(string key) => Question.Response[key];
    public string Html(string text) => Texts.Html(Question.QuestionId, Question.Version, Content, text);
    public string Inline(string text) => Texts.Inline(Question.QuestionId, Question.Version, Content, text);

    /// <summary>Indexes in the order this attempt shows them (its layout), or stored order when not shuffled.</summary>
    public static IReadOnlyList<int> Order(IReadOnlyList<int>? layout, int count) => QuestionLayout.Shown(layout, count);

    public IReadOnlySet<string> Chosen(string key) =>
        (Value(key) ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet();
}
