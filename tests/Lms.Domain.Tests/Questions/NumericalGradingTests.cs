using Lms.Domain.Questions;
using static Lms.Domain.Tests.Questions.Grades;

namespace Lms.Domain.Tests.Questions;

public sealed class NumericalGradingTests
{
    private static NumericalQuestion Plain(params NumericalAnswer[] answers) => new() { Text = "ตัวเลข", Answers = answers };

    [Theory]
    [InlineData("2.5")]
    [InlineData("2.6")] // exactly at the tolerance is still right
    [InlineData("2.4")]
    [InlineData("+2.50")]
    [InlineData("25e-1")]
    [InlineData("0.25E1")]
    [InlineData("2.5x10^0")]
    [InlineData("๒.๕")] // Thai digits
    public void A_number_within_the_tolerance_is_right(string value)
    {
        var g = Of(Plain(new NumericalAnswer(2.5m, 0.1m, 1m, "ถูกต้อง")), ("answer", value));
        Is(g, 1m, GradeState.Correct);
        Assert.Equal(["ถูกต้อง"], g.Feedback);
    }

    [Theory]
    [InlineData("2.6000001")]
    [InlineData("2.3999999")]
    [InlineData("-2.5")]
    public void A_number_just_outside_the_tolerance_is_wrong(string value)
    {
        Is(Of(Plain(new NumericalAnswer(2.5m, 0.1m, 1m)), ("answer", value)), 0m, GradeState.Wrong);
    }

    [Fact]
    public void A_negative_tolerance_means_its_size_as_in_Moodle()
    {
        Is(Of(Plain(new NumericalAnswer(10m, -1m, 1m)), ("answer", "11")), 1m, GradeState.Correct);
    }

    [Fact]
    public void The_first_matching_answer_in_stored_order_decides()
    {
        var q = Plain(new NumericalAnswer(100m, 0m, 1m, "ตรง"), new NumericalAnswer(100m, 10m, 0.5m, "ใกล้"),
            new NumericalAnswer(null, 0m, 0m, "ตัวเลขอื่น"));
        Assert.Equal(["ตรง"], Of(q, ("answer", "100")).Feedback);
        var near = Of(q, ("answer", "95"));
        Is(near, 0.5m, GradeState.PartiallyCorrect);
        Assert.Equal(["ใกล้"], near.Feedback);
        var other = Of(q, ("answer", "-7"));
        Is(other, 0m, GradeState.Wrong);
        Assert.Equal(["ตัวเลขอื่น"], other.Feedback);
    }

    [Fact]
    public void An_any_number_answer_matches_every_number_but_not_text()
    {
        var q = Plain(new NumericalAnswer(null, 0m, 1m));
        Is(Of(q, ("answer", "-123456.789")), 1m, GradeState.Correct);
        Is(Of(q, ("answer", "หนึ่ง")), 0m, GradeState.Wrong);
    }

    [Theory]
    [InlineData("1,000", 1000)]
    [InlineData("1,000,000.5", 1000000.5)]
    [InlineData("2,5", 25)] // a comma is never a decimal comma: Moodle reads thousands
    [InlineData("1e3", 1000)]
    [InlineData("-3", -3)]
    [InlineData(".5", 0.5)]
    [InlineData("5.", 5)]
    [InlineData("3×10**2", 300)]
    public void Numbers_are_read_as_Moodle_reads_them(string text, double expected)
    {
        Assert.True(NumericalInput.TryRead(text, out var value, out var unit));
        Assert.Equal((decimal)expected, value);
        Assert.Equal("", unit);
    }

    [Theory]
    [InlineData("2.5 cm", "cm")]
    [InlineData("2.5cm", "cm")]
    [InlineData("2.5   ซม.", "ซม.")]
    [InlineData("3 frogs", "frogs")]
    public void What_follows_the_number_is_its_unit(string text, string expectedUnit)
    {
        Assert.True(NumericalInput.TryRead(text, out _, out var unit));
        Assert.Equal(expectedUnit, unit);
    }

    [Theory]
    [InlineData("frog")]
    [InlineData(".")]
    [InlineData(",")]
    [InlineData("-")]
    [InlineData(". m")]
    [InlineData(".e8 m")]
    [InlineData("1.2.3")]
    [InlineData("2 5")]
    [InlineData("1e999")]
    [InlineData("๒.๕.๓")]
    public void Text_that_is_not_a_number_is_refused(string text)
    {
        Assert.False(NumericalInput.TryRead(text, out _, out _));
    }

    [Theory]
    [InlineData("สองจุดห้า")]
    [InlineData("2.5.1")]
    [InlineData("1e999")]
    public void Text_that_is_not_a_number_is_wrong_not_an_error(string value)
    {
        Is(Of(SampleQuestions.Distance, ("answer", value)), 0m, GradeState.Wrong);
    }

    [Fact]
    public void A_blank_answer_is_not_answered()
    {
        Is(Of(SampleQuestions.Distance, ("answer", "  ")), 0m, GradeState.NotAnswered);
        Is(Of(SampleQuestions.Distance, ("unit", "cm")), 0m, GradeState.NotAnswered);
    }

    [Theory]
    [InlineData("2.5 เมตร")]
    [InlineData("2.5 m")]
    [InlineData("250 ซม.")]
    [InlineData("250cm")]
    [InlineData("2.6 m")]
    [InlineData("240 cm")] // 2.4 m: exactly at the tolerance after conversion
    public void A_known_unit_converts_the_number_to_the_base_unit(string value)
    {
        Is(Of(SampleQuestions.Distance, ("answer", value)), 1m, GradeState.Correct);
    }

    [Fact]
    public void A_unit_chosen_apart_is_used_instead_of_a_typed_one()
    {
        Is(Of(SampleQuestions.Distance, ("answer", "250"), ("unit", "ซม.")), 1m, GradeState.Correct);
        Is(Of(SampleQuestions.Distance, ("answer", "2.5"), ("unit", " m ")), 1m, GradeState.Correct);
    }

    [Theory]
    [InlineData("2.5")] // missing
    [InlineData("2.5 ฟุต")] // unknown
    [InlineData("2.5 CM")] // units compare exactly
    [InlineData("2.5 cm")] // known but wrong: 0.025 m does not match, 2.5 as typed does
    public void A_missing_or_wrong_unit_takes_the_penalty_off(string value)
    {
        var g = Of(SampleQuestions.Distance, ("answer", value));
        Is(g, 0.8m, GradeState.PartiallyCorrect);
        Assert.Equal(["ถูกต้อง"], g.Feedback);
    }

    [Fact]
    public void The_penalty_comes_off_the_answer_it_matched_and_never_below_zero()
    {
        Is(Of(SampleQuestions.Distance, ("answer", "2.8")), 0.3m, GradeState.PartiallyCorrect); // 0.5 − 0.2
        var harsh = SampleQuestions.Distance with { UnitPenalty = 1m };
        Is(Of(harsh, ("answer", "2.8")), 0m, GradeState.Wrong);
        Is(Of(harsh, ("answer", "2.5")), 0m, GradeState.Wrong);
    }

    [Fact]
    public void Without_a_required_unit_a_missing_or_unknown_unit_costs_nothing()
    {
        var optional = SampleQuestions.Distance with { UnitRequired = false };
        Is(Of(optional, ("answer", "2.5")), 1m, GradeState.Correct);
        Is(Of(optional, ("answer", "2.5 ฟุต")), 1m, GradeState.Correct);
        Is(Of(optional, ("answer", "250 cm")), 1m, GradeState.Correct);
    }

    [Fact]
    public void Without_units_text_after_the_number_is_ignored_as_in_Moodle()
    {
        Is(Of(Plain(new NumericalAnswer(12m, 0m, 1m)), ("answer", "12 เดือน")), 1m, GradeState.Correct);
    }

    [Fact]
    public void A_unit_with_a_zero_multiplier_is_never_used_to_divide()
    {
        var q = SampleQuestions.Distance with { Units = [new("m", 1m), new("bad", 0m)] };
        Is(Of(q, ("answer", "2.5 bad")), 0.8m, GradeState.PartiallyCorrect);
    }

    [Fact]
    public void Extreme_numbers_do_not_overflow()
    {
        var q = Plain(new NumericalAnswer(-79228162514264337593543950335m, 1m, 1m)) with
        {
            Units = [new("m", 1m), new("tiny", 0.0000001m)],
        };
        Is(Of(q, ("answer", "79228162514264337593543950335")), 0m, GradeState.Wrong);
        Is(Of(q, ("answer", "79228162514264337593543950335 tiny")), 0m, GradeState.Wrong);
        Is(Of(q, ("answer", "-79228162514264337593543950335")), 1m, GradeState.Correct);
    }
}
