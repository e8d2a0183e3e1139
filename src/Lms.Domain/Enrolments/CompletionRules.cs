using Lms.Domain.Courses;

namespace Lms.Domain.Enrolments;

/// <summary>Pure rules: is an activity done, is it open, how far along is a learner.</summary>
public static class CompletionRules
{
    public static bool IsMet(ActivityRules rules, ActivityProgress? p) => p is not null && rules.Criterion switch
    {
        CompletionCriterion.Viewed => p.FirstViewedAtUtc is not null,
        CompletionCriterion.Submitted => p.SubmittedAtUtc is not null,
        CompletionCriterion.GradedAtLeastPassMark => p.Grade is { } g && rules.PassMark is { } pass && g >= pass,
        CompletionCriterion.QuizPassed => p.QuizPassedAtUtc is not null,
        _ => false,
    };

    /// <summary>
    /// Done for the purpose of "opens after": completed, or — for an untracked activity — opened at least once.
    /// </summary>
    public static bool IsDone(ActivityRules rules, ActivityProgress? p) =>
        p?.CompletedAtUtc is not null || (rules.Criterion == CompletionCriterion.None && p?.FirstViewedAtUtc is not null);

    public static bool IsOpen(CourseOutline outline, ActivityRules rules, IReadOnlyDictionary<Guid, ActivityProgress> progress, DateTime nowUtc)
    {
        if (rules.OpensAtUtc is { } opens && nowUtc < opens) return false;
        if (rules.OpensAfterActivityId is not { } after) return true;
        var prerequisite = outline.Find(after);
        // A prerequisite removed in a later version no longer holds anything back.
        return prerequisite is null || IsDone(prerequisite, progress.GetValueOrDefault(after));
    }

    public static bool IsCourseComplete(CourseOutline outline, IReadOnlyDictionary<Guid, ActivityProgress> progress) =>
        outline.RequiredActivityIds.Count > 0 &&
        outline.RequiredActivityIds.All(id => progress.GetValueOrDefault(id)?.CompletedAtUtc is not null);

    /// <summary>Whole percent of required activities completed (0–100).</summary>
    public static int PercentComplete(CourseOutline outline, IReadOnlyDictionary<Guid, ActivityProgress> progress)
    {
        if (outline.RequiredActivityIds.Count == 0) return 0;
        var done = outline.RequiredActivityIds.Count(id => progress.GetValueOrDefault(id)?.CompletedAtUtc is not null);
        return (int)Math.Floor(100.0 * done / outline.RequiredActivityIds.Count);
    }

    /// <summary>The first activity in course order that is open and not yet done: "what to do next".</summary>
    public static ActivityRules? NextActivity(CourseOutline outline, IReadOnlyDictionary<Guid, ActivityProgress> progress, DateTime nowUtc) =>
        outline.Activities.FirstOrDefault(a => !IsDone(a, progress.GetValueOrDefault(a.Id)) && IsOpen(outline, a, progress, nowUtc));
}
