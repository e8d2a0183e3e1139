using Lms.Domain.Common;
using Lms.Domain.Questions;
using Lms.Infrastructure.QuestionFormats;

namespace Lms.Infrastructure.QuestionBank;

/// <summary>
/// Where an import files its questions: each category path of the file is followed down from the chosen category
/// (or the bank's top), reusing a category with the same name at each level, as Moodle's importer does, and making
/// the ones that are missing. Works on the bank's categories in memory, so the preview can list what would be made
/// and the import can add exactly those.
/// </summary>
public sealed class ImportCategories
{
    private readonly List<QuestionCategory> all;
    private readonly Guid? courseId;
    private readonly Guid? targetId;
    private readonly string defaultName;
    private readonly IReadOnlyList<InterchangeCategory> described;
    private readonly List<QuestionCategory> created = [];

    /// <param name="bank">Every category of the bank.</param>
    /// <param name="targetId">The chosen category, or null for the bank's top.</param>
    /// <param name="defaultName">At the top, questions with no category path go into a category of this name (the file's).</param>
    /// <param name="described">The categories the file describes, for their descriptions and id numbers.</param>
    public ImportCategories(IEnumerable<QuestionCategory> bank, Guid? courseId, Guid? targetId, string defaultName,
        IReadOnlyList<InterchangeCategory> described)
    {
        all = bank.ToList();
        this.courseId = courseId;
        this.targetId = targetId;
        this.defaultName = defaultName;
        this.described = described;
    }

    /// <summary>The categories made so far, parents before children.</summary>
    public IReadOnlyList<QuestionCategory> Created => created;

    /// <summary>The category for a path of the file, made (with its missing parents) if need be.</summary>
    public QuestionCategory Resolve(IReadOnlyList<string> path)
    {
        var names = path.Select(Text.Clean).Where(n => n.Length > 0).ToList();
        if (targetId is null && names.Count == 0) names.Add(defaultName);
        QuestionCategory? current = targetId is { } t ? all.First(c => c.Id == t) : null;
        for (var depth = 0; depth < names.Count; depth++)
        {
            var parentId = current?.Id;
            var name = names[depth];
            var existing = all.FirstOrDefault(c => c.ParentId == parentId && c.Name == name);
            if (existing is null)
            {
                var info = Describe(names.Take(depth + 1).ToList());
                existing = new QuestionCategory(Guid.NewGuid(), courseId, parentId, name, info?.Info ?? "", info?.IdNumber);
                all.Add(existing);
                created.Add(existing);
            }
            current = existing;
        }
        return current!;
    }

    /// <summary>The path of a category made here, below the chosen category (for the preview).</summary>
    public IReadOnlyList<string> PathBelowTarget(QuestionCategory category)
    {
        var names = new List<string>();
        for (var c = category; c is not null && c.Id != targetId; c = all.FirstOrDefault(x => x.Id == c.ParentId))
            names.Add(c.Name);
        names.Reverse();
        return names;
    }

    private InterchangeCategory? Describe(IReadOnlyList<string> names) =>
        described.FirstOrDefault(d => d.Path.Select(Text.Clean).Where(n => n.Length > 0).SequenceEqual(names, StringComparer.Ordinal));
}
