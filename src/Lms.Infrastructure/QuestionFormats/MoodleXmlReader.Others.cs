using System.Globalization;
using Lms.Domain.Questions;

namespace Lms.Infrastructure.QuestionFormats;

/// <summary>Matching, ordering, cloze, essay and description questions.</summary>
internal sealed partial class MoodleXmlReader
{
    /// <summary>import_match: each subquestion's text and answer; an empty text is an extra wrong answer.</summary>
    private MatchingQuestion ReadMatching()
    {
        var content = Headers(new MatchingQuestion());
        var pairs = question.Elements("subquestion")
            .Select(sub => new MatchPair(Field(sub), PlainField(sub.Element("answer"))))
            .Where(pair => pair.Prompt.Length > 0 || pair.Answer.Length > 0)
            .ToList();
        return content with
        {
            Pairs = pairs,
            Shuffle = MoodleXmlText.ToBool(First("shuffleanswers", "1")),
            Feedback = CombinedFeedback(),
        };
    }

    /// <summary>
    /// qtype_ordering's import_from_xml: the answers in their right order (their fraction is the position, so they
    /// are sorted by it), and the grading type. Layout and the number of items shown are not kept here.
    /// </summary>
    private OrderingQuestion ReadOrdering()
    {
        var content = Headers(new OrderingQuestion());
        var items = question.Elements("answer")
            .Select((answer, i) => (Text: Field(answer), Position: Fraction(answer) ?? 0m, Index: i))
            .OrderBy(item => item.Position).ThenBy(item => item.Index)
            .Select(item => item.Text)
            .Where(text => text.Length > 0)
            .ToList();
        var gradingType = First("gradingtype", "RELATIVE").ToUpperInvariant();
        var grading = gradingType switch
        {
            "ALL_OR_NOTHING" => OrderingGrading.AllOrNothing,
            "ABS" or "ABSOLUTE" or "ABSOLUTE_POSITION" => OrderingGrading.AbsolutePosition,
            "REL" or "RELATIVE" or "RELATIVE_NEXT_EXCLUDE_LAST" => OrderingGrading.RelativeNextExcludeLast,
            _ => throw new MoodleXmlQuestionException("xml.unsupported_grading",
                $"Ordering questions graded by \"{gradingType}\" cannot be imported (all or nothing, absolute position and relative to the next item can)."),
        };

        if (items.Count < 2)
            throw new MoodleXmlQuestionException("xml.too_few_answers", "An ordering question needs at least 2 items.");
        return content with { Items = items, Grading = grading, Feedback = CombinedFeedback() };
    }

    /// <summary>
    /// import_multianswer: the gaps are read from the question text by <see cref="ClozeSyntax"/>; the question is
    /// worth the sum of its gaps' weights (Moodle ignores any &lt;defaultgrade&gt;).
    /// </summary>
    private ClozeQuestion ReadCloze()
    {
        var content = Headers(new ClozeQuestion(), nameRequired: false);
        var parsed = ClozeSyntax.Parse(content.Text);
        if (!parsed.IsValid)
            throw new MoodleXmlQuestionException(parsed.Problems.Select(p => (p.Code, p.Message)).ToList());
        var name = content.Name.Length > 0 ? content.Name : DefaultName(parsed.Text);
        return content with
        {
            Name = name,
            Source = content.Text,
            Text = parsed.Text,
            Gaps = parsed.Gaps,
            DefaultMark = parsed.Gaps.Sum(g => g.Weight),
        };
    }

    /// <summary>create_default_question_name: the start of the text, without tags.</summary>
    private static string DefaultName(string text)
    {
        var plain = string.Join(' ', MoodleXmlText.CleanName(text).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return plain.Length == 0 ? "Cloze question" : plain.Length <= 60 ? plain : plain[..60].TrimEnd() + "…";
    }

    /// <summary>import_essay: grader information, the response template and, from Moodle 3.10, word limits.</summary>
    private EssayQuestion ReadEssay()
    {
        var content = Headers(new EssayQuestion());
        return content with
        {
            GraderInfo = Field(question.Element("graderinfo")),
            ResponseTemplate = PlainField(question.Element("responsetemplate")),
            MinWords = WordLimit("minwordlimit"),
            MaxWords = WordLimit("maxwordlimit"),
        };
    }

    private int? WordLimit(string element) =>
        int.TryParse(First(element, ""), NumberStyles.Integer, CultureInfo.InvariantCulture, out var limit) && limit > 0 ? limit : null;

    /// <summary>import_description: text only, worth nothing.</summary>
    private DescriptionQuestion ReadDescription() => Headers(new DescriptionQuestion()) with { DefaultMark = 0m };
}
