namespace Lms.Domain.Questions;

/// <summary>
/// The fractions Moodle lets an answer be worth (question_bank::fraction_options_full): a file carrying any other
/// value (say 33 % instead of 33.33333 %) is refused by Moodle's importer, and so by ours, so that a bank that
/// round-trips through Moodle grades the same in both.
/// </summary>
public static class MoodleGrades
{
    public static IReadOnlyList<decimal> Positive { get; } =
    [
        1m, 0.9m, 0.8333333m, 0.8m, 0.75m, 0.7m, 0.6666667m, 0.6m, 0.5m, 0.4m, 0.3333333m, 0.3m, 0.25m, 0.2m,
        0.1666667m, 0.1428571m, 0.125m, 0.1111111m, 0.1m, 0.05m, 0m,
    ];

    /// <summary>The allowed fraction nearest to <paramref name="fraction"/> (within Moodle's 0.00001), or null when there is none.</summary>
    public static decimal? Match(decimal fraction)
    {
        var magnitude = Math.Abs(fraction);
        foreach (var option in Positive)
            if (Math.Abs(magnitude - option) < 0.00001m) return fraction < 0 ? -option : option;
        return null;
    }

    public static bool IsAllowed(decimal fraction) => Match(fraction) is not null;
}
