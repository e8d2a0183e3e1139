using System.Globalization;
using System.Text.RegularExpressions;
using Lms.Domain.Questions;
using static Lms.Infrastructure.QuestionFormats.GiftEscaping;
using Codes = Lms.Infrastructure.QuestionFormats.GiftProblemCodes;

namespace Lms.Infrastructure.QuestionFormats;

/// <summary>One question read from GIFT, or why it could not be; <see cref="Name"/> is known in both cases.</summary>
internal sealed record GiftParsed(string? Name, QuestionContent? Content, string Code = "", string Message = "")
{
    public static GiftParsed Fail(string? name, string code, string message) => new(name, null, code, message);
}

/// <summary>
/// One question's text to a <see cref="QuestionContent"/>, step by step as qformat_gift::readquestion does
/// (question/format/gift/format.php in moodle/moodle): name, answer braces, missing-word blank, general feedback,
/// format, type by the answers' first characters, then the type's answers. Then the checks Moodle's import makes
/// before it saves: weights must be Moodle grades (qformat_default::importprocess, match_grade_options) and
/// choices must add up (qtype_multichoice::save_question_options).
/// </summary>
internal static partial class GiftQuestionReader
{
    /// <summary>What replaces the answers when text follows them (the missing-word form).</summary>
    private const string MissingWordBlank = "_____";

    /// <summary>
    /// Reads one question. <paramref name="text"/> is the question's lines without comments, joined with line
    /// breaks, trimmed, and passed through <see cref="GiftEscaping.Protect"/>.
    /// </summary>
    public static GiftParsed Read(string text)
    {
        // "Question name parser": ::name:: at the very start; an unterminated "::" is dropped and the name defaulted.
        string? name = null;
        if (text.StartsWith("::", StringComparison.Ordinal))
        {
            text = text[2..];
            var nameEnd = text.IndexOf("::", StringComparison.Ordinal);
            if (nameEnd >= 0)
            {
                // Deliberately unlike Moodle, an empty "::::" name is defaulted like a missing one (Moodle keeps "").
                var written = GiftText.CleanName(Restore(text[..nameEnd]));
                name = written.Length > 0 ? written : null;
                text = PhpTrim(text[(nameEnd + 2)..]);
            }
        }

        // "Find the answer section": the first "{" and the first "}", wherever they are.
        var start = text.IndexOf('{');
        var finish = text.IndexOf('}');
        if (start < 0 && finish >= 0)
            return GiftParsed.Fail(name ?? NameOf(text), Codes.UnopenedBrace,
                "The question has a '}' with no '{' before it (escape a literal brace as \\}).");
        if (start >= 0 && finish < 0)
            return GiftParsed.Fail(name ?? NameOf(text), Codes.UnclosedBrace,
                "The question's answers start with '{' but have no closing '}' (a blank line ends a question).");
        if (start >= 0 && finish < start)
            // Moodle would take a negative-length answer section and read garbage; refuse it instead.
            return GiftParsed.Fail(name ?? NameOf(text), Codes.UnopenedBrace,
                "The question has a '}' before its first '{' (escape a literal brace as \\}).");

        var description = start < 0;
        var answerText = description ? "" : PhpTrim(text.Substring(start + 1, finish - start - 1));

        // Question text without the answers. When text follows the closing brace (anything, even stray
        // punctuation), Moodle puts a blank where the answers were: the missing-word form.
        string questionText;
        if (description) questionText = text;
        else if (text.EndsWith('}')) questionText = text.Remove(start, finish - start + 1);
        else questionText = text.Remove(start, finish - start + 1).Insert(start, MissingWordBlank);

        // General feedback: after the last "####" in the answers.
        var generalFeedback = "";
        var separator = answerText.LastIndexOf("####", StringComparison.Ordinal);
        if (separator >= 0)
        {
            generalFeedback = answerText[(separator + 4)..];
            answerText = PhpTrim(answerText[..separator]);
        }

        var question = GiftText.Parse(questionText, GiftTextFormat.Moodle);
        var feedback = GiftText.Parse(generalFeedback, question.Format);
        name ??= GiftText.DefaultName(question.Text);
        var context = new Context(name, question.Format);

        QuestionContent? content;
        GiftParsed? failure;
        if (description)
        {
            // Moodle gives descriptions no marks (defaultmark 0).
            (content, failure) = (new DescriptionQuestion { DefaultMark = 0m }, null);
        }
        else if (answerText.Length == 0)
        {
            (content, failure) = (new EssayQuestion(), null);
        }
        else if (answerText[0] == '#')
        {
            (content, failure) = ReadNumerical(answerText, context);
        }
        else if (answerText.Contains('~'))
        {
            // "Only Multiplechoice questions contain tilde ~."
            (content, failure) = ReadMultipleChoice(answerText, context);
        }
        else if (answerText.Contains('=') && answerText.Contains("->", StringComparison.Ordinal))
        {
            // "Only Matching contains both = and ->."
            (content, failure) = ReadMatching(answerText, context);
        }
        else if (IsTrueFalse(answerText))
        {
            (content, failure) = (ReadTrueFalse(answerText, context), null);
        }
        else
        {
            (content, failure) = ReadShortAnswer(answerText, context);
        }

        if (failure is not null) return failure;
        if (content is null) return GiftParsed.Fail(name, Codes.UnknownType, "The answers fit no GIFT question type.");
        return new GiftParsed(name, content with
        {
            Name = name,
            Text = question.Text,
            Format = GiftText.ToModel(question.Format),
            GeneralFeedback = feedback.Text,
        });
    }

    /// <summary>The default name of a question that could not be read, for the problem report.</summary>
    private static string NameOf(string text) => GiftText.DefaultName(GiftText.Parse(text, GiftTextFormat.Moodle).Text);

    private sealed record Context(string Name, GiftTextFormat Format)
    {
        public GiftParsed Fail(string code, string message) => GiftParsed.Fail(Name, code, message);
    }

    /// <summary>"T", "TRUE", "F" or "FALSE" exactly (case matters: "{true}" is a short answer in Moodle), before any "#".</summary>
    private static bool IsTrueFalse(string answerText)
    {
        var check = answerText;
        var hash = answerText.IndexOf('#');
        if (hash > 0) check = PhpTrim(answerText[..hash]);
        return check is "T" or "TRUE" or "F" or "FALSE";
    }

    /// <summary><c>{TRUE#feedback if answered wrongly#feedback if answered rightly}</c> (split_truefalse_comment).</summary>
    private static TrueFalseQuestion ReadTrueFalse(string answerText, Context context)
    {
        var bits = answerText.Split('#', 3);
        var answer = GiftText.Parse(PhpTrim(bits[0]), context.Format).Text;
        var wrong = bits.Length > 1 ? GiftText.Parse(PhpTrim(bits[1]), context.Format).Text : "";
        var right = bits.Length > 2 ? GiftText.Parse(PhpTrim(bits[2]), context.Format).Text : "";
        var correct = answer is "T" or "TRUE";
        return new TrueFalseQuestion
        {
            CorrectAnswer = correct,
            TrueFeedback = correct ? right : wrong,
            FalseFeedback = correct ? wrong : right,
        };
    }

    private static (QuestionContent?, GiftParsed?) ReadMultipleChoice(string answerText, Context context)
    {
        // Several right answers (check boxes) when no answer is marked "=".
        var single = answerText.Contains('=');
        var answers = SplitAnswers(answerText.Replace("=", "~=", StringComparison.Ordinal), '~');
        if (answers.Count < 2)
            return (null, context.Fail(Codes.NoAnswers, "A multiple-choice question needs at least two choices."));

        var weights = new List<Weight>();
        var choices = new List<Choice>();
        foreach (var raw in answers)
        {
            var answer = PhpTrim(raw);
            Weight weight;
            if (answer.StartsWith('='))
            {
                weight = Weight.Of(1m);
                answer = answer[1..];
            }
            else
            {
                weight = TakeWeight(ref answer) ?? Weight.Of(0m);
            }
            var (text, feedback) = SplitFeedback(answer, context.Format);
            weights.Add(weight);
            choices.Add(new Choice(text, weight.Snapped, feedback));
        }
        if (CheckWeights(weights, context) is { } bad) return (null, bad);
        // qtype_multichoice::save_question_options skips choices with no text, then wants two.
        choices = choices.Where(c => c.Text.Length > 0).ToList();
        if (choices.Count < 2)
            return (null, context.Fail(Codes.NoAnswers, "A multiple-choice question needs at least two choices with text."));

        if (single)
        {
            var best = choices.Max(c => c.Fraction);
            if (best != 1m)
                return (null, context.Fail(Codes.NoFullMarks,
                    $"One choice must be worth 100 % (the best is {Percent(best)} %)."));
        }
        else
        {
            var total = Math.Round(choices.Where(c => c.Fraction > 0).Sum(c => c.Fraction), 2);
            if (total != 1m)
                return (null, context.Fail(Codes.FractionsSum,
                    $"The positive weights of a multiple-answer question must add up to 100 % (they add up to {Percent(total)} %)."));
        }
        return (new MultipleChoiceQuestion { Choices = choices, Single = single }, null);
    }

    private static (QuestionContent?, GiftParsed?) ReadMatching(string answerText, Context context)
    {
        var answers = SplitAnswers(answerText, '=');
        if (answers.Count < 2)
            return (null, context.Fail(Codes.MatchingTooFew, "A matching question needs at least two '=question -> answer' lines."));

        var pairs = new List<MatchPair>();
        foreach (var raw in answers)
        {
            var answer = PhpTrim(raw);
            var marker = answer.IndexOf("->", StringComparison.Ordinal);
            if (marker < 0)
                return (null, context.Fail(Codes.MatchingFormat, "Every matching line must be '=question -> answer' (one has no '->')."));
            var prompt = GiftText.Parse(answer[..marker], context.Format).Text;
            var match = PhpTrim(Restore(answer[(marker + 2)..]));
            // qtype_match::save_question_options skips lines with neither question nor answer.
            if (prompt.Length == 0 && match.Length == 0) continue;
            pairs.Add(new MatchPair(prompt, match));
        }
        if (pairs.Count < 2 || !pairs.Any(p => p.Prompt.Length > 0))
            return (null, context.Fail(Codes.MatchingTooFew, "A matching question needs at least two lines, at least one of them with a question."));
        return (new MatchingQuestion { Pairs = pairs }, null);
    }

    private static (QuestionContent?, GiftParsed?) ReadShortAnswer(string answerText, Context context)
    {
        var answers = SplitAnswers(answerText, '=');
        var weights = new List<Weight>();
        var choices = new List<Choice>();
        foreach (var raw in answers)
        {
            var answer = PhpTrim(raw);
            var weight = TakeWeight(ref answer) ?? Weight.Of(1m);
            var (text, feedback) = SplitFeedback(answer, context.Format);
            weights.Add(weight);
            choices.Add(new Choice(text, weight.Snapped, feedback));
        }
        if (CheckWeights(weights, context) is { } bad) return (null, bad);
        // qtype_shortanswer::save_question_options skips answers with no text.
        choices = choices.Where(c => c.Text.Length > 0).ToList();
        if (choices.Count == 0)
            return (null, context.Fail(Codes.NoAnswers, "A short-answer question needs at least one answer."));
        return (new ShortAnswerQuestion { Answers = choices }, null);
    }

    private static (QuestionContent?, GiftParsed?) ReadNumerical(string answerText, Context context)
    {
        answerText = answerText[1..];
        // Everything from the first "~" is the feedback for any other number.
        var wrongFeedback = "";
        var tilde = answerText.IndexOf('~');
        if (tilde >= 0)
        {
            wrongFeedback = answerText[tilde..];
            answerText = answerText[..tilde];
        }

        var answers = SplitAnswers(answerText, '=');
        if (answers.Count == 0)
            return (null, context.Fail(Codes.NoAnswers, "A numerical question needs at least one number."));

        var weights = new List<Weight>();
        var result = new List<NumericalAnswer>();
        foreach (var raw in answers)
        {
            var answer = PhpTrim(raw);
            var weight = TakeWeight(ref answer) ?? Weight.Of(1m);
            var (text, feedback) = SplitFeedback(answer, context.Format);
            if (ParseNumber(text) is not { } number)
                return (null, context.Fail(Codes.NumericalInvalid,
                    $"'{Quote(text)}' is not a number, 'number:tolerance' or 'min..max'."));
            weights.Add(weight);
            result.Add(new NumericalAnswer(number.Value, number.Tolerance, weight.Snapped, feedback));
        }
        if (CheckWeights(weights, context) is { } bad) return (null, bad);

        // Moodle stores "~#feedback" as the answer "*" (any number) with no marks.
        if (wrongFeedback.Length > 0)
            result.Add(new NumericalAnswer(null, 0m, 0m, SplitFeedback(wrongFeedback, context.Format).Feedback));
        return (new NumericalQuestion { Answers = result }, null);
    }

    /// <summary>
    /// "min..max" (the middle, plus or minus half the width), "value:tolerance", a value alone, or "*" (any number).
    /// </summary>
    /// <remarks>
    /// Deliberately stricter than Moodle: its check <c>!(is_numeric($ans) || $ans = '*')</c> assigns instead of
    /// comparing, so any non-number ("{#abc}") becomes "*" and every answer gets the marks. Here it is an error.
    /// Tolerances are kept positive, as qtype_numerical_answer does with abs().
    /// </remarks>
    private static (decimal? Value, decimal Tolerance)? ParseNumber(string text)
    {
        try
        {
            var range = text.IndexOf("..", StringComparison.Ordinal);
            if (range > 0)
            {
                if (!TryParseNumber(text[..range], out var min) || !TryParseNumber(text[(range + 2)..], out var max)) return null;
                var middle = min / 2 + max / 2;
                return (Normalize(middle), Normalize(Math.Abs(max - middle)));
            }
            var colon = text.IndexOf(':');
            string value = text, tolerance = "0";
            if (colon > 0)
            {
                value = text[..colon];
                tolerance = text[(colon + 1)..];
            }
            if (!TryParseNumber(tolerance, out var tol)) return null;
            // "Any number": Moodle's export writes it without a tolerance, so none is kept.
            if (PhpTrim(value) == "*") return (null, 0m);
            if (!TryParseNumber(value, out var number)) return null;
            return (number, Math.Abs(tol));
        }
        catch (OverflowException)
        {
            return null;
        }
    }

    /// <summary>PHP's explode on <paramref name="separator"/>, then the first piece dropped when blank (text before the first answer).</summary>
    private static List<string> SplitAnswers(string answerText, char separator)
    {
        var answers = answerText.Split(separator).ToList();
        if (answers.Count > 0 && IsPhpBlank(answers[0])) answers.RemoveAt(0);
        return answers;
    }

    /// <summary>qformat_gift::commentparser: the answer before the first "#", its feedback after, each with an optional format marker.</summary>
    private static (string Text, string Feedback) SplitFeedback(string answer, GiftTextFormat format)
    {
        var bits = answer.Split('#', 2);
        var text = GiftText.Parse(PhpTrim(bits[0]), format).Text;
        var feedback = bits.Length > 1 ? GiftText.Parse(PhpTrim(bits[1]), format).Text : "";
        return (text, feedback);
    }

    /// <summary>A weight as written (for messages) and as a fraction, when it is a number at all.</summary>
    private readonly record struct Weight(string Written, decimal? Fraction)
    {
        public static Weight Of(decimal fraction) => new(Percent(fraction), fraction);
        public decimal Snapped => MoodleGrades.Match(Fraction ?? 0m) ?? 0m;
    }

    /// <summary>
    /// qformat_gift::answerweightparser when the answer starts with Moodle's weight pattern <c>%-50%</c>: the
    /// weight is taken off the answer. Null when there is none (the type's default weight applies).
    /// </summary>
    private static Weight? TakeWeight(ref string answer)
    {
        if (!WeightPattern().IsMatch(answer)) return null;
        var rest = answer[1..];
        var end = rest.IndexOf('%');
        var written = rest[..end];
        answer = rest[(end + 1)..];
        // "%--50%" matches Moodle's pattern but is no number (PHP 8 throws on it): an invalid weight.
        return decimal.TryParse(written, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint,
            CultureInfo.InvariantCulture, out var percent)
            ? new Weight(written, percent / 100m)
            : new Weight(written, null);
    }

    /// <summary>Moodle refuses a question when any weight is not one of its grades (match_grade_options, "error" mode).</summary>
    private static GiftParsed? CheckWeights(IReadOnlyList<Weight> weights, Context context)
    {
        var invalid = weights.Where(w => w.Fraction is not { } f || !MoodleGrades.IsAllowed(f))
            .Select(w => Quote(w.Written) + " %").Distinct().ToList();
        if (invalid.Count == 0) return null;
        return context.Fail(Codes.InvalidFraction,
            $"Answer weights must be Moodle grades (100, 90, 83.33333, 80, 75, 70, 66.66667, 60, 50, 40, 33.33333, 30, 25, 20, " +
            $"16.66667, 14.28571, 12.5, 11.11111, 10, 5 or 0 %, or minus one of them); not {string.Join(", ", invalid)}.");
    }

    private static string Percent(decimal fraction) => FormatNumber(fraction * 100m);

    /// <summary>A piece of the file for a message, cut short when it is long.</summary>
    private static string Quote(string text) => text.Length <= 40 ? text : text[..40] + "…";

    /// <summary>Moodle's $giftanswerweightregex; ASCII digits only, as PHP's [0-9].</summary>
    [GeneratedRegex(@"^%-*[0-9]{1,2}\.?[0-9]*%", RegexOptions.CultureInvariant)]
    private static partial Regex WeightPattern();
}
