using System.Runtime.CompilerServices;

namespace Lms.Domain.Courses;

/// <summary>
/// A published version of a course exactly as learners see it: a frozen copy taken at
/// <see cref="Course.Publish"/>, so designers can keep editing the draft without learners ever
/// seeing half a change. Stored as one JSON document per version.
/// </summary>
public sealed record PublishedCourse(
    Guid Id, int Version, DateTime PublishedAtUtc, string TitleTh, string TitleEn, string Summary, decimal CreditHours,
    int FiscalYear, string? CoverImageKey, CourseCompletionMode CompletionMode, IReadOnlyList<Guid> ChosenActivityIds,
    IReadOnlyList<PublishedSection> Sections)
{
    public static PublishedCourse From(Course c)
    {
        if (c.PublishedAtUtc is not { } at || c.PublishedVersion == 0)
            throw new InvalidOperationException("Publish the course before taking its published copy.");
        return new PublishedCourse(c.Id, c.PublishedVersion, at, c.TitleTh, c.TitleEn, c.Summary, c.CreditHours, c.FiscalYear,
            c.CoverImageKey, c.CompletionMode, [.. c.ChosenActivityIds],
            c.Sections.Select(s => new PublishedSection(s.Id, s.Title, s.Activities.Select(PublishedActivity.From).ToList())).ToList());
    }

    public IEnumerable<PublishedActivity> Activities => Sections.SelectMany(s => s.Activities);

    public PublishedActivity? Find(Guid activityId) => Activities.FirstOrDefault(a => a.Id == activityId);

    /// <summary>
    /// The outline completion works with. A published version never changes, so it is built once per
    /// instance (the cached versions are shared by every request) and kept beside it, not in the record:
    /// a field would take part in the record's equality and its JSON.
    /// </summary>
    public CourseOutline Outline() => Outlines.GetValue(this, static c => c.BuildOutline());

    private static readonly ConditionalWeakTable<PublishedCourse, CourseOutline> Outlines = new();

    private CourseOutline BuildOutline()
    {
        var rules = Activities.Select(a => a.Rules).ToList();
        var required = CompletionMode == CourseCompletionMode.ChosenActivities
            ? ChosenActivityIds.ToHashSet()
            : rules.Where(r => r.Criterion != CompletionCriterion.None).Select(r => r.Id).ToHashSet();
        return new CourseOutline(Id, Version, rules, required);
    }
}

public sealed record PublishedSection(Guid Id, string Title, IReadOnlyList<PublishedActivity> Activities);

public sealed record PublishedActivity(
    Guid Id, ActivityKind Kind, string Title, CompletionCriterion Criterion, decimal? PassMark, Guid? OpensAfterActivityId,
    DateTime? OpensAtUtc, string Body, string? Url, string? FileKey, string? FileName, string? FileContentType, long? FileLength,
    IReadOnlyList<RubricCriterion> Rubric, Guid? QuizId)
{
    public static PublishedActivity From(Activity a) => new(a.Id, a.Kind, a.Title, a.Criterion, a.PassMark, a.OpensAfterActivityId,
        a.OpensAtUtc, a.Body, a.Url, a.FileKey, a.FileName, a.FileContentType, a.FileLength, [.. a.Rubric], a.QuizId);

    public ActivityRules Rules => new(Id, Kind, Criterion, PassMark, OpensAfterActivityId, OpensAtUtc);
    /// <summary>The quiz of a quiz activity: its own id for quiz activities made before quizzes had ids of their own.</summary>
    public Guid? Quiz => Kind == ActivityKind.Quiz ? QuizId ?? Id : null;
    public decimal MaxScore => Rubric.Sum(r => r.MaxPoints);
}
