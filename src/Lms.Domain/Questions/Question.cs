using Lms.Domain.Common;

namespace Lms.Domain.Questions;

/// <summary>
/// A question in a bank. Its content lives in numbered versions: editing adds a version and never rewrites one, so
/// an attempt that used version 2 is graded and reviewed against version 2 even after version 3 exists. New attempts
/// take the newest version.
/// </summary>
public sealed class Question
{
    public const int MaxTags = 20;

    public Guid Id { get; private set; }
    public Guid CategoryId { get; private set; }
    public QuestionType Type { get; private set; }
    /// <summary>The newest version's name, kept here so bank lists need not read the versions.</summary>
    public string Name { get; private set; } = "";
    public int CurrentVersion { get; private set; }
    public string[] Tags { get; private set; } = [];
    public DateTime CreatedAtUtc { get; private set; }
    public DateTime UpdatedAtUtc { get; private set; }
    public Guid? CreatedBy { get; private set; }
    /// <summary>Hidden questions stay for the attempts that used them but are not offered for new quizzes.</summary>
    public bool Hidden { get; private set; }

    private readonly List<QuestionVersion> versions = [];
    public IReadOnlyList<QuestionVersion> Versions => versions;

    private Question() { }

    public Question(Guid id, Guid categoryId, QuestionContent content, IEnumerable<string> tags, Guid? createdBy, DateTime nowUtc)
    {
        if (id == Guid.Empty) throw new DomainException("question.id_required", "A question needs an id.");
        Id = id;
        CategoryId = categoryId;
        Type = content.Type;
        CreatedBy = createdBy;
        CreatedAtUtc = nowUtc;
        Retag(tags);
        Revise(content, createdBy, nowUtc);
    }

    public QuestionVersion Current => versions.Single(v => v.Version == CurrentVersion);

    /// <summary>Adds a version with new content. The type cannot change: a different type is a different question.</summary>
    public QuestionVersion Revise(QuestionContent content, Guid? by, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (content.Type != Type) throw new DomainException("question.type_changed", "A question keeps its type.");
        var problems = QuestionValidation.Problems(content);
        if (problems.Count > 0) throw new DomainException(problems[0].Code, problems[0].Message);
        var v = new QuestionVersion(Id, CurrentVersion + 1, content with { Name = Text.Required(content.Name, "question.name_required", 255) }, by, nowUtc);
        versions.Add(v);
        CurrentVersion = v.Version;
        Name = v.Content.Name;
        UpdatedAtUtc = nowUtc;
        return v;
    }

    public void Retag(IEnumerable<string> tags)
    {
        var clean = tags.Select(t => Text.Optional(t, 50)).Where(t => t.Length > 0)
            .Distinct(StringComparer.OrdinalIgnoreCase).ToArray();
        if (clean.Length > MaxTags) throw new DomainException("question.too_many_tags", $"At most {MaxTags} tags.");
        Tags = clean;
    }

    public void MoveTo(Guid categoryId) => CategoryId = categoryId;
    public void Hide() => Hidden = true;
    public void Unhide() => Hidden = false;
}

/// <summary>One immutable version of a question's content.</summary>
public sealed class QuestionVersion
{
    public Guid QuestionId { get; private set; }
    public int Version { get; private set; }
    public QuestionContent Content { get; private set; } = null!;
    public Guid? CreatedBy { get; private set; }
    public DateTime CreatedAtUtc { get; private set; }

    private QuestionVersion() { }

    internal QuestionVersion(Guid questionId, int version, QuestionContent content, Guid? by, DateTime nowUtc)
    {
        QuestionId = questionId;
        Version = version;
        Content = content;
        CreatedBy = by;
        CreatedAtUtc = nowUtc;
    }
}
