using Lms.Domain.Questions;

namespace Lms.Infrastructure.QuestionFormats;

/// <summary>
/// A question as a question-bank file carries it (GIFT or Moodle XML), in both directions.
/// <see cref="Category"/> is the category path below the bank's top, one entry per level (Moodle's
/// <c>$course$/top/Iota/Kappa</c> is ["Iota", "Kappa"]); <see cref="Files"/> are the embedded files the texts
/// name as <c>@@PLUGINFILE@@/name</c> (the import stores them and fills <see cref="QuestionContent.Files"/>).
/// <see cref="Line"/> is where the question starts in the file (1-based; 0 when written here).
/// </summary>
public sealed record InterchangeQuestion(
    IReadOnlyList<string> Category,
    QuestionContent Content,
    IReadOnlyList<string> Tags,
    IReadOnlyList<EmbeddedFile> Files,
    int Line = 0,
    string? IdNumber = null);

public sealed record EmbeddedFile(string Name, byte[] Bytes);

/// <summary>A category the file describes (Moodle XML's category "questions"), with its description.</summary>
public sealed record InterchangeCategory(IReadOnlyList<string> Path, string Info = "", string? IdNumber = null);

/// <summary>
/// A question that could not be read: where (1-based line), which question when known, a stable code the web
/// layer translates, and an English message for logs. Nothing is imported from a file with problems unless the
/// designer chooses to skip the bad questions.
/// </summary>
public sealed record ImportProblem(int Line, string? QuestionName, string Code, string Message);

public sealed record ImportResult(
    IReadOnlyList<InterchangeCategory> Categories,
    IReadOnlyList<InterchangeQuestion> Questions,
    IReadOnlyList<ImportProblem> Problems);

/// <summary>One question-bank file format: GIFT or Moodle XML.</summary>
public interface IQuestionFormat
{
    /// <summary>"gift" or "xml".</summary>
    string Name { get; }
    ImportResult Read(string text);
    string Write(IReadOnlyList<InterchangeCategory> categories, IReadOnlyList<InterchangeQuestion> questions);
}
