namespace Lms.Infrastructure.QuestionFormats;

/// <summary>
/// The stable codes of <see cref="ImportProblem"/>s from <see cref="GiftFormat"/>; the web layer translates them.
/// The Moodle string each stands for is in brackets (question/format/gift/lang/en/qformat_gift.php and the
/// question types' save checks in moodle/moodle).
/// </summary>
public static class GiftProblemCodes
{
    /// <summary>A "{" with no "}" after it in the same question (braceerror).</summary>
    public const string UnclosedBrace = "gift.unclosed_brace";
    /// <summary>A "}" with no "{" before it (braceerror).</summary>
    public const string UnopenedBrace = "gift.unopened_brace";
    /// <summary>Fewer answers than the type needs: two choices, one short answer, one number (importminerror, giftnonumericalanswers, notenoughanswers).</summary>
    public const string NoAnswers = "gift.no_answers";
    /// <summary>A %weight% that is not one of Moodle's grades, e.g. %33% (invalidgradequestion).</summary>
    public const string InvalidFraction = "gift.invalid_fraction";
    /// <summary>Multiple answers whose positive weights do not add up to 100 % (qtype_multichoice errfractionsaddwrong).</summary>
    public const string FractionsSum = "gift.fractions_sum";
    /// <summary>One right answer, but no choice is worth 100 % (qtype_multichoice errfractionsnomax).</summary>
    public const string NoFullMarks = "gift.no_full_marks";
    /// <summary>A numerical answer or tolerance that is not a number (errornotnumbers).</summary>
    public const string NumericalInvalid = "gift.numerical_invalid";
    /// <summary>A matching line without "->" (giftmatchingformat).</summary>
    public const string MatchingFormat = "gift.matching_format";
    /// <summary>Fewer than two matching lines, or none with a question (importminerror).</summary>
    public const string MatchingTooFew = "gift.matching_too_few";
    /// <summary>The answers fit no question type (giftqtypenotset, giftnovalidquestion).</summary>
    public const string UnknownType = "gift.unknown_type";
    /// <summary>The reader failed on the question in a way it does not expect; the other questions are still read.</summary>
    public const string Unreadable = "gift.unreadable";
}
