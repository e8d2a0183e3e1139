using Lms.Domain.Common;
using Lms.Domain.Questions;
using Lms.Infrastructure.Files;
using Lms.Infrastructure.QuestionFormats;

namespace Lms.Infrastructure.QuestionBank;

/// <summary>
/// Reads an uploaded question file into an <see cref="ImportPlan"/>: picks the format by the file's name, checks that
/// the bytes are text, lets the format read it, then checks every question as the bank will (Moodle's editing rules,
/// names and tags, embedded files by content: pictures and sounds only). Nothing is stored here.
/// </summary>
public sealed class QuestionImportReader(IEnumerable<IQuestionFormat> formats, UploadRules uploads)
{
    /// <summary>The largest question file accepted: a bank with pictures fits; a 10 MB text is already ~50,000 questions.</summary>
    public const int MaxFileBytes = 10 * 1024 * 1024;

    public async Task<ImportPlan> ReadAsync(string fileName, byte[] bytes, CancellationToken ct)
    {
        var formatName = QuestionFileText.FormatOf(fileName);
        var format = formats.FirstOrDefault(f => f.Name == formatName);
        if (format is null)
            return ImportPlan.Unreadable(null, QuestionImportCodes.UnknownFormat, "Upload a GIFT file (.txt or .gift) or a Moodle XML file (.xml).");
        if (bytes.Length == 0) return ImportPlan.Unreadable(format.Name, QuestionImportCodes.Empty, "The file is empty.");
        if (bytes.Length > MaxFileBytes)
            return ImportPlan.Unreadable(format.Name, QuestionImportCodes.TooLarge, $"The file is larger than {MaxFileBytes / 1024 / 1024} MB.");
        var text = QuestionFileText.Decode(bytes);
        if (text is null)
            return ImportPlan.Unreadable(format.Name, QuestionImportCodes.NotText, "The file is not text saved as UTF-8.");
        if (format.Name == "xml" && !text.TrimStart().StartsWith('<'))
            return ImportPlan.Unreadable(format.Name, QuestionImportCodes.NotXml, "The file is not XML.");

        var read = format.Read(text);
        var planned = new List<PlannedQuestion>(read.Questions.Count);
        foreach (var q in read.Questions)
            planned.Add(await CheckAsync(q, ct));
        var problems = read.Problems.Concat(planned.SelectMany(p => p.Problems)).OrderBy(p => p.Line).ToList();
        if (planned.Count == 0 && problems.Count == 0)
            problems.Add(new ImportProblem(1, null, QuestionImportCodes.NoQuestions, "The file holds no questions."));
        return new ImportPlan(format.Name, planned, problems, read.Categories);
    }

    private async Task<PlannedQuestion> CheckAsync(InterchangeQuestion q, CancellationToken ct)
    {
        var name = string.IsNullOrWhiteSpace(q.Content.Name) ? null : q.Content.Name;
        var problems = QuestionValidation.Problems(q.Content)
            .Select(p => new ImportProblem(q.Line, name, p.Code, p.Message)).ToList();
        if (problems.Count == 0)
        {
            // The rules a question checks when it is made (name length, tags) beyond Moodle's editing rules.
            try { _ = new Question(Guid.NewGuid(), Guid.NewGuid(), q.Content, q.Tags, null, DateTime.UnixEpoch); }
            catch (DomainException e) { problems.Add(new ImportProblem(q.Line, name, e.Code, e.Message)); }
        }

        var files = new List<CheckedFile>(q.Files.Count);
        foreach (var file in q.Files)
        {
            using var stream = new MemoryStream(file.Bytes, writable: false);
            var check = await uploads.CheckAsync(stream, file.Name, FileCategory.Image | FileCategory.Audio, ct);
            if (check.IsValid) files.Add(new CheckedFile(file.Name, file.Bytes, check.Type!));
            else if (check.ErrorCode == UploadErrorCodes.TooLarge)
                problems.Add(new ImportProblem(q.Line, name, QuestionImportCodes.FileTooLarge,
                    $"The embedded file \"{file.Name}\" is larger than {check.LimitMegabytes} MB."));
            else
                problems.Add(new ImportProblem(q.Line, name, QuestionImportCodes.FileNotAllowed,
                    $"The embedded file \"{file.Name}\" is not a picture or a sound (PNG, JPEG, GIF, WebP, MP3, Ogg, WAV) with a matching name."));
        }
        return new PlannedQuestion(q, files, problems);
    }
}
