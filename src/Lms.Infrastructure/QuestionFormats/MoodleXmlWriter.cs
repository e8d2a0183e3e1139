using System.Text;
using Lms.Domain.Questions;

namespace Lms.Infrastructure.QuestionFormats;

/// <summary>
/// Writes questions as Moodle's exporter does (format.php writequestion): a category "question" before the
/// questions of each category, <c>&lt;![CDATA[…]]&gt;</c> around texts with markup, a format attribute on every
/// text, embedded files as base64 <c>&lt;file&gt;</c> elements inside each text that refers to them, fractions as
/// percentages (33.33333) and marks with seven decimals.
/// </summary>
internal sealed partial class MoodleXmlWriter
{
    private readonly StringBuilder xml = new();
    private InterchangeQuestion current = null!;
    private string format = "html";

    private MoodleXmlWriter()
    {
    }

    public static string Write(IReadOnlyList<InterchangeCategory> categories, IReadOnlyList<InterchangeQuestion> questions)
    {
        ArgumentNullException.ThrowIfNull(categories);
        ArgumentNullException.ThrowIfNull(questions);
        var writer = new MoodleXmlWriter();
        writer.xml.Append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<quiz>\n");

        var groups = questions.GroupBy(q => CategoryKey(q.Category)).ToDictionary(g => g.Key, g => g.ToList());
        // Questions in the bank's top category come first, before any category line moves the import elsewhere.
        if (groups.Remove(CategoryKey([]), out var top))
            foreach (var question in top) writer.Question(question);

        var written = new HashSet<string>(StringComparer.Ordinal);
        foreach (var category in categories)
        {
            var key = CategoryKey(category.Path);
            if (category.Path.Count == 0 || !written.Add(key)) continue; // the top category needs no line
            writer.Category(category);
            if (groups.Remove(key, out var inCategory))
                foreach (var question in inCategory) writer.Question(question);
        }

        foreach (var group in questions.Select(q => q.Category).Where(path => groups.ContainsKey(CategoryKey(path))).DistinctBy(CategoryKey).ToList())
        {
            writer.Category(new InterchangeCategory(group));
            foreach (var question in groups[CategoryKey(group)]) writer.Question(question);
            groups.Remove(CategoryKey(group));
        }

        writer.xml.Append("</quiz>\n");
        return writer.xml.ToString();
    }

    private static string CategoryKey(IReadOnlyList<string> path) => string.Join('\u001F', path);

    private void Category(InterchangeCategory category)
    {
        xml.Append("<!-- question: 0  -->\n");
        xml.Append("  <question type=\"category\">\n");
        xml.Append("    <category>\n");
        xml.Append("      <text>").Append(MoodleXmlText.Escape(MoodleXmlText.AssembleCategoryPath(category.Path))).Append("</text>\n");
        xml.Append("    </category>\n");
        // The description's format is not known here; Moodle's own default for categories is moodle_auto_format.
        xml.Append("    <info format=\"moodle_auto_format\">\n");
        xml.Append("      <text>").Append(MoodleXmlText.Escape(category.Info)).Append("</text>\n");
        xml.Append("    </info>\n");
        xml.Append("    <idnumber>").Append(MoodleXmlText.Attribute(category.IdNumber ?? "")).Append("</idnumber>\n");
        xml.Append("  </question>\n\n");
    }

    private void Question(InterchangeQuestion question)
    {
        current = question;
        var content = question.Content;
        format = MoodleXmlText.FormatName(content.Format);

        xml.Append("<!-- question: 0  -->\n");
        xml.Append("  <question type=\"").Append(TypeName(content)).Append("\">\n");
        xml.Append("    <name>\n");
        Text(3, content.Name);
        xml.Append("    </name>\n");
        TextElement(2, "questiontext", QuestionText(content), unreferencedFiles: true);
        TextElement(2, "generalfeedback", content.GeneralFeedback);
        if (content is not ClozeQuestion)
            xml.Append("    <defaultgrade>").Append(MoodleXmlText.Mark(content.DefaultMark)).Append("</defaultgrade>\n");
        xml.Append("    <penalty>").Append(Penalty(content)).Append("</penalty>\n");
        xml.Append("    <hidden>0</hidden>\n");
        xml.Append("    <idnumber>").Append(MoodleXmlText.Attribute(question.IdNumber ?? "")).Append("</idnumber>\n");

        switch (content)
        {
            case MultipleChoiceQuestion q: MultipleChoice(q); break;
            case TrueFalseQuestion q: TrueFalse(q); break;
            case ShortAnswerQuestion q: ShortAnswer(q); break;
            case NumericalQuestion q: Numerical(q); break;
            case MatchingQuestion q: Matching(q); break;
            case OrderingQuestion q: Ordering(q); break;
            case EssayQuestion q: Essay(q); break;
            case ClozeQuestion or DescriptionQuestion: break;
            default: throw new NotSupportedException($"Questions of type {content.GetType().Name} cannot be written as Moodle XML.");
        }

        if (question.Tags.Count > 0)
        {
            xml.Append("    <tags>\n");
            foreach (var tag in question.Tags) xml.Append("      <tag><text>").Append(MoodleXmlText.Escape(tag)).Append("</text></tag>\n");
            xml.Append("    </tags>\n");
        }

        xml.Append("  </question>\n\n");
    }

    private static string TypeName(QuestionContent content) => content switch
    {
        MultipleChoiceQuestion => "multichoice",
        TrueFalseQuestion => "truefalse",
        ShortAnswerQuestion => "shortanswer",
        NumericalQuestion => "numerical",
        MatchingQuestion => "matching",
        OrderingQuestion => "ordering",
        ClozeQuestion => "cloze",
        EssayQuestion => "essay",
        DescriptionQuestion => "description",
        _ => throw new NotSupportedException($"Questions of type {content.GetType().Name} cannot be written as Moodle XML."),
    };

    /// <summary>A cloze question's text with its gaps inline: as the designer wrote it when that still says the same.</summary>
    private static string QuestionText(QuestionContent content)
    {
        if (content is not ClozeQuestion cloze) return content.Text;
        if (cloze.Source.Length > 0)
        {
            var parsed = ClozeSyntax.Parse(cloze.Source);
            if (parsed.Text == cloze.Text && SameGaps(parsed.Gaps, cloze.Gaps)) return cloze.Source;
        }

        return ClozeSyntax.Write(cloze.Text, cloze.Gaps);
    }

    private static bool SameGaps(IReadOnlyList<ClozeGap> a, IReadOnlyList<ClozeGap> b) =>
        System.Text.Json.JsonSerializer.Serialize(a) == System.Text.Json.JsonSerializer.Serialize(b);

    /// <summary>Moodle's default penalties: true/false 1, essays and descriptions 0, the rest a third.</summary>
    private static string Penalty(QuestionContent content) => content switch
    {
        TrueFalseQuestion => "1.0000000",
        EssayQuestion or DescriptionQuestion => "0.0000000",
        _ => "0.3333333",
    };

    /// <summary>&lt;text&gt;…&lt;/text&gt; on one line, indented by two spaces per level (writetext).</summary>
    private void Text(int indent, string text) =>
        xml.Append(' ', indent * 2).Append("<text>").Append(MoodleXmlText.Escape(text)).Append("</text>\n");

    /// <summary>An element holding a text in the question's format and the files that text refers to.</summary>
    private void TextElement(int indent, string name, string text, string? textFormat = null, bool unreferencedFiles = false)
    {
        xml.Append(' ', indent * 2).Append('<').Append(name).Append(" format=\"").Append(textFormat ?? format).Append("\">\n");
        Text(indent + 1, text);
        Files(text, unreferencedFiles);
        xml.Append(' ', indent * 2).Append("</").Append(name).Append(">\n");
    }

    /// <summary>
    /// write_files: each file the text refers to, in Moodle's layout. Moodle keeps files per text, so a file two
    /// texts use is written in both; a file no text uses goes with the question text.
    /// </summary>
    private void Files(string text, bool unreferenced)
    {
        foreach (var file in current.Files)
        {
            if (!MoodleXmlFiles.IsUsedBy(text, file.Name) && !(unreferenced && !UsedAnywhere(file.Name))) continue;
            var slash = file.Name.LastIndexOf('/');
            var (path, name) = slash < 0 ? ("/", file.Name) : ("/" + file.Name[..(slash + 1)], file.Name[(slash + 1)..]);
            xml.Append("<file name=\"").Append(MoodleXmlText.Attribute(name)).Append("\" path=\"").Append(MoodleXmlText.Attribute(path))
                .Append("\" encoding=\"base64\">").Append(Convert.ToBase64String(file.Bytes)).Append("</file>\n");
        }
    }

    private bool UsedAnywhere(string fileName) => Texts(current.Content).Any(text => MoodleXmlFiles.IsUsedBy(text, fileName));
}
