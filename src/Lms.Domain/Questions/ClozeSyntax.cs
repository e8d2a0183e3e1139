using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace Lms.Domain.Questions;

/// <summary>What <see cref="ClozeSyntax.Parse"/> found: the text with <c>{#1}</c>, <c>{#2}</c>… where the gaps were, the gaps, and what is wrong.</summary>
public sealed record ClozeParseResult(string Text, IReadOnlyList<ClozeGap> Gaps, IReadOnlyList<QuestionProblem> Problems)
{
    public bool IsValid => Problems.Count == 0;
}

/// <summary>
/// Moodle's embedded-answers (cloze, "multianswer") syntax: <c>{1:SHORTANSWER:=right#feedback~*#anything else}</c>.
/// <see cref="Parse"/> follows <c>qtype_multianswer_extract_question</c> and its regular expressions
/// (question/type/multianswer/questiontype.php) and reports what <c>qtype_multianswer_validate_question</c> rejects;
/// <see cref="Write"/> produces text that both this parser and Moodle's read back to the same gaps.
/// </summary>
/// <remarks>
/// Where this differs from Moodle on purpose: <c>\~</c> and <c>\/</c> are unescaped as well as <c>\}</c> and <c>\#</c>
/// (Moodle leaves the backslash in), a gap written with no answers at all (<c>{1:MULTICHOICE}</c>) is reported
/// rather than left in the text as words, and multiple-response fractions that already add up to 1 (within
/// Moodle's 0.00001) are not divided again, so that writing and reading a gap is stable. <see cref="Write"/> escapes
/// '}' and '#' with a backslash, as Moodle documents, but '~' as <c>&amp;#126;</c>, which Moodle reads back as '~'.
/// </remarks>
public static partial class ClozeSyntax
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);

    // The pieces of ANSWER_REGEX, as Moodle defines them (named groups instead of numbered ones).
    private const string FractionPattern = @"(?<fraction>=|%(?<percent>-?[0-9]+(?:[.,][0-9]*)?)%)";
    private const string AnswerPattern = @"(?<answer>.+?(?<!\\|&|&amp;)(?=[~#}]|$))";
    private const string FeedbackPattern = @"(?:\#(?<feedback>.*?(?<!\\)(?=[~}]|$)))";
    private const string AlternativePattern = FractionPattern + "?" + AnswerPattern + FeedbackPattern + "?";
    private const string NumberPattern = @"-?(?:(?:[0-9]+[.,]?[0-9]*|[.,][0-9]+)(?:[eE][-+]?[0-9]+)?)";

    private const string TypePattern =
        "MULTIRESPONSE_HS|MULTIRESPONSE_H|MULTIRESPONSE_S|MULTIRESPONSE|MRHS|MRH|MRS|MR|" +
        "MULTICHOICE_VS|MULTICHOICE_HS|MULTICHOICE_V|MULTICHOICE_H|MULTICHOICE_S|MULTICHOICE|MCVS|MCHS|MCV|MCH|MCS|MC|" +
        "SHORTANSWER_C|SHORTANSWER|SAC|SA|MWC|MW|NUMERICAL|NM";

    private static readonly Regex Start = new(@"\{[0-9]*:(?:" + TypePattern + "):",
        RegexOptions.CultureInvariant, Timeout);

    private static readonly Regex Gap = new(
        @"\G\{(?<weight>[0-9]*):(?<type>" + TypePattern + "):(?<alternatives>" + Unnamed(AlternativePattern) +
        "(?:~" + Unnamed(AlternativePattern) + ")*)\\}",
        RegexOptions.Singleline | RegexOptions.CultureInvariant, Timeout);

    /// <summary>The pattern with its named groups made non-capturing (lookbehinds, <c>(?&lt;!</c>, are left alone).</summary>
    private static string Unnamed(string pattern) => Regex.Replace(pattern, @"\(\?<[a-z]+>", "(?:");

    private static readonly Regex Alternative = new(@"\G~?" + AlternativePattern,
        RegexOptions.Singleline | RegexOptions.CultureInvariant, Timeout);

    private static readonly Regex NumericalAlternative = new(
        "^(?<value>" + NumberPattern + ")(?::-?(?<tolerance>" + NumberPattern.Substring(2) + "))?$",
        RegexOptions.Singleline | RegexOptions.CultureInvariant, Timeout);

    /// <summary>A gap with nothing after its type: Moodle's pattern does not see it as a gap at all.</summary>
    private static readonly Regex EmptyGap = new(@"\{[0-9]*:(?:" + TypePattern + "):?\\}",
        RegexOptions.CultureInvariant, Timeout);

    private static readonly Regex Placeholder = new(@"\{#[0-9]+\}", RegexOptions.CultureInvariant, Timeout);

    private static readonly Dictionary<string, (ClozeKind Kind, ClozeLayout Layout, bool Shuffle)> Types =
        new(StringComparer.Ordinal)
        {
            ["NUMERICAL"] = (ClozeKind.Numerical, ClozeLayout.Dropdown, false),
            ["NM"] = (ClozeKind.Numerical, ClozeLayout.Dropdown, false),
            ["SHORTANSWER"] = (ClozeKind.ShortAnswer, ClozeLayout.Dropdown, false),
            ["SA"] = (ClozeKind.ShortAnswer, ClozeLayout.Dropdown, false),
            ["MW"] = (ClozeKind.ShortAnswer, ClozeLayout.Dropdown, false),
            ["SHORTANSWER_C"] = (ClozeKind.ShortAnswerCaseSensitive, ClozeLayout.Dropdown, false),
            ["SAC"] = (ClozeKind.ShortAnswerCaseSensitive, ClozeLayout.Dropdown, false),
            ["MWC"] = (ClozeKind.ShortAnswerCaseSensitive, ClozeLayout.Dropdown, false),
            ["MULTICHOICE"] = (ClozeKind.MultipleChoice, ClozeLayout.Dropdown, false),
            ["MC"] = (ClozeKind.MultipleChoice, ClozeLayout.Dropdown, false),
            ["MULTICHOICE_S"] = (ClozeKind.MultipleChoice, ClozeLayout.Dropdown, true),
            ["MCS"] = (ClozeKind.MultipleChoice, ClozeLayout.Dropdown, true),
            ["MULTICHOICE_V"] = (ClozeKind.MultipleChoice, ClozeLayout.Vertical, false),
            ["MCV"] = (ClozeKind.MultipleChoice, ClozeLayout.Vertical, false),
            ["MULTICHOICE_VS"] = (ClozeKind.MultipleChoice, ClozeLayout.Vertical, true),
            ["MCVS"] = (ClozeKind.MultipleChoice, ClozeLayout.Vertical, true),
            ["MULTICHOICE_H"] = (ClozeKind.MultipleChoice, ClozeLayout.Horizontal, false),
            ["MCH"] = (ClozeKind.MultipleChoice, ClozeLayout.Horizontal, false),
            ["MULTICHOICE_HS"] = (ClozeKind.MultipleChoice, ClozeLayout.Horizontal, true),
            ["MCHS"] = (ClozeKind.MultipleChoice, ClozeLayout.Horizontal, true),
            ["MULTIRESPONSE"] = (ClozeKind.MultipleResponse, ClozeLayout.Vertical, false),
            ["MR"] = (ClozeKind.MultipleResponse, ClozeLayout.Vertical, false),
            ["MULTIRESPONSE_S"] = (ClozeKind.MultipleResponse, ClozeLayout.Vertical, true),
            ["MRS"] = (ClozeKind.MultipleResponse, ClozeLayout.Vertical, true),
            ["MULTIRESPONSE_H"] = (ClozeKind.MultipleResponse, ClozeLayout.Horizontal, false),
            ["MRH"] = (ClozeKind.MultipleResponse, ClozeLayout.Horizontal, false),
            ["MULTIRESPONSE_HS"] = (ClozeKind.MultipleResponse, ClozeLayout.Horizontal, true),
            ["MRHS"] = (ClozeKind.MultipleResponse, ClozeLayout.Horizontal, true),
        };

    /// <summary>
    /// Reads a question text with gaps written inline. The gaps are replaced, first to last, by <c>{#1}</c>,
    /// <c>{#2}</c>…; problems name the gap (1-based) they are about. A text with problems still comes back parsed
    /// as far as it goes.
    /// </summary>
    public static ClozeParseResult Parse(string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var text = source;
        var gaps = new List<ClozeGap>();
        var problems = new List<QuestionProblem>();
        if (Placeholder.Match(source) is { Success: true } written)
            problems.Add(new QuestionProblem("cloze.placeholder_in_text",
                $"The text already contains \"{written.Value}\", which is where a gap would be shown: write the gap itself instead."));
        try
        {
            // Moodle runs ANSWER_REGEX on the whole text again after each gap; the leftmost match is the next gap.
            // Here each possible start is tried in turn, after a linear check that some '}' can close it: the
            // pattern backtracks exponentially over the '~'s of a gap that is never closed.
            var position = 1;
            for (var from = 0; from < text.Length;)
            {
                var start = Start.Match(text, from);
                if (!start.Success || !CanClose(text, start.Index + start.Length)) break;
                var match = Gap.Match(text, start.Index);
                if (!match.Success)
                {
                    from = start.Index + 1;
                    continue;
                }

                gaps.Add(ReadGap(match, position, problems));
                var placeholder = "{#" + position.ToString(CultureInfo.InvariantCulture) + "}";
                text = string.Concat(text.AsSpan(0, match.Index), placeholder, text.AsSpan(match.Index + match.Length));
                from = match.Index + placeholder.Length;
                position++;
            }

            foreach (Match empty in EmptyGap.Matches(text))
                problems.Add(new QuestionProblem("cloze.gap_no_choices",
                    $"The gap \"{empty.Value}\" has no answers: write them after the type, e.g. {{1:MULTICHOICE:=right~wrong}}."));
        }
        catch (RegexMatchTimeoutException)
        {
            return new ClozeParseResult(source, [], [new QuestionProblem("cloze.too_complex",
                "The gaps in this text take too long to read: look for a '}' that should be escaped as '\\}'.")]);
        }

        if (gaps.Count == 0 && problems.Count == 0)
            problems.Add(new QuestionProblem("cloze.no_gaps",
                "The question text must include at least one embedded answer, e.g. {1:SHORTANSWER:=answer}."));
        return new ClozeParseResult(text, gaps, problems);
    }

    /// <summary>
    /// Whether some '}' after <paramref name="from"/> can end a gap whose answers start there: the text before it must
    /// end as an answer may (not after a backslash, '&amp;' or "&amp;amp;") or as feedback may (after a '#' that ends an
    /// answer, not after a backslash). When no '}' can, neither Moodle's pattern nor any later start matches.
    /// </summary>
    private static bool CanClose(string text, int from)
    {
        var feedbackStarted = false;
        for (var i = from; i < text.Length; i++)
        {
            var c = text[i];
            if (i == from) continue;
            var answerMayEnd = text[i - 1] != '\\' && text[i - 1] != '&' && !text.AsSpan(from, i - from).EndsWith("&amp;");
            if (c == '}' && (answerMayEnd || (feedbackStarted && text[i - 1] != '\\'))) return true;
            if (c == '#' && answerMayEnd) feedbackStarted = true;
        }

        return false;
    }

    private static ClozeGap ReadGap(Match match, int position, List<QuestionProblem> problems)
    {
        var (kind, layout, shuffle) = Types[match.Groups["type"].Value];
        var weightText = match.Groups["weight"].Value;
        var weight = 1;
        if (weightText.Length > 0 && !int.TryParse(weightText, NumberStyles.None, CultureInfo.InvariantCulture, out weight))
        {
            problems.Add(new QuestionProblem("cloze.gap_weight_too_large", $"Gap {position}: the weight {weightText} is too large."));
            weight = 1;
        }

        var choices = new List<Choice>();
        var numbers = new List<NumericalAnswer>();
        var specificFraction = false;
        var answerCount = 0;
        var hasFullMarks = false;
        var alternatives = match.Groups["alternatives"].Value;
        for (var at = 0; at < alternatives.Length;)
        {
            var alternative = Alternative.Match(alternatives, at);
            if (!alternative.Success || alternative.Length == 0) break;
            at = alternative.Index + alternative.Length;

            decimal fraction = 0m;
            if (alternative.Groups["fraction"].Value == "=") fraction = 1m;
            else if (alternative.Groups["percent"].Success)
            {
                var percent = alternative.Groups["percent"].Value;
                if (ParseNumber(percent) is { } value) fraction = Normalize(value / 100m);
                else problems.Add(new QuestionProblem("cloze.gap_invalid_fraction", $"Gap {position}: {percent}% is not a grade."));
                // PHP reads "0" as false: %0% is not a "specific" fraction in Moodle.
                specificFraction |= percent != "0";
            }

            var feedback = alternative.Groups["feedback"].Success ? Unescape(alternative.Groups["feedback"].Value) : "";
            var rawAnswer = alternative.Groups["answer"].Value;
            if (rawAnswer.Trim().Length == 0) continue;
            answerCount++;
            if (kind == ClozeKind.MultipleResponse ? fraction > 0 : fraction == 1m) hasFullMarks = true;

            if (kind == ClozeKind.Numerical)
            {
                var number = ReadNumber(rawAnswer, fraction, feedback);
                if (number is null)
                    problems.Add(new QuestionProblem("cloze.numerical_not_number",
                        $"Gap {position}: the answer \"{Unescape(rawAnswer).Trim()}\" must be a number, for example -1.234 or 3e8, or '*'."));
                else numbers.Add(number);
            }
            else choices.Add(new Choice(Unescape(rawAnswer), fraction, feedback));
        }

        if (kind == ClozeKind.MultipleResponse) choices = SpreadMultipleResponse(choices, specificFraction);

        if (kind is ClozeKind.MultipleChoice or ClozeKind.MultipleResponse && answerCount is > 0 and < 2)
            problems.Add(new QuestionProblem("cloze.gap_too_few_choices", $"Gap {position}: this type of gap requires at least 2 choices."));
        else if (answerCount == 0)
            problems.Add(new QuestionProblem("cloze.gap_no_choices", $"Gap {position}: the gap has no answers."));
        if (answerCount > 0 && !hasFullMarks)
            problems.Add(new QuestionProblem("cloze.gap_no_right_answer",
                $"Gap {position}: one of the answers should have a score of 100% so it is possible to get full marks."));

        return new ClozeGap
        {
            Weight = weight,
            Kind = kind,
            Layout = layout,
            Shuffle = shuffle,
            Choices = kind == ClozeKind.Numerical ? [] : choices,
            Numbers = numbers,
        };
    }

    /// <summary>
    /// Moodle's "fix the score for multichoice_multi questions": the right answers share the mark (their fractions
    /// are divided by their total), and when no answer carries a %n% weight each wrong answer cancels one right one.
    /// </summary>
    private static List<Choice> SpreadMultipleResponse(List<Choice> choices, bool specificFraction)
    {
        var total = choices.Where(c => c.Fraction > 0).Sum(c => c.Fraction);
        if (total == 0) return choices;
        var divide = Math.Abs(total - 1m) >= 0.00001m;
        return choices.Select(c => c.Fraction > 0
                ? divide ? c with { Fraction = Round(c.Fraction / total) } : c
                : specificFraction ? c : c with { Fraction = Round(-1m / total) })
            .ToList();
    }

    private static NumericalAnswer? ReadNumber(string rawAnswer, decimal fraction, string feedback)
    {
        var numerical = NumericalAlternative.Match(rawAnswer);
        if (numerical.Success)
        {
            var value = ParseNumber(numerical.Groups["value"].Value);
            var tolerance = numerical.Groups["tolerance"].Success ? ParseNumber(numerical.Groups["tolerance"].Value) : 0m;
            return value is null || tolerance is null ? null : new NumericalAnswer(value, tolerance.Value, fraction, feedback);
        }

        var answer = Unescape(rawAnswer).Trim();
        if (answer == "*") return new NumericalAnswer(null, 0m, fraction, feedback);
        var plain = ParseNumber(answer);
        return plain is null ? null : new NumericalAnswer(plain, 0m, fraction, feedback);
    }

    private static decimal? ParseNumber(string text) =>
        decimal.TryParse(text.Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? Normalize(value)
            : null;

    /// <summary>
    /// Moodle decodes HTML entities in answers and feedback (the editor writes &amp;amp; for &amp;) and then removes
    /// the backslash of <c>\}</c> and <c>\#</c>; here both happen in one pass, and <c>\~</c> and <c>\/</c> count too.
    /// </summary>
    private static string Unescape(string text)
    {
        if (text.IndexOf('\\') < 0 && text.IndexOf('&') < 0) return text;
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\\' && i + 1 < text.Length && "}~#/".Contains(text[i + 1], StringComparison.Ordinal))
            {
                builder.Append(text[++i]);
                continue;
            }

            if (c == '&')
            {
                var end = text.IndexOf(';', i + 1);
                if (end > 0 && end - i <= 33)
                {
                    var candidate = text.Substring(i, end - i + 1);
                    var decoded = WebUtility.HtmlDecode(candidate);
                    if (decoded != candidate)
                    {
                        builder.Append(decoded);
                        i = end;
                        continue;
                    }
                }
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    private static decimal Round(decimal value) => Normalize(Math.Round(value, 7, MidpointRounding.AwayFromZero));

    /// <summary>The same number without trailing zeros (0.50 → 0.5), so equal values read the same way look the same.</summary>
    private static decimal Normalize(decimal value) => value / 1.0000000000000000000000000000m;

    private static string Format(decimal value) => Normalize(value).ToString(CultureInfo.InvariantCulture);
}
