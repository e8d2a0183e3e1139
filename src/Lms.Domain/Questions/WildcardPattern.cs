namespace Lms.Domain.Questions;

/// <summary>
/// Moodle's short-answer patterns (qtype_shortanswer::compare_string_with_wildcard): <c>*</c> matches any run of
/// characters, a run of stars is one star, <c>\*</c> is a literal star, and the whole answer must match.
/// Matched without regular expressions: a pattern such as <c>*a*a*a*b</c> against a long answer would make a
/// backtracking regex crawl, while finding the literal pieces left to right is linear enough and gives the same
/// answer (greedy leftmost placement is always right when the only wildcard is <c>*</c>).
/// </summary>
internal static class WildcardPattern
{
    /// <param name="pattern">Already cleaned (<see cref="Common.Text.Clean"/>), as is <paramref name="text"/>.</param>
    public static bool Matches(string pattern, string text, bool caseSensitive)
    {
        // An empty pattern could only match an empty answer, and an empty answer is never graded.
        if (pattern.Length == 0) return false;
        var pieces = Pieces(pattern);
        // Ordinal comparisons: the same on every server whatever its culture; OrdinalIgnoreCase folds case
        // (Latin, Greek, Cyrillic…) without changing lengths, so the offsets below stay right. Thai has no case.
        var cmp = caseSensitive ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;
        if (pieces.Count == 1) return string.Equals(text, pieces[0], cmp);

        var first = pieces[0];
        var last = pieces[^1];
        if (text.Length < first.Length + last.Length) return false;
        if (!text.StartsWith(first, cmp) || !text.EndsWith(last, cmp)) return false;
        var at = first.Length;
        var end = text.Length - last.Length;
        for (var i = 1; i < pieces.Count - 1; i++)
        {
            var found = text.IndexOf(pieces[i], at, end - at, cmp);
            if (found < 0) return false;
            at = found + pieces[i].Length;
        }
        return true;
    }

    /// <summary>The literal pieces between wildcards: "a*b\*c" is ["a", "b*c"]; "*" is ["", ""].</summary>
    private static List<string> Pieces(string pattern)
    {
        var pieces = new List<string>();
        var piece = new System.Text.StringBuilder();
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '\\' && i + 1 < pattern.Length && pattern[i + 1] == '*')
            {
                piece.Append('*');
                i++;
            }
            else if (c == '*')
            {
                pieces.Add(piece.ToString());
                piece.Clear();
                while (i + 1 < pattern.Length && pattern[i + 1] == '*') i++;
            }
            else piece.Append(c);
        }
        pieces.Add(piece.ToString());
        return pieces;
    }
}
