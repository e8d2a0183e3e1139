using Lms.Domain.Common;

namespace Lms.Domain.Questions;

/// <summary>Short answer (and a cloze text gap): the first pattern, in stored order, that the answer matches decides.</summary>
internal static class ShortAnswerGrader
{
    public static QuestionGrade Grade(IReadOnlyList<Choice> answers, bool caseSensitive, string? value)
    {
        // Both sides cleaned the same way (trim, one space, NFC, no zero-width characters): Thai typed on a phone
        // and Thai typed into the bank on a PC must compare equal when they look equal.
        var given = Text.Clean(value);
        if (given.Length == 0) return QuestionGrade.NotAnswered;
        var match = Matching(answers, caseSensitive, given);
        // Short-answer fractions are never negative in Moodle; a broken file's negative one still gives 0.
        return match is null ? Graded.Of(0m, []) : Graded.Of(match.Fraction, [match.Feedback]);
    }

    public static Choice? Matching(IReadOnlyList<Choice> answers, bool caseSensitive, string cleanedGiven) =>
        answers.FirstOrDefault(a => WildcardPattern.Matches(Text.Clean(a.Text), cleanedGiven, caseSensitive));
}
