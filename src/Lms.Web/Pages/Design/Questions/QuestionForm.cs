using System.Globalization;
using Lms.Domain.Questions;

namespace Lms.Web.Pages.Design.Questions;

/// <summary>
/// The question editor's fields, for every type at once (only the current type's are shown and read). Rows
/// (choices, numbers, units, pairs, items) come with blank rows to fill in; a row left blank is dropped on saving.
/// Strings are nullable because model binding turns an empty field into null.
/// </summary>
public sealed partial class QuestionForm
{
    /// <summary>Blank rows offered below the filled ones.</summary>
    public const int BlankRows = 3;

    public string? Name { get; set; }
    public string? Text { get; set; }
    public string? GeneralFeedback { get; set; }
    public decimal DefaultMark { get; set; } = 1m;
    /// <summary>Comma-separated.</summary>
    public string? Tags { get; set; }

    // Multiple choice and short answer
    public List<ChoiceRow> Choices { get; set; } = [];
    public bool Single { get; set; } = true;
    public bool Shuffle { get; set; } = true;
    public bool CaseSensitive { get; set; }
    public string? CorrectFeedback { get; set; }
    public string? PartiallyCorrectFeedback { get; set; }
    public string? IncorrectFeedback { get; set; }

    // True/false
    public bool CorrectAnswer { get; set; } = true;
    public string? TrueFeedback { get; set; }
    public string? FalseFeedback { get; set; }

    // Numerical
    public List<NumberRow> Numbers { get; set; } = [];
    public List<UnitRow> Units { get; set; } = [];
    public decimal UnitPenalty { get; set; } = 0.1m;
    public bool UnitRequired { get; set; }

    // Matching, ordering, cloze, essay
    public List<PairRow> Pairs { get; set; } = [];
    public List<string?> Items { get; set; } = [];
    public OrderingGrading Grading { get; set; } = OrderingGrading.AbsolutePosition;
    public string? ClozeSource { get; set; }
    public string? GraderInfo { get; set; }
    public string? ResponseTemplate { get; set; }
    public int? MinWords { get; set; }
    public int? MaxWords { get; set; }

    public sealed class ChoiceRow
    {
        public string? Text { get; set; }
        public decimal Fraction { get; set; }
        public string? Feedback { get; set; }
        public bool IsBlank => string.IsNullOrWhiteSpace(Text) && string.IsNullOrWhiteSpace(Feedback);
    }

    /// <summary>Value "*" (or Moodle's empty answer) is "any number"; text fields so that a typo is reported, not lost.</summary>
    public sealed class NumberRow
    {
        public string? Value { get; set; }
        public string? Tolerance { get; set; }
        public decimal Fraction { get; set; }
        public string? Feedback { get; set; }
        public bool IsBlank => string.IsNullOrWhiteSpace(Value) && string.IsNullOrWhiteSpace(Feedback);
    }

    public sealed class UnitRow
    {
        public string? Unit { get; set; }
        public string? Multiplier { get; set; }
        public bool IsBlank => string.IsNullOrWhiteSpace(Unit) && string.IsNullOrWhiteSpace(Multiplier);
    }

    public sealed class PairRow
    {
        public string? Prompt { get; set; }
        public string? Answer { get; set; }
        public bool IsBlank => string.IsNullOrWhiteSpace(Prompt) && string.IsNullOrWhiteSpace(Answer);
    }

    /// <summary>A new question's form: Moodle's usual starting rows for the type.</summary>
    public static QuestionForm New(QuestionType type)
    {
        var form = new QuestionForm();
        form.AddBlankRows(type, type is QuestionType.MultipleChoice or QuestionType.Matching or QuestionType.Ordering ? 4 : BlankRows);
        return form;
    }

    /// <summary>The form for an existing version's content, with blank rows to add more.</summary>
    public static QuestionForm From(QuestionContent content, IEnumerable<string> tags)
    {
        ArgumentNullException.ThrowIfNull(content);
        var form = new QuestionForm
        {
            Name = content.Name, Text = content.Text, GeneralFeedback = content.GeneralFeedback,
            DefaultMark = content.DefaultMark, Tags = string.Join(", ", tags),
        };
        switch (content)
        {
            case MultipleChoiceQuestion q:
                form.Choices = q.Choices.Select(ChoiceRowOf).ToList();
                (form.Single, form.Shuffle) = (q.Single, q.Shuffle);
                form.SetCombined(q.Feedback);
                break;
            case TrueFalseQuestion q:
                (form.CorrectAnswer, form.TrueFeedback, form.FalseFeedback) = (q.CorrectAnswer, q.TrueFeedback, q.FalseFeedback);
                break;
            case ShortAnswerQuestion q:
                form.Choices = q.Answers.Select(ChoiceRowOf).ToList();
                form.CaseSensitive = q.CaseSensitive;
                break;
            case NumericalQuestion q:
                form.Numbers = q.Answers.Select(a => new NumberRow
                {
                    Value = a.Value is { } v ? Invariant(v) : "*", Tolerance = Invariant(a.Tolerance), Fraction = a.Fraction, Feedback = a.Feedback,
                }).ToList();
                form.Units = q.Units.Select(u => new UnitRow { Unit = u.Unit, Multiplier = Invariant(u.Multiplier) }).ToList();
                (form.UnitPenalty, form.UnitRequired) = (q.UnitPenalty, q.UnitRequired);
                break;
            case MatchingQuestion q:
                form.Pairs = q.Pairs.Select(p => new PairRow { Prompt = p.Prompt, Answer = p.Answer }).ToList();
                form.Shuffle = q.Shuffle;
                form.SetCombined(q.Feedback);
                break;
            case OrderingQuestion q:
                form.Items = [.. q.Items];
                form.Grading = q.Grading;
                form.SetCombined(q.Feedback);
                break;
            case ClozeQuestion q:
                // Imported cloze questions may carry only the text with {#n} and the gaps: write the source back.
                form.ClozeSource = string.IsNullOrWhiteSpace(q.Source) ? ClozeSyntax.Write(q.Text, q.Gaps) : q.Source;
                break;
            case EssayQuestion q:
                (form.GraderInfo, form.ResponseTemplate, form.MinWords, form.MaxWords) = (q.GraderInfo, q.ResponseTemplate, q.MinWords, q.MaxWords);
                break;
        }
        form.AddBlankRows(content.Type, BlankRows);
        return form;
    }

    /// <summary>Adds blank rows of the lists the type uses (the "more rows" button, and room below existing ones).</summary>
    public void AddBlankRows(QuestionType type, int count)
    {
        for (var i = 0; i < count; i++)
        {
            switch (type)
            {
                case QuestionType.MultipleChoice or QuestionType.ShortAnswer: Choices.Add(new ChoiceRow()); break;
                case QuestionType.Numerical: Numbers.Add(new NumberRow { Tolerance = "0" }); if (i == 0) Units.Add(new UnitRow()); break;
                case QuestionType.Matching: Pairs.Add(new PairRow()); break;
                case QuestionType.Ordering: Items.Add(""); break;
            }
        }
    }

    private void SetCombined(CombinedFeedback f) =>
        (CorrectFeedback, PartiallyCorrectFeedback, IncorrectFeedback) = (f.Correct, f.PartiallyCorrect, f.Incorrect);

    private static ChoiceRow ChoiceRowOf(Choice c) => new() { Text = c.Text, Fraction = c.Fraction, Feedback = c.Feedback };

    public static string Invariant(decimal d) => d.ToString("0.#############", CultureInfo.InvariantCulture);
}
