using System.Globalization;

namespace Lms.Domain.Questions;

/// <summary>
/// Reads choice numbers out of a response. Responses come from a browser and may hold anything: a value that is
/// not a number, or not an index into the list, is simply not a choice (never an exception).
/// </summary>
internal static class ResponseValues
{
    public static int? Index(string? value, int count)
    {
        if (value is null) return null;
        return int.TryParse(value.AsSpan().Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var i)
               && i < count ? i : null;
    }

    /// <summary>The valid indexes of a comma-separated list, each once, in the order given ("3,0,1").</summary>
    public static List<int> Indexes(string? value, int count)
    {
        var result = new List<int>();
        if (value is null || count <= 0) return result;
        var seen = new HashSet<int>();
        foreach (var range in value.AsSpan().Split(','))
        {
            if (Index(value[range], count) is { } i && seen.Add(i)) result.Add(i);
            // No list can hold more distinct indexes than there are items: stop reading a hostile one early.
            if (result.Count == count) break;
        }
        return result;
    }
}
