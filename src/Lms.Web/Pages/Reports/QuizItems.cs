using Lms.Domain.Questions;
using Lms.Domain.Quizzes;
using Lms.Web.Localization;
using Microsoft.EntityFrameworkCore;

namespace Lms.Web.Pages.Reports;

/// <summary>
/// The item analysis part of the quiz report: facility and discrimination index per question (see
/// <see cref="ItemAnalysis"/>), with a hint to check the questions outside the usual ranges (the bounds are settings).
/// </summary>
public sealed partial class QuizReportModel
{
    public sealed record ItemRow(int Number, string Name, QuestionType Type, ItemAnalysis.Item Stats, ItemAnalysis.Concern Concerns);

    public IReadOnlyList<ItemRow> Items { get; private set; } = [];
    public decimal MinFacility => config.GetValue("Reports:ItemAnalysis:MinFacility", 20m);
    public decimal MaxFacility => config.GetValue("Reports:ItemAnalysis:MaxFacility", 90m);

    /// <summary>
    /// From each teacher's first finished attempt only: a second attempt at the same paper is practised, and would make
    /// every question look easier than it was the first time. Questions worth no marks (descriptions) are left out.
    /// </summary>
    private async Task LoadItemsAsync(IEnumerable<QuizAttempt> attempts, CancellationToken ct)
    {
        var firsts = attempts.Where(a => a.State == AttemptState.Finished).GroupBy(a => a.PersonId)
            .Select(g => g.MinBy(a => a.Number)!.Id).ToList();
        var graded = await db.AttemptQuestions.AsNoTracking()
            .Where(q => firsts.Contains(q.AttemptId) && q.MaxMark > 0 && q.Fraction != null)
            .Select(q => new { q.AttemptId, q.QuestionId, q.Slot, q.MaxMark, Fraction = q.Fraction!.Value }).ToListAsync(ct);
        var stats = ItemAnalysis.Of(graded.Select(q => new ItemAnalysis.Score(q.QuestionId, q.AttemptId, q.Fraction, q.MaxMark)));
        // Random questions sit in different places in different attempts: list each where it came first.
        var place = graded.GroupBy(q => q.QuestionId).ToDictionary(g => g.Key, g => g.Min(q => q.Slot));
        var ids = place.Keys.ToList();
        var questions = await db.Questions.AsNoTracking().Where(q => ids.Contains(q.Id))
            .Select(q => new { q.Id, q.Name, q.Type }).ToDictionaryAsync(q => q.Id, ct);
        Items = stats.OrderBy(s => place[s.QuestionId]).ThenBy(s => questions[s.QuestionId].Name, StringComparer.Ordinal)
            .Select((s, i) => new ItemRow(i + 1, questions[s.QuestionId].Name, questions[s.QuestionId].Type, s,
                s.ConcernsOf(MinFacility, MaxFacility)))
            .ToList();
    }

    /// <summary>Why to look at a question again, in the reader's language; empty when nothing stands out.</summary>
    public string Hint(ItemAnalysis.Concern concerns)
    {
        if (concerns == ItemAnalysis.Concern.None) return "";
        var reasons = new List<string>();
        if (concerns.HasFlag(ItemAnalysis.Concern.TooHard)) reasons.Add(l["very few answer it right"]);
        if (concerns.HasFlag(ItemAnalysis.Concern.TooEasy)) reasons.Add(l["almost everyone answers it right"]);
        if (concerns.HasFlag(ItemAnalysis.Concern.NegativeDiscrimination))
            reasons.Add(l["teachers who did well on the rest of the quiz did worse on it (is the key right?)"]);
        return l["Check this question: {0}", string.Join("; ", reasons)];
    }

    private ReportTable ItemsTable() => new(l["Item analysis"],
        [l["No."], l["Question name"], l["Question type"], l["Attempts"], l["Facility index (%)"], l["Discrimination index"], l["Note"]],
        Items.Select(i => new object?[]
        {
            i.Number, i.Name, l[DomainNames.Of(i.Type)].Value, i.Stats.Attempts, i.Stats.FacilityPercent, i.Stats.DiscriminationIndex,
            Hint(i.Concerns),
        }).ToList());
}
