using Lms.Domain.Common;

namespace Lms.Domain.Courses;

/// <summary>
/// One step of a course section. Content fields are used according to <see cref="Kind"/>; the
/// completion and access rules are the same for every kind (see <see cref="ActivityRules"/>).
/// </summary>
public sealed class Activity
{
    public Guid Id { get; private set; }
    public Guid SectionId { get; internal set; }
    public ActivityKind Kind { get; private set; }
    public string Title { get; private set; } = "";
    public int SortOrder { get; internal set; }

    public CompletionCriterion Criterion { get; private set; }
    public decimal? PassMark { get; private set; }
    public Guid? OpensAfterActivityId { get; private set; }
    public DateTime? OpensAtUtc { get; private set; }

    /// <summary>Markdown: the page's text, or an assignment's instructions.</summary>
    public string Body { get; private set; } = "";
    public string? Url { get; private set; }
    public string? FileKey { get; private set; }
    public string? FileName { get; private set; }
    public string? FileContentType { get; private set; }
    public long? FileLength { get; private set; }
    private List<RubricCriterion> rubric = [];
    public IReadOnlyList<RubricCriterion> Rubric => rubric;
    /// <summary>The quiz behind a quiz activity (the quiz feature fills it).</summary>
    public Guid? QuizId { get; private set; }

    private Activity() { }

    private Activity(Guid id, ActivityKind kind, string title)
    {
        if (id == Guid.Empty) throw new DomainException("activity.id_required", "An activity needs an id.");
        Id = id;
        Kind = kind;
        Rename(title);
        Criterion = kind switch
        {
            ActivityKind.Assignment => CompletionCriterion.Submitted,
            ActivityKind.Quiz => CompletionCriterion.QuizPassed,
            _ => CompletionCriterion.Viewed,
        };
    }

    public static Activity NewPage(Guid id, string title, string markdown) =>
        new(id, ActivityKind.Page, title) { Body = markdown ?? "" };

    public static Activity NewFile(Guid id, string title, string fileKey, string fileName, string contentType, long length)
    {
        var a = new Activity(id, ActivityKind.File, title);
        a.ReplaceFile(fileKey, fileName, contentType, length);
        return a;
    }

    public static Activity NewLink(Guid id, string title, string url)
    {
        var a = new Activity(id, ActivityKind.Link, title);
        a.ChangeUrl(url);
        return a;
    }

    public static Activity NewAssignment(Guid id, string title, string instructions, IEnumerable<RubricCriterion> rubric)
    {
        var a = new Activity(id, ActivityKind.Assignment, title) { Body = instructions ?? "" };
        a.ReplaceRubric(rubric);
        return a;
    }

    /// <summary>A quiz activity; its quiz (settings and questions) has the activity's id unless another is given.</summary>
    public static Activity NewQuiz(Guid id, string title, Guid? quizId = null) =>
        new(id, ActivityKind.Quiz, title) { QuizId = quizId ?? id };

    public ActivityRules Rules => new(Id, Kind, Criterion, PassMark, OpensAfterActivityId, OpensAtUtc);

    /// <summary>The highest score an assignment can get: the sum of its rubric.</summary>
    public decimal MaxScore => rubric.Sum(r => r.MaxPoints);

    public void Rename(string title) => Title = Text.Required(title, "activity.title_required", 200);

    public void ChangeBody(string markdown)
    {
        if (Kind is not (ActivityKind.Page or ActivityKind.Assignment))
            throw new DomainException("activity.no_body", "Only pages and assignments have text.");
        Body = markdown ?? "";
    }

    public void ChangeUrl(string url)
    {
        if (Kind != ActivityKind.Link) throw new DomainException("activity.not_link", "Only links have a URL.");
        if (!Uri.TryCreate(url?.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
            throw new DomainException("activity.url_invalid", "A link must be an http(s) address.");
        Url = uri.ToString();
    }

    public void ReplaceFile(string fileKey, string fileName, string contentType, long length)
    {
        if (Kind != ActivityKind.File) throw new DomainException("activity.not_file", "Only file activities hold a file.");
        if (string.IsNullOrWhiteSpace(fileKey) || length <= 0) throw new DomainException("activity.file_required", "A file is needed.");
        FileKey = fileKey;
        FileName = Text.Required(fileName, "activity.file_name_required", 260);
        FileContentType = contentType;
        FileLength = length;
    }

    public void ReplaceRubric(IEnumerable<RubricCriterion> criteria)
    {
        if (Kind != ActivityKind.Assignment) throw new DomainException("activity.not_assignment", "Only assignments have a rubric.");
        var list = criteria.ToList();
        if (list.Count == 0) throw new DomainException("rubric.required", "An assignment needs at least one rubric line.");
        rubric = list;
        if (PassMark > MaxScore) PassMark = MaxScore;
    }

    /// <summary>Sets when the activity counts as done and when it opens.</summary>
    public void SetRules(CompletionCriterion criterion, decimal? passMark, Guid? opensAfterActivityId, DateTime? opensAtUtc)
    {
        var rules = new ActivityRules(Id, Kind, criterion, passMark, opensAfterActivityId, opensAtUtc);
        rules.Validate();
        if (criterion == CompletionCriterion.GradedAtLeastPassMark && passMark > MaxScore)
            throw new DomainException("activity.pass_mark_too_high", "The pass mark is above the highest possible score.");
        Criterion = criterion;
        PassMark = criterion == CompletionCriterion.GradedAtLeastPassMark ? passMark : null;
        OpensAfterActivityId = opensAfterActivityId;
        OpensAtUtc = opensAtUtc;
    }

    internal Activity CopyAs(Guid newId, Guid newSectionId)
    {
        var copy = (Activity)MemberwiseClone();
        copy.Id = newId;
        copy.SectionId = newSectionId;
        copy.rubric = [.. rubric];
        // A copied course gets its own copy of each quiz (made beside the course copy), under the new activity's id,
        // so attempts and completions of the two courses never mix.
        if (Kind == ActivityKind.Quiz) copy.QuizId = newId;
        return copy;
    }

    internal void RemapRestriction(IReadOnlyDictionary<Guid, Guid> ids) =>
        OpensAfterActivityId = OpensAfterActivityId is { } old && ids.TryGetValue(old, out var mapped) ? mapped : null;
}
