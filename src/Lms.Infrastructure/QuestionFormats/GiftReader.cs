using System.Text;
using System.Text.RegularExpressions;
using static Lms.Infrastructure.QuestionFormats.GiftEscaping;

namespace Lms.Infrastructure.QuestionFormats;

/// <summary>
/// A whole GIFT file: blocks (<see cref="GiftTokenizer"/>), <c>$CATEGORY:</c> switches, comments with Moodle's
/// <c>[id:…]</c> and <c>[tag:…]</c>, and each question through <see cref="GiftQuestionReader"/>. A question that
/// cannot be read becomes an <see cref="ImportProblem"/> and reading goes on with the next.
/// </summary>
internal static partial class GiftReader
{
    private const string CategoryPrefix = "$CATEGORY:";

    public static ImportResult Read(string? text)
    {
        var state = new State();
        foreach (var block in GiftTokenizer.Blocks(text ?? ""))
            ReadBlock(block, state);
        return new ImportResult(state.Categories, state.Questions, state.Problems);
    }

    private sealed class State
    {
        public List<InterchangeCategory> Categories { get; } = [];
        public List<InterchangeQuestion> Questions { get; } = [];
        public List<ImportProblem> Problems { get; } = [];
        public HashSet<string> SeenCategories { get; } = new(StringComparer.Ordinal);
        public IReadOnlyList<string> Current { get; set; } = [];
    }

    private static void ReadBlock(IReadOnlyList<GiftLine> lines, State state)
    {
        var first = -1;
        for (var i = 0; i < lines.Count && first < 0; i++)
            if (!lines[i].IsComment) first = i;
        if (first < 0) return; // comments only

        // qformat_gift::readquestion: "$CATEGORY:" at the start of a question switches the category.
        // Deliberately unlike Moodle, the path is that line alone: Moodle takes the rest of the block too,
        // so a question written right under the line (no blank line between) becomes part of a category
        // name. Here those lines are read as the question they are. The path is taken as written, without
        // GIFT escapes, because Moodle's export writes it so.
        if (lines[first].Text.StartsWith(CategoryPrefix, StringComparison.Ordinal))
        {
            var path = GiftText.SplitCategoryPath(PhpTrim(lines[first].Text[CategoryPrefix.Length..]));
            state.Current = path;
            var key = string.Join('\u001F', path);
            if (path.Count > 0 && state.SeenCategories.Add(key)) state.Categories.Add(new InterchangeCategory(path));
            if (first + 1 < lines.Count) ReadBlock(lines.Skip(first + 1).ToList(), state);
            return;
        }

        // "Separate comments and implode": comment lines become a space, the rest is joined with line breaks.
        var comments = new StringBuilder();
        var body = new StringBuilder();
        for (var i = 0; i < lines.Count; i++)
        {
            if (i > 0) body.Append('\n');
            if (lines[i].IsComment)
            {
                comments.Append(lines[i].Text).Append('\n');
                body.Append(' ');
            }
            else
            {
                body.Append(lines[i].Text);
            }
        }

        var line = lines[first].Number;
        GiftParsed parsed;
        try
        {
            parsed = GiftQuestionReader.Read(Protect(PhpTrim(body.ToString())));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Never expected (the tests feed hostile input), but one odd question must not stop the others.
            state.Problems.Add(new ImportProblem(line, null, GiftProblemCodes.Unreadable, $"The question could not be read ({e.GetType().Name})."));
            return;
        }

        if (parsed.Content is null)
        {
            state.Problems.Add(new ImportProblem(line, parsed.Name, parsed.Code, parsed.Message));
            return;
        }
        var (idNumber, tags) = ExtractIdNumberAndTags(comments.ToString());
        state.Questions.Add(new InterchangeQuestion(state.Current, parsed.Content, tags, [], line, idNumber));
    }

    /// <summary>
    /// qformat_gift::extract_idnumber_and_tags_from_comment: the first <c>[id:…]</c> and every <c>[tag:…]</c> in the
    /// question's comments, trimmed, with <c>\]</c> for a "]" inside.
    /// </summary>
    public static (string? IdNumber, IReadOnlyList<string> Tags) ExtractIdNumberAndTags(string comments)
    {
        if (comments.Length == 0) return (null, []);
        var id = IdPattern().Match(comments);
        var idNumber = id.Success ? Unescape(id.Groups[1].Value) : "";
        var tags = TagPattern().Matches(comments)
            .Select(m => Unescape(m.Groups[1].Value))
            .Where(t => t.Length > 0)
            .ToList();
        return (idNumber.Length > 0 ? idNumber : null, tags);

        static string Unescape(string raw) => PhpTrim(raw).Replace("\\]", "]", StringComparison.Ordinal);
    }

    [GeneratedRegex(@"\[id:((?:\\]|[^\]\p{Cc}])+)]", RegexOptions.NonBacktracking | RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();

    [GeneratedRegex(@"\[tag:((?:\\]|[^\]<>`\p{Cc}])+)]", RegexOptions.NonBacktracking | RegexOptions.CultureInvariant)]
    private static partial Regex TagPattern();
}
