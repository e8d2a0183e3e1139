using System.Globalization;
using Lms.Domain.Questions;

namespace Lms.Web.Pages.Design.Questions;

/// <summary>
/// A grade drop-down offering only Moodle's grades (100 %, 90 %, 83.33333 %… 0 %, and for choices the same below 0),
/// so that what is written here imports into Moodle unchanged. A stored value outside the list (never expected) is
/// offered too, rather than silently changed; validation then reports it.
/// </summary>
public sealed record FractionSelect(string Name, decimal Value, bool Negative, string Label)
{
    public IReadOnlyList<(decimal Value, string Text)> Options
    {
        get
        {
            var list = MoodleGrades.Positive.Select(f => (f, Percent(f))).ToList();
            if (Negative) list.AddRange(MoodleGrades.Positive.Where(f => f > 0).Reverse().Select(f => (-f, Percent(-f))));
            var current = MoodleGrades.Match(Value) ?? Value;
            if (list.All(o => o.f != current)) list.Add((current, Percent(current)));
            return list;
        }
    }

    /// <summary>The select of row <paramref name="index"/> of a list field: <c>Input.Choices[2].Fraction</c>.</summary>
    public static FractionSelect Row(string list, int index, decimal value, bool negative, string label) =>
        new(string.Create(CultureInfo.InvariantCulture, $"Input.{list}[{index}].Fraction"), value, negative, label);

    public bool IsSelected(decimal option) => (MoodleGrades.Match(Value) ?? Value) == option;

    public static string Percent(decimal f) => (f * 100).ToString("0.#####", CultureInfo.InvariantCulture) + " %";

    public static string Invariant(decimal f) => f.ToString("0.#######", CultureInfo.InvariantCulture);
}
