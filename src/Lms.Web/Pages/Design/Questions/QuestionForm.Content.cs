using System.Globalization;
using Lms.Domain.Questions;
using Lms.Web.Localization;
using Microsoft.Extensions.Localization;

namespace Lms.Web.Pages.Design.Questions;

public sealed partial class QuestionForm
{
    /// <summary>The tags typed, comma-separated, without blanks.</summary>
    public IReadOnlyList<string> TagList =>
        (Tags ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>
    /// The content the form describes, for a question of <paramref name="type"/>. What only the form can get wrong (a number
    /// that is not one, cloze syntax) is added to <paramref name="errors"/>; Moodle's rules are checked afterwards by
    /// <see cref="QuestionValidation"/>. The text format and the embedded files carry over from <paramref name="previous"/>:
    /// the form does not change them, and a new version that dropped the files would lose its pictures.
    /// </summary>
    public QuestionContent ToContent(QuestionType type, QuestionContent? previous, ICollection<string> errors, IStringLocalizer l)
    {
        QuestionContent content = type switch
        {
            QuestionType.MultipleChoice => new MultipleChoiceQuestion
            {
                Choices = ChoicesOf(), Single = Single, Shuffle = Shuffle, Feedback = Combined(),
            },
            QuestionType.TrueFalse => new TrueFalseQuestion
            {
                CorrectAnswer = CorrectAnswer, TrueFeedback = Lines(TrueFeedback), FalseFeedback = Lines(FalseFeedback),
            },
            QuestionType.ShortAnswer => new ShortAnswerQuestion { Answers = ChoicesOf(), CaseSensitive = CaseSensitive },
            QuestionType.Numerical => Numerical(errors, l),
            QuestionType.Matching => new MatchingQuestion
            {
                Pairs = Pairs.Where(p => !p.IsBlank).Select(p => new MatchPair(Lines(p.Prompt), (p.Answer ?? "").Trim())).ToList(),
                Shuffle = Shuffle, Feedback = Combined(),
            },
            QuestionType.Ordering => new OrderingQuestion
            {
                Items = Items.Where(i => !string.IsNullOrWhiteSpace(i)).Select(i => i!.Trim()).ToList(),
                Grading = Grading, Feedback = Combined(),
            },
            QuestionType.Cloze => Cloze(errors, l),
            QuestionType.Essay => new EssayQuestion
            {
                GraderInfo = Lines(GraderInfo), ResponseTemplate = Lines(ResponseTemplate), MinWords = MinWords, MaxWords = MaxWords,
            },
            _ => new DescriptionQuestion(),
        };
        return content with
        {
            Name = (Name ?? "").Trim(),
            Text = content is ClozeQuestion ? content.Text : Lines(Text),
            GeneralFeedback = Lines(GeneralFeedback),
            DefaultMark = type == QuestionType.Description ? 0m : DefaultMark,
            Format = previous?.Format ?? TextFormat.Markdown,
            Files = previous?.Files ?? [],
        };
    }

    private NumericalQuestion Numerical(ICollection<string> errors, IStringLocalizer l)
    {
        var answers = new List<NumericalAnswer>();
        foreach (var (row, i) in Numbers.Select((r, i) => (r, i + 1)).Where(x => !x.r.IsBlank))
        {
            var raw = (row.Value ?? "").Trim();
            decimal? value = null;
            if (raw is not ("" or "*"))
            {
                if (Number(raw) is { } v) value = v;
                else errors.Add(l["Answer {0}: \"{1}\" is not a number (write * for any number).", i, raw]);
            }
            var toleranceText = (row.Tolerance ?? "").Trim();
            var tolerance = toleranceText.Length == 0 ? 0m : Number(toleranceText);
            if (tolerance is null) errors.Add(l["Answer {0}: the tolerance \"{1}\" is not a number.", i, toleranceText]);
            answers.Add(new NumericalAnswer(value, tolerance ?? 0m, Grade(row.Fraction), Lines(row.Feedback)));
        }
        var units = new List<NumericalUnit>();
        foreach (var (row, i) in Units.Select((r, i) => (r, i + 1)).Where(x => !x.r.IsBlank))
        {
            var multiplierText = (row.Multiplier ?? "").Trim();
            var multiplier = multiplierText.Length == 0 && units.Count == 0 ? 1m : Number(multiplierText);
            if (multiplier is null) errors.Add(l["Unit {0}: the multiplier \"{1}\" is not a number.", i, multiplierText]);
            units.Add(new NumericalUnit((row.Unit ?? "").Trim(), multiplier ?? 0m));
        }
        return new NumericalQuestion { Answers = answers, Units = units, UnitPenalty = UnitPenalty, UnitRequired = UnitRequired };
    }

    private ClozeQuestion Cloze(ICollection<string> errors, IStringLocalizer l)
    {
        var source = Lines(ClozeSource);
        var parsed = ClozeSyntax.Parse(source);
        foreach (var p in parsed.Problems) errors.Add(QuestionProblemText.Describe(p.Code, p.Message, l));
        return new ClozeQuestion { Text = parsed.Text, Gaps = parsed.Gaps, Source = source };
    }

    private List<Choice> ChoicesOf() =>
        Choices.Where(c => !c.IsBlank).Select(c => new Choice(Lines(c.Text).Trim(), Grade(c.Fraction), Lines(c.Feedback))).ToList();

    private CombinedFeedback Combined() => new(Lines(CorrectFeedback), Lines(PartiallyCorrectFeedback), Lines(IncorrectFeedback));

    /// <summary>A posted fraction snapped to Moodle's exact value (the select sends 0.3333333 for 33.33333 %).</summary>
    private static decimal Grade(decimal fraction) => MoodleGrades.Match(fraction) ?? fraction;

    /// <summary>Browsers post text areas with CRLF: stored with LF, as Moodle files have them.</summary>
    private static string Lines(string? text) => (text ?? "").Replace("\r\n", "\n", StringComparison.Ordinal);

    /// <summary>A number as people type it: 2.5, -1e3, or 2,5 with a decimal comma.</summary>
    private static decimal? Number(string text)
    {
        if (decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d)) return d;
        return text.Count(c => c == ',') == 1 && !text.Contains('.', StringComparison.Ordinal)
               && decimal.TryParse(text.Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture, out d) ? d : null;
    }
}
