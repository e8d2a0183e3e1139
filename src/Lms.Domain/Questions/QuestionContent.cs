using System.Text.Json.Serialization;

namespace Lms.Domain.Questions;

/// <summary>
/// What one version of a question says: its text, its answers and how it is graded. Immutable: editing a
/// question makes a new version with new content, so a finished attempt keeps grading (and showing) exactly
/// what the teacher saw. Stored as one JSON document per version; the discriminator is Moodle's type name,
/// which keeps the JSON readable next to Moodle XML.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(MultipleChoiceQuestion), "multichoice")]
[JsonDerivedType(typeof(TrueFalseQuestion), "truefalse")]
[JsonDerivedType(typeof(ShortAnswerQuestion), "shortanswer")]
[JsonDerivedType(typeof(NumericalQuestion), "numerical")]
[JsonDerivedType(typeof(MatchingQuestion), "matching")]
[JsonDerivedType(typeof(OrderingQuestion), "ordering")]
[JsonDerivedType(typeof(ClozeQuestion), "cloze")]
[JsonDerivedType(typeof(EssayQuestion), "essay")]
[JsonDerivedType(typeof(DescriptionQuestion), "description")]
public abstract record QuestionContent
{
    /// <summary>The name designers see in the bank (Moodle's &lt;name&gt;); learners never see it.</summary>
    public string Name { get; init; } = "";
    /// <summary>The question text, in <see cref="Format"/>. Rendered through the sanitiser, never raw.</summary>
    public string Text { get; init; } = "";
    public TextFormat Format { get; init; } = TextFormat.Markdown;
    /// <summary>Shown to everyone after answering, whatever they answered (Moodle's general feedback).</summary>
    public string GeneralFeedback { get; init; } = "";
    /// <summary>Marks the question is worth by default in a quiz (Moodle's defaultgrade).</summary>
    public decimal DefaultMark { get; init; } = 1m;
    /// <summary>Files the texts refer to as <c>@@PLUGINFILE@@/name</c>, kept in the file store.</summary>
    public IReadOnlyList<QuestionFile> Files { get; init; } = [];

    // [JsonIgnore] here does not carry over to the overrides: each override repeats it, or the computed values
    // are written into the JSON and, under camelCase (JsonSerializerDefaults.Web), "type" collides with the
    // discriminator and serialisation throws.
    [JsonIgnore] public abstract QuestionType Type { get; }

    /// <summary>True when a person must grade it (essays): the attempt is final only when they have.</summary>
    [JsonIgnore] public virtual bool NeedsManualGrading => false;
    /// <summary>Description items show text only and carry no marks.</summary>
    [JsonIgnore] public virtual bool IsGraded => true;
}

public enum TextFormat
{
    /// <summary>Written here: Markdig, then the HTML sanitiser.</summary>
    Markdown = 0,
    /// <summary>Imported from Moodle (html, moodle_auto_format): the HTML sanitiser only.</summary>
    Html = 1,
    /// <summary>Plain text: HTML-encoded, line breaks kept.</summary>
    Plain = 2,
}

public enum QuestionType
{
    MultipleChoice, TrueFalse, ShortAnswer, Numerical, Matching, Ordering, Cloze, Essay, Description,
}

/// <summary>A file a question's texts refer to by <see cref="Name"/>; its bytes live in the file store under <see cref="Key"/>.</summary>
public sealed record QuestionFile(string Name, string Key, string ContentType);

/// <summary>Moodle's combined feedback for questions that can be partly right.</summary>
public sealed record CombinedFeedback(string Correct = "", string PartiallyCorrect = "", string Incorrect = "");

/// <summary>A choice with the fraction of the mark it earns (1 = full marks; negative = penalty) and its feedback.</summary>
public sealed record Choice(string Text, decimal Fraction, string Feedback = "");

/// <summary>
/// Multiple choice with one right answer (radio buttons) or several (check boxes, <see cref="Single"/> false):
/// for several, the fractions of the ticked choices are added up, and the result is kept between 0 and 1.
/// </summary>
public sealed record MultipleChoiceQuestion : QuestionContent
{
    public IReadOnlyList<Choice> Choices { get; init; } = [];
    public bool Single { get; init; } = true;
    public bool Shuffle { get; init; } = true;
    public CombinedFeedback Feedback { get; init; } = new();
    [JsonIgnore] public override QuestionType Type => QuestionType.MultipleChoice;
}

public sealed record TrueFalseQuestion : QuestionContent
{
    public bool CorrectAnswer { get; init; }
    public string TrueFeedback { get; init; } = "";
    public string FalseFeedback { get; init; } = "";
    [JsonIgnore] public override QuestionType Type => QuestionType.TrueFalse;
}

/// <summary>
/// Typed answer compared with each pattern in turn; the first match decides. In a pattern <c>*</c> matches
/// any run of characters (Moodle's wildcard); <c>\*</c> is a literal star.
/// </summary>
public sealed record ShortAnswerQuestion : QuestionContent
{
    public IReadOnlyList<Choice> Answers { get; init; } = [];
    public bool CaseSensitive { get; init; }
    [JsonIgnore] public override QuestionType Type => QuestionType.ShortAnswer;
}

/// <summary>A numerical answer: right when within <see cref="Tolerance"/> of <see cref="Value"/>; a null value is Moodle's <c>*</c> (any number).</summary>
public sealed record NumericalAnswer(decimal? Value, decimal Tolerance, decimal Fraction, string Feedback = "");

/// <summary>A unit the answer may be given in: the number is divided by <see cref="Multiplier"/> (Moodle's unit multipliers: m = 1, cm = 100).</summary>
public sealed record NumericalUnit(string Unit, decimal Multiplier);

public sealed record NumericalQuestion : QuestionContent
{
    public IReadOnlyList<NumericalAnswer> Answers { get; init; } = [];
    public IReadOnlyList<NumericalUnit> Units { get; init; } = [];
    /// <summary>When units are listed: a wrong or missing unit takes this fraction of the mark away.</summary>
    public decimal UnitPenalty { get; init; } = 0.1m;
    public bool UnitRequired { get; init; }
    [JsonIgnore] public override QuestionType Type => QuestionType.Numerical;
}

/// <summary>One row to match; a pair with an empty <see cref="Prompt"/> is an extra wrong answer (distractor).</summary>
public sealed record MatchPair(string Prompt, string Answer);

public sealed record MatchingQuestion : QuestionContent
{
    public IReadOnlyList<MatchPair> Pairs { get; init; } = [];
    public bool Shuffle { get; init; } = true;
    public CombinedFeedback Feedback { get; init; } = new();
    [JsonIgnore] public override QuestionType Type => QuestionType.Matching;

    /// <summary>The pairs a teacher answers (those with a prompt), in stored order: response keys sub0, sub1… follow it.</summary>
    [JsonIgnore] public IReadOnlyList<MatchPair> Prompts => MatchingAnswers.Prompts(Pairs);

    /// <summary>
    /// The answers offered in every drop-down: each different answer once (distractors included), in stored
    /// order. Two prompts with the same answer share one entry, as in Moodle.
    /// </summary>
    [JsonIgnore] public IReadOnlyList<string> DistinctAnswers => MatchingAnswers.Distinct(Pairs);

    /// <summary>The index into <see cref="DistinctAnswers"/> that is right for prompt <paramref name="promptIndex"/>, or -1.</summary>
    public int RightAnswerIndex(int promptIndex)
    {
        var right = MatchingAnswers.RightIndexes(Pairs);
        return promptIndex >= 0 && promptIndex < right.Count ? right[promptIndex] : -1;
    }
}

public enum OrderingGrading
{
    /// <summary>Full marks only for the whole order right.</summary>
    AllOrNothing,
    /// <summary>A share of the mark for each item in its right place.</summary>
    AbsolutePosition,
    /// <summary>A share for each item directly followed by the item that should follow it (the last item excluded).</summary>
    RelativeNextExcludeLast,
}

/// <summary>Items to put in order; <see cref="Items"/> is the right order, shown shuffled.</summary>
public sealed record OrderingQuestion : QuestionContent
{
    public IReadOnlyList<string> Items { get; init; } = [];
    public OrderingGrading Grading { get; init; } = OrderingGrading.AbsolutePosition;
    public CombinedFeedback Feedback { get; init; } = new();
    [JsonIgnore] public override QuestionType Type => QuestionType.Ordering;
}

public enum ClozeKind
{
    ShortAnswer, ShortAnswerCaseSensitive, Numerical,
    /// <summary>Drop-down (Moodle MULTICHOICE / MC), or radio buttons (_V vertical, _H horizontal).</summary>
    MultipleChoice,
    /// <summary>Check boxes (MULTIRESPONSE / MR).</summary>
    MultipleResponse,
}

public enum ClozeLayout { Dropdown, Vertical, Horizontal }

/// <summary>One gap of a cloze question, written in Moodle's multianswer syntax as <c>{weight:KIND:=right#fb~wrong#fb}</c>.</summary>
public sealed record ClozeGap
{
    public int Weight { get; init; } = 1;
    public ClozeKind Kind { get; init; }
    public ClozeLayout Layout { get; init; } = ClozeLayout.Dropdown;
    public bool Shuffle { get; init; }
    public IReadOnlyList<Choice> Choices { get; init; } = [];
    /// <summary>For numerical gaps: the answers with tolerance (Choices is unused then).</summary>
    public IReadOnlyList<NumericalAnswer> Numbers { get; init; } = [];
}

/// <summary>
/// Gap-fill: <see cref="QuestionContent.Text"/> holds <c>{#1}</c>, <c>{#2}</c>… where the gaps go (as Moodle stores
/// it); <see cref="Gaps"/> are the gaps in that order, each graded on its own and weighted by its weight.
/// <see cref="Source"/> keeps the text as the designer wrote it, with the gaps inline, for editing and export.
/// </summary>
public sealed record ClozeQuestion : QuestionContent
{
    public IReadOnlyList<ClozeGap> Gaps { get; init; } = [];
    public string Source { get; init; } = "";
    [JsonIgnore] public override QuestionType Type => QuestionType.Cloze;
}

public sealed record EssayQuestion : QuestionContent
{
    /// <summary>Shown only to graders (Moodle's graderinfo).</summary>
    public string GraderInfo { get; init; } = "";
    /// <summary>Text the answer box starts with.</summary>
    public string ResponseTemplate { get; init; } = "";
    public int? MinWords { get; init; }
    public int? MaxWords { get; init; }
    [JsonIgnore] public override QuestionType Type => QuestionType.Essay;
    [JsonIgnore] public override bool NeedsManualGrading => true;
}

/// <summary>Text only (instructions, a reading passage); no answer, no marks.</summary>
public sealed record DescriptionQuestion : QuestionContent
{
    [JsonIgnore] public override QuestionType Type => QuestionType.Description;
    [JsonIgnore] public override bool IsGraded => false;
}
