namespace Lms.Domain.Questions;

/// <summary>
/// How one attempt shows a question: the order of its choices, drop-down answers, prompts, items and gap choices.
/// Made once when the attempt starts, from a <see cref="Random"/> the attempt seeds, and stored with the attempt as
/// JSON (plain lists of indexes into the question's own lists), so a reload, a review or a regrade shows exactly
/// what the teacher saw. Store it rather than re-deriving it from the seed: <see cref="Random"/>'s sequence is not
/// promised to stay the same across .NET versions. Responses never depend on it (they name stored indexes).
/// A null order means "as stored".
/// </summary>
/// <param name="ChoiceOrder">Multiple choice, when it shuffles.</param>
/// <param name="AnswerOrder">Matching: the order of <see cref="MatchingQuestion.DistinctAnswers"/> in every drop-down.</param>
/// <param name="ItemOrder">Ordering: the order the items are first shown in.</param>
/// <param name="GapChoiceOrders">Cloze: for each choice gap that shuffles, keyed by gap index (0 = key gap1), its choices' order.</param>
/// <param name="PromptOrder">Matching, when it shuffles: the order of <see cref="MatchingQuestion.Prompts"/>.</param>
public sealed record QuestionLayout(
    IReadOnlyList<int>? ChoiceOrder,
    IReadOnlyList<int>? AnswerOrder,
    IReadOnlyList<int>? ItemOrder,
    IReadOnlyDictionary<int, IReadOnlyList<int>>? GapChoiceOrders,
    IReadOnlyList<int>? PromptOrder = null)
{
    /// <summary>Everything as stored.</summary>
    public static QuestionLayout Stored { get; } = new(null, null, null, null);

    /// <summary>
    /// A layout for a new attempt. Draws from <paramref name="rng"/> in a fixed order (choices, answers, prompts,
    /// items, gaps in order), so the same seed gives the same layout.
    /// </summary>
    public static QuestionLayout For(QuestionContent question, Random rng)
    {
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(rng);
        return question switch
        {
            MultipleChoiceQuestion q => Stored with { ChoiceOrder = q.Shuffle ? Shuffled(q.Choices.Count, rng) : null },
            MatchingQuestion q => ForMatching(q, rng),
            OrderingQuestion q => Stored with { ItemOrder = NotInOrder(q.Items.Count, rng) },
            ClozeQuestion q => Stored with { GapChoiceOrders = ForGaps(q, rng) },
            _ => Stored,
        };
    }

    /// <summary>
    /// Moodle's qtype_match always shuffles the answers and shuffles the prompts only when asked (its "shuffle"
    /// option is shufflestems): answers left in stored order would list the first prompt's answer first, the
    /// second's second… and give the question away.
    /// </summary>
    private static QuestionLayout ForMatching(MatchingQuestion q, Random rng)
    {
        var (answers, rightPerPrompt) = MatchingAnswers.Build(q.Pairs);
        var answerOrder = Shuffled(answers.Count, rng);
        var promptOrder = q.Shuffle ? Shuffled(rightPerPrompt.Count, rng) : null;
        return Stored with { AnswerOrder = answerOrder, PromptOrder = promptOrder };
    }

    private static Dictionary<int, IReadOnlyList<int>>? ForGaps(ClozeQuestion q, Random rng)
    {
        var orders = new Dictionary<int, IReadOnlyList<int>>();
        for (var i = 0; i < q.Gaps.Count; i++)
        {
            var gap = q.Gaps[i];
            if (gap.Shuffle && gap.Kind is ClozeKind.MultipleChoice or ClozeKind.MultipleResponse)
                orders[i] = Shuffled(gap.Choices.Count, rng);
        }
        return orders.Count == 0 ? null : orders;
    }

    /// <summary>
    /// Ordering items are always shown shuffled, and never already in the right order when there are two or more
    /// (Moodle does the same): a teacher must not get full marks for pressing Submit.
    /// </summary>
    private static int[] NotInOrder(int count, Random rng)
    {
        var order = Shuffled(count, rng);
        for (var tries = 0; count >= 2 && IsIdentity(order) && tries < 10; tries++) order = Shuffled(count, rng);
        if (count >= 2 && IsIdentity(order)) order = [.. Enumerable.Range(1, count - 1), 0]; // rotate: never in order
        return order;
    }

    /// <summary>Fisher–Yates: every order equally likely.</summary>
    private static int[] Shuffled(int count, Random rng)
    {
        var order = Enumerable.Range(0, Math.Max(count, 0)).ToArray();
        for (var i = order.Length - 1; i > 0; i--)
        {
            var j = rng.Next(i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }
        return order;
    }

    private static bool IsIdentity(int[] order)
    {
        for (var i = 0; i < order.Length; i++)
            if (order[i] != i) return false;
        return true;
    }

    /// <summary>
    /// The order to show <paramref name="count"/> things in: <paramref name="order"/> when it is an order of exactly
    /// those (each of 0..count−1 once), otherwise stored order. Pages use this, so a layout stored before the
    /// question changed shape (or read from a damaged row) still shows every choice, once.
    /// </summary>
    public static IReadOnlyList<int> Shown(IReadOnlyList<int>? order, int count) =>
        order is not null && IsOrderOf(order, count) ? order : Enumerable.Range(0, Math.Max(count, 0)).ToArray();

    /// <summary>The order for gap <paramref name="gapIndex"/> (0-based) with <paramref name="count"/> choices.</summary>
    public IReadOnlyList<int> ShownGapChoices(int gapIndex, int count) =>
        Shown(GapChoiceOrders?.GetValueOrDefault(gapIndex), count);

    /// <summary>True when every order this layout holds is an order of the question's lists as they are now.</summary>
    public bool Fits(QuestionContent question)
    {
        ArgumentNullException.ThrowIfNull(question);
        return question switch
        {
            MultipleChoiceQuestion q => Fits(ChoiceOrder, q.Choices.Count),
            MatchingQuestion q => Fits(AnswerOrder, q.DistinctAnswers.Count) && Fits(PromptOrder, q.Prompts.Count),
            OrderingQuestion q => Fits(ItemOrder, q.Items.Count),
            ClozeQuestion q => GapChoiceOrders is null || GapChoiceOrders.All(g =>
                g.Key >= 0 && g.Key < q.Gaps.Count && IsOrderOf(g.Value, q.Gaps[g.Key].Choices.Count)),
            _ => true,
        };
    }

    private static bool Fits(IReadOnlyList<int>? order, int count) => order is null || IsOrderOf(order, count);

    private static bool IsOrderOf(IReadOnlyList<int> order, int count)
    {
        if (order.Count != count) return false;
        var seen = new bool[count];
        foreach (var i in order)
        {
            if (i < 0 || i >= count || seen[i]) return false;
            seen[i] = true;
        }
        return true;
    }
}
