using Lms.Domain.Common;

namespace Lms.Domain.Questions;

/// <summary>Numerical (and a cloze number gap), as Moodle's qtype_numerical_question::grade_response.</summary>
internal static class NumericalGrader
{
    public static QuestionGrade Grade(NumericalQuestion q, Response response) =>
        Grade(q.Answers, q.Units, q.UnitRequired, q.UnitPenalty, response["answer"], response["unit"]);

    /// <param name="unitValue">A unit chosen apart from the number (Moodle's separate unit field); wins over one typed after it.</param>
    public static QuestionGrade Grade(
        IReadOnlyList<NumericalAnswer> answers, IReadOnlyList<NumericalUnit> units, bool unitRequired,
        decimal unitPenalty, string? value, string? unitValue)
    {
        if (Text.Clean(value).Length == 0) return QuestionGrade.NotAnswered;
        // Text that is not a number is answered, and wrong (Moodle: gradedwrong), never an error.
        if (!NumericalInput.TryRead(value, out var number, out var typedUnit)) return Graded.Of(0m, []);

        var unitText = unitValue is null ? typedUnit : Text.Clean(unitValue);
        // Units compare exactly, as in Moodle: "mm" and "Mm" are different units.
        var unit = unitText.Length == 0
            ? null
            : units.FirstOrDefault(u => u.Multiplier > 0 && Text.Clean(u.Unit) == unitText);
        // The answers are in the first (base) unit: 2 cm with cm = 100 is 0.02 m.
        var scaled = unit is null ? (decimal?)null : Divide(number, unit.Multiplier);

        // Moodle's get_matching_answer: each answer in stored order, first with the number converted by a known
        // unit, then as typed; an answer matched only as typed means the unit was missing, unknown or wrong.
        foreach (var a in answers)
        {
            if (scaled is { } s && Within(a, s)) return Result(a, unitIsRight: true);
            if (Within(a, number)) return Result(a, unitIsRight: false);
        }
        return Graded.Of(0m, []);

        QuestionGrade Result(NumericalAnswer a, bool unitIsRight)
        {
            var fraction = Math.Clamp(a.Fraction, 0m, 1m);
            // Moodle's UNITGRADEDOUTOFMAX: the penalty is a fraction of the question's mark, taken off the
            // answer's fraction and never below 0. Only when units are listed and required (Moodle's "unit graded").
            if (!unitIsRight && unitRequired && units.Count > 0) fraction = Math.Max(fraction - unitPenalty, 0m);
            return Graded.Of(fraction, [a.Feedback]);
        }
    }

    /// <summary>|x − value| ≤ tolerance, exactly (decimals: a number exactly at the tolerance is right). A null value is Moodle's "*".</summary>
    public static bool Within(NumericalAnswer a, decimal x)
    {
        if (a.Value is not { } v) return true;
        try
        {
            return Math.Abs(x - v) <= Math.Abs(a.Tolerance);
        }
        catch (OverflowException)
        {
            return false; // a difference beyond decimal's range is outside any tolerance
        }
    }

    private static decimal? Divide(decimal x, decimal multiplier)
    {
        try
        {
            return x / multiplier;
        }
        catch (OverflowException)
        {
            return null;
        }
    }
}
