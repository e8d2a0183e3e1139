using System.Xml.Linq;
using Lms.Domain.Questions;

namespace Lms.Infrastructure.QuestionFormats;

/// <summary>
/// Reads one <c>&lt;question&gt;</c> the way Moodle's question/format/xml/format.php does (import_headers,
/// import_multichoice, import_truefalse…); a question Moodle would refuse throws <see cref="MoodleXmlQuestionException"/>.
/// </summary>
internal sealed partial class MoodleXmlReader
{
    private readonly XElement question;
    private readonly MoodleXmlFiles files = new();
    private TextFormat format = TextFormat.Html;

    private MoodleXmlReader(XElement question) => this.question = question;

    /// <summary>The question types read here (with Moodle's other names for two of them).</summary>
    public static bool IsSupported(string type) => type is "multichoice" or "truefalse" or "shortanswer" or "numerical"
        or "matching" or "match" or "ordering" or "cloze" or "multianswer" or "essay" or "description";

    public static (QuestionContent Content, IReadOnlyList<EmbeddedFile> Files, IReadOnlyList<string> Tags, string? IdNumber)
        Read(XElement question, string type)
    {
        var reader = new MoodleXmlReader(question);
        QuestionContent content = type switch
        {
            "multichoice" => reader.ReadMultichoice(),
            "truefalse" => reader.ReadTrueFalse(),
            "shortanswer" => reader.ReadShortAnswer(),
            "numerical" => reader.ReadNumerical(),
            "matching" or "match" => reader.ReadMatching(),
            "ordering" => reader.ReadOrdering(),
            "cloze" or "multianswer" => reader.ReadCloze(),
            "essay" => reader.ReadEssay(),
            "description" => reader.ReadDescription(),
            _ => throw new MoodleXmlQuestionException("xml.unsupported_type", $"Questions of type \"{type}\" cannot be imported."),
        };
        reader.files.TakeRest(question);
        return (content, reader.files.All, reader.Tags(), reader.IdNumber());
    }

    /// <summary>import_headers: what every question type has.</summary>
    private T Headers<T>(T content, bool nameRequired = true) where T : QuestionContent
    {
        var nameElement = question.Element("name")?.Element("text");
        if (nameElement is null && nameRequired)
            throw new MoodleXmlQuestionException("xml.missing_name", "The question has no <name><text>.");

        var textOwner = question.Element("questiontext");
        format = MoodleXmlText.ToFormat((string?)textOwner?.Attribute("format") ?? "html");
        var text = Field(textOwner) + LegacyImage();

        return content with
        {
            Name = MoodleXmlText.CleanName(nameElement?.Value),
            Text = text,
            Format = format,
            GeneralFeedback = Field(question.Element("generalfeedback")),
            DefaultMark = Number(question.Element("defaultgrade"), 1m, "defaultgrade"),
        };
    }

    /// <summary>
    /// A text with its files (import_text_with_files): the first &lt;text&gt; child, trimmed, and the &lt;file&gt;
    /// children. The field's own format attribute is not kept: a question here has one format.
    /// </summary>
    private string Field(XElement? owner) => files.Take(owner, PlainField(owner));

    /// <summary>A text that cannot carry files (short answers, matching answers): its first &lt;text&gt;, trimmed.</summary>
    private static string PlainField(XElement? owner) => MoodleXmlText.Trim(owner?.Element("text")?.Value);

    /// <summary>Moodle 1.9's &lt;image&gt; and &lt;image_base64&gt;: the file is kept and shown after the question text.</summary>
    private string LegacyImage()
    {
        var name = MoodleXmlText.Trim(question.Element("image")?.Value);
        var data = MoodleXmlText.Trim(question.Element("image_base64")?.Value);
        if (name.Length == 0 || data.Length == 0) return "";
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(data);
        }
        catch (FormatException)
        {
            throw new MoodleXmlQuestionException("xml.invalid_file", $"The image \"{name}\" is not valid base64.");
        }

        // clean_param(str_replace('/', '_', $filename), PARAM_FILE).
        var cleaned = new string(name.Replace('/', '_').Where(c => !char.IsControl(c) && !"\\:*?\"<>|".Contains(c)).ToArray()).Trim();
        if (cleaned.Length == 0) cleaned = "image";
        var stored = files.Add(cleaned, bytes);
        return " <img src=\"" + MoodleXmlFiles.PluginFile + MoodleXmlFiles.EscapePath(stored) + "\" />";
    }

    private decimal Number(XElement? element, decimal missing, string what)
    {
        if (element is null) return missing;
        if (MoodleXmlText.TryParseNumber(element.Value, out var value)) return value;
        throw new MoodleXmlQuestionException("xml.invalid_number", $"<{what}> is not a number: \"{MoodleXmlText.Trim(element.Value)}\".");
    }

    /// <summary>An answer's fraction attribute, a percentage (import_answer divides by 100).</summary>
    private static decimal? Fraction(XElement answer)
    {
        var attribute = answer.Attribute("fraction");
        if (attribute is null) return 0m;
        return MoodleXmlText.TryParseNumber(attribute.Value, out var percent) ? MoodleXmlText.Normalize(percent / 100m) : null;
    }

    /// <summary>
    /// format.php importprocess with matchgrades "error": every answer's fraction must be one Moodle offers
    /// (<see cref="MoodleGrades"/>), or the question is refused.
    /// </summary>
    private static IReadOnlyList<decimal> CheckedFractions(IEnumerable<XElement> answers, string questionName)
    {
        var fractions = new List<decimal>();
        var invalid = new List<string>();
        foreach (var answer in answers)
        {
            var fraction = Fraction(answer);
            var allowed = fraction is { } value ? MoodleGrades.Match(value) : null;
            if (allowed is null) invalid.Add(fraction?.ToString("0.#######", System.Globalization.CultureInfo.InvariantCulture) ?? (string?)answer.Attribute("fraction") ?? "");
            else fractions.Add(allowed.Value);
        }

        if (invalid.Count > 0)
            throw new MoodleXmlQuestionException("xml.invalid_fraction",
                $"The grades {string.Join(", ", invalid)} in question \"{questionName}\" are not grades Moodle allows (for a third, write 33.33333).");
        return fractions;
    }

    private CombinedFeedback CombinedFeedback() => new(
        Field(question.Element("correctfeedback")),
        Field(question.Element("partiallycorrectfeedback")),
        Field(question.Element("incorrectfeedback")));

    private IReadOnlyList<string> Tags() =>
        new[] { "tags", "coursetags" }
            .SelectMany(list => question.Elements(list).Take(1).Elements("tag"))
            .Select(tag => MoodleXmlText.Trim(tag.Element("text")?.Value))
            .Where(tag => tag.Length > 0)
            .Distinct(StringComparer.Ordinal)
            .ToList();

    private string? IdNumber()
    {
        var idNumber = MoodleXmlText.Trim(question.Element("idnumber")?.Value);
        return idNumber.Length == 0 ? null : idNumber;
    }

    private string First(string element, string missing) =>
        question.Element(element) is { } found ? MoodleXmlText.Trim(found.Value) : missing;
}
