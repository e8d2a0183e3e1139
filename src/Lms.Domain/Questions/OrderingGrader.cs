namespace Lms.Domain.Questions;

/// <summary>Ordering, as Moodle's qtype_ordering grade_response for the grading types the model offers.</summary>
internal static class OrderingGrader
{
    public static QuestionGrade Grade(OrderingQuestion q, Response response)
    {
        var n = q.Items.Count;
        // The order given, each valid item index once: a repeated or unknown index is not an item placed.
        var order = ResponseValues.Indexes(response["order"], n);
        if (order.Count == 0) return QuestionGrade.NotAnswered;

        var fraction = q.Grading switch
        {
            OrderingGrading.AllOrNothing => RightPlaces(order) == n ? 1m : 0m,
            OrderingGrading.RelativeNextExcludeLast => RightNexts(order, n),
            _ => (decimal)RightPlaces(order) / n,
        };
        return Graded.Of(fraction, [], q.Feedback);
    }

    /// <summary>Items in their right place (item i at position i).</summary>
    private static int RightPlaces(List<int> order)
    {
        var right = 0;
        for (var p = 0; p < order.Count; p++)
            if (order[p] == p) right++;
        return right;
    }

    /// <summary>
    /// Moodle's "relative to the next item (excluding last)": for each item but the last of the right order, a
    /// point when the item placed after it is the one that should follow it; out of n − 1. Where an item sits does
    /// not matter, so one item moved to the front costs only the links it broke.
    /// </summary>
    private static decimal RightNexts(List<int> order, int n)
    {
        if (n < 2) return 0m; // Moodle divides by n − 1 and gives 0 when that is 0
        var next = new Dictionary<int, int>();
        for (var p = 0; p + 1 < order.Count; p++) next[order[p]] = order[p + 1];
        var right = 0;
        for (var item = 0; item < n - 1; item++)
            if (next.TryGetValue(item, out var after) && after == item + 1) right++;
        return (decimal)right / (n - 1);
    }
}
