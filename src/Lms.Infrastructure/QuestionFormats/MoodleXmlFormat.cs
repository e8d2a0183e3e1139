using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;

namespace Lms.Infrastructure.QuestionFormats;

/// <summary>
/// Moodle XML question files (question/format/xml/format.php in Moodle): read as Moodle's importer reads them and
/// written as its exporter writes them, so that a bank moves between Moodle and here both ways.
/// <para>
/// Reading is safe for files from anyone: no DTD (so no external entities and no entity expansion), no resolver,
/// and a size cap. A question that cannot be read is reported with its line and the others are still read.
/// </para>
/// </summary>
public sealed partial class MoodleXmlFormat(int maxCharacters = MoodleXmlFormat.DefaultMaxCharacters) : IQuestionFormat
{
    /// <summary>64 MiB of text: room for a bank with pictures and sound, far below what would strain the server.</summary>
    public const int DefaultMaxCharacters = 64 * 1024 * 1024;

    public string Name => "xml";

    public ImportResult Read(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length > maxCharacters)
            return Failed(1, "xml.too_large", $"The file has more than the {maxCharacters:N0} characters allowed.");

        var (document, problem, skippedLines) = Load(text);
        if (document is null) return new ImportResult([], [], [problem!]);
        int Line(XElement element) => ((IXmlLineInfo)element).LineNumber + skippedLines;

        var quiz = document.Root!;
        if (quiz.Name != "quiz")
            return Failed(Line(quiz), "xml.not_moodle_xml", $"This is not a Moodle XML question file: it starts with <{quiz.Name}>, not <quiz>.");

        var categories = new List<InterchangeCategory>();
        var questions = new List<InterchangeQuestion>();
        var problems = new List<ImportProblem>();
        IReadOnlyList<string> category = [];
        var seenQuestions = false;
        foreach (var element in quiz.Elements("question"))
        {
            var type = MoodleXmlText.Trim((string?)element.Attribute("type"));
            if (type == "category")
            {
                var read = ReadCategory(element);
                category = read.Path;
                // The bank's top category ($course$/top) always exists: it is not listed.
                if (read.Path.Count > 0 && !categories.Any(c => c.Path.SequenceEqual(read.Path))) categories.Add(read);
                continue;
            }

            seenQuestions = true;
            var name = MoodleXmlText.CleanName(element.Element("name")?.Element("text")?.Value);
            if (!MoodleXmlReader.IsSupported(type))
            {
                problems.Add(new ImportProblem(Line(element), NameOrNull(name), "xml.unsupported_type",
                    type.Length == 0
                        ? "A question has no type."
                        : $"Questions of type \"{type}\" cannot be imported (supported: multichoice, truefalse, shortanswer, numerical, matching, ordering, cloze, essay, description)."));
                continue;
            }

            try
            {
                var (content, files, tags, idNumber) = MoodleXmlReader.Read(element, type);
                questions.Add(new InterchangeQuestion(category, content, tags, files, Line(element), idNumber));
            }
            catch (MoodleXmlQuestionException e)
            {
                problems.AddRange(e.Problems.Select(p => new ImportProblem(Line(element), NameOrNull(name), p.Code, p.Message)));
            }
            catch (Exception e) when (e is FormatException or OverflowException or ArgumentException or InvalidOperationException)
            {
                // Something this reader did not foresee in one question must not cost the designer the others.
                problems.Add(new ImportProblem(Line(element), NameOrNull(name), "xml.unreadable_question", e.Message));
            }
        }

        if (!seenQuestions)
            problems.Add(new ImportProblem(Line(quiz), null, "xml.no_questions", "The file has no questions."));
        return new ImportResult(categories, questions, problems);
    }

    public string Write(IReadOnlyList<InterchangeCategory> categories, IReadOnlyList<InterchangeQuestion> questions) =>
        MoodleXmlWriter.Write(categories, questions);

    /// <summary>import_category: the path, the description (its format is not kept) and the id number.</summary>
    private static InterchangeCategory ReadCategory(XElement element)
    {
        var path = MoodleXmlText.SplitCategoryPath(MoodleXmlText.Trim(element.Element("category")?.Element("text")?.Value));
        var info = MoodleXmlText.Trim(element.Element("info")?.Element("text")?.Value);
        var idNumber = MoodleXmlText.Trim(element.Element("idnumber")?.Value);
        return new InterchangeCategory(path, info, idNumber.Length == 0 ? null : idNumber);
    }

    private (XDocument? Document, ImportProblem? Problem, int SkippedLines) Load(string text)
    {
        // A byte-order mark or blank lines before "<?xml" would stop the parser; the lines they took still count.
        var start = 0;
        while (start < text.Length && (text[start] == '\uFEFF' || char.IsWhiteSpace(text[start]))) start++;
        var skippedLines = text.AsSpan(0, start).Count('\n');

        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersInDocument = maxCharacters,
            IgnoreProcessingInstructions = true,
            CloseInput = true,
        };
        try
        {
            using var reader = XmlReader.Create(new StringReader(start == 0 ? text : text[start..]), settings);
            return (XDocument.Load(reader, LoadOptions.SetLineInfo | LoadOptions.PreserveWhitespace), null, skippedLines);
        }
        catch (XmlException e)
        {
            var line = Math.Max(1, e.LineNumber) + skippedLines;
            var doctype = Doctype().Match(text);
            return doctype.Success
                ? (null, new ImportProblem(text.AsSpan(0, doctype.Index).Count('\n') + 1, null, "xml.dtd_not_allowed",
                    "The file declares a DTD (<!DOCTYPE …>); Moodle XML files have none, and for safety none is read."), 0)
                : (null, new ImportProblem(line, null, "xml.malformed", "The file is not well-formed XML: " + e.Message), 0);
        }
    }

    private static string? NameOrNull(string name) => name.Length == 0 ? null : name;

    private static ImportResult Failed(int line, string code, string message) =>
        new([], [], [new ImportProblem(line, null, code, message)]);

    [GeneratedRegex("<!DOCTYPE", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Doctype();
}
