using Lms.Domain.Common;

namespace Lms.Domain.Questions;

/// <summary>
/// How a matching question's pairs become prompts and drop-down answers (Moodle's qtype_match: stems, choices and
/// right). Computed each time rather than cached on the record: a cache would be copied by <c>with</c> and go stale.
/// </summary>
internal static class MatchingAnswers
{
    /// <summary>A pair is a distractor when its prompt is blank (Moodle ignores white space there).</summary>
    public static IReadOnlyList<MatchPair> Prompts(IReadOnlyList<MatchPair> pairs) =>
        pairs.Where(p => !string.IsNullOrWhiteSpace(p.Prompt)).ToList();

    public static IReadOnlyList<string> Distinct(IReadOnlyList<MatchPair> pairs) => Build(pairs).Answers;

    public static IReadOnlyList<int> RightIndexes(IReadOnlyList<MatchPair> pairs) => Build(pairs).Right;

    /// <summary>
    /// Answers are the same answer when they clean to the same text (Moodle compares them exactly; here a stray
    /// space or a zero-width character from Word must not offer the teacher two identical-looking answers of which
    /// only one counts). The first spelling met is the one shown.
    /// </summary>
    public static (IReadOnlyList<string> Answers, IReadOnlyList<int> Right) Build(IReadOnlyList<MatchPair> pairs)
    {
        var answers = new List<string>();
        var indexByKey = new Dictionary<string, int>(StringComparer.Ordinal);
        var right = new List<int>();
        foreach (var pair in pairs)
        {
            var key = Text.Clean(pair.Answer);
            var index = -1;
            if (key.Length > 0 && !indexByKey.TryGetValue(key, out index))
            {
                index = answers.Count;
                indexByKey[key] = index;
                answers.Add(pair.Answer);
            }
            if (!string.IsNullOrWhiteSpace(pair.Prompt)) right.Add(key.Length > 0 ? index : -1);
        }
        return (answers, right);
    }
}
