using Lms.Infrastructure.Files;
using Lms.Infrastructure.QuestionFormats;

namespace Lms.Infrastructure.QuestionBank;

/// <summary>
/// What a question file would import, worked out before anything is saved: the questions read (each with the problems
/// that keep it out), the problems of questions that could not be read at all, and the categories the file names.
/// The preview shows it; the import works from a plan made again from the stored upload, never from the form.
/// </summary>
public sealed record ImportPlan(
    string? Format,
    IReadOnlyList<PlannedQuestion> Questions,
    IReadOnlyList<ImportProblem> Problems,
    IReadOnlyList<InterchangeCategory> Categories)
{
    public IEnumerable<PlannedQuestion> Importable => Questions.Where(q => q.Problems.Count == 0);
    public int ImportableCount => Questions.Count(q => q.Problems.Count == 0);
    public bool HasProblems => Problems.Count > 0;

    /// <summary>A file that could not be read at all (wrong type, not text, malformed).</summary>
    public static ImportPlan Unreadable(string? format, string code, string message) =>
        new(format, [], [new ImportProblem(1, null, code, message)], []);
}

/// <summary>A question read from the file, its embedded files checked by content, and what is wrong with it (nothing: importable).</summary>
public sealed record PlannedQuestion(InterchangeQuestion Source, IReadOnlyList<CheckedFile> Files, IReadOnlyList<ImportProblem> Problems);

/// <summary>An embedded file that may be stored: a picture or a sound, recognised by its bytes.</summary>
public sealed record CheckedFile(string Name, byte[] Bytes, FileType Type);
