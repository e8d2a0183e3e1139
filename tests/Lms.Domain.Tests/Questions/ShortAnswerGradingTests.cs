using Lms.Domain.Questions;
using static Lms.Domain.Tests.Questions.Grades;

namespace Lms.Domain.Tests.Questions;

public sealed class ShortAnswerGradingTests
{
    private static ShortAnswerQuestion With(bool caseSensitive = false, params Choice[] answers) =>
        new() { Text = "ตอบสั้น", Answers = answers, CaseSensitive = caseSensitive };

    [Fact]
    public void A_Thai_wildcard_pattern_matches_what_follows()
    {
        var g = Of(SampleQuestions.King, ("answer", "พ่อขุนรามคำแหงมหาราช"));
        Is(g, 1m, GradeState.Correct);
        Assert.Equal(["ถูกต้อง"], g.Feedback);
    }

    [Fact]
    public void The_first_pattern_in_stored_order_decides()
    {
        // Matches both "*รามคำแหง*" and "*", and the first of them gives half marks.
        var g = Of(SampleQuestions.King, ("answer", "ขุนรามคำแหง"));
        Is(g, 0.5m, GradeState.PartiallyCorrect);
        Assert.Equal(["ควรมีคำนำหน้า"], g.Feedback);
    }

    [Fact]
    public void A_catch_all_star_gives_its_feedback_for_anything_else()
    {
        var g = Of(SampleQuestions.King, ("answer", "พ่อขุนศรีอินทราทิตย์"));
        Is(g, 0m, GradeState.Wrong);
        Assert.Equal(["ไม่ถูกต้อง"], g.Feedback);
    }

    [Fact]
    public void No_matching_pattern_is_wrong_without_feedback()
    {
        var g = Of(With(false, new Choice("สุโขทัย", 1m)), ("answer", "อยุธยา"));
        Is(g, 0m, GradeState.Wrong);
        Assert.Empty(g.Feedback);
    }

    [Fact]
    public void The_whole_answer_must_match_not_a_part()
    {
        var q = With(false, new Choice("สุโขทัย", 1m));
        Is(Of(q, ("answer", "จังหวัดสุโขทัย")), 0m, GradeState.Wrong);
        Is(Of(q, ("answer", "สุโขทัยธานี")), 0m, GradeState.Wrong);
    }

    [Fact]
    public void Stars_in_the_middle_and_at_both_ends_match_any_run_including_none()
    {
        var q = With(false, new Choice("ครู*ผู้ช่วย", 1m));
        Is(Of(q, ("answer", "ครูผู้ช่วย")), 1m, GradeState.Correct);
        Is(Of(q, ("answer", "ครู ตำแหน่ง ผู้ช่วย")), 1m, GradeState.Correct);
        Is(Of(q, ("answer", "ผู้ช่วยครู")), 0m, GradeState.Wrong);

        var around = With(false, new Choice("*PLC*", 1m));
        Is(Of(around, ("answer", "PLC")), 1m, GradeState.Correct);
        Is(Of(around, ("answer", "ชุมชน PLC ของโรงเรียน")), 1m, GradeState.Correct);
    }

    [Fact]
    public void Pieces_between_stars_must_come_in_order_without_overlapping()
    {
        var q = With(false, new Choice("ab*ba", 1m));
        Is(Of(q, ("answer", "aba")), 0m, GradeState.Wrong); // "ab" and "ba" would share the b
        Is(Of(q, ("answer", "abba")), 1m, GradeState.Correct);

        var three = With(false, new Choice("a*b*c", 1m));
        Is(Of(three, ("answer", "a-c-b")), 0m, GradeState.Wrong);
        Is(Of(three, ("answer", "a-b-c")), 1m, GradeState.Correct);
    }

    [Fact]
    public void An_escaped_star_is_a_literal_star()
    {
        var q = With(false, new Choice(@"5\*3", 1m));
        Is(Of(q, ("answer", "5*3")), 1m, GradeState.Correct);
        Is(Of(q, ("answer", "5x3")), 0m, GradeState.Wrong);
        Is(Of(q, ("answer", "5**3")), 0m, GradeState.Wrong);
    }

    [Fact]
    public void Other_regex_characters_are_plain_text()
    {
        var q = With(false, new Choice("a.b(c)?[d]", 1m));
        Is(Of(q, ("answer", "a.b(c)?[d]")), 1m, GradeState.Correct);
        Is(Of(q, ("answer", "axb(c)[d]")), 0m, GradeState.Wrong);
    }

    [Fact]
    public void Case_is_ignored_unless_the_question_is_case_sensitive()
    {
        Is(Of(With(false, new Choice("PLC", 1m)), ("answer", "plc")), 1m, GradeState.Correct);
        Is(Of(With(false, new Choice("Ölçme*", 1m)), ("answer", "ÖLÇME ve değerlendirme")), 1m, GradeState.Correct);
        Is(Of(With(true, new Choice("PLC", 1m)), ("answer", "plc")), 0m, GradeState.Wrong);
        Is(Of(With(true, new Choice("PLC", 1m)), ("answer", "PLC")), 1m, GradeState.Correct);
    }

    [Fact]
    public void Spaces_invisible_characters_and_Unicode_forms_do_not_matter()
    {
        var q = With(false, new Choice("ครู  ผู้ช่วย", 1m), new Choice("café", 1m));
        Is(Of(q, ("answer", "  ครู\tผู้ช่วย \n")), 1m, GradeState.Correct);
        Is(Of(q, ("answer", "ครู\u200B ผู้ช่วย")), 1m, GradeState.Correct); // zero-width space pasted from Word
        Is(Of(q, ("answer", "cafe\u0301")), 1m, GradeState.Correct); // e + combining acute = é (NFC)
    }

    [Fact]
    public void Thai_vowels_and_tone_marks_must_be_the_same()
    {
        var q = With(false, new Choice("ไก่", 1m));
        Is(Of(q, ("answer", "ไก่")), 1m, GradeState.Correct);
        Is(Of(q, ("answer", "ไก้")), 0m, GradeState.Wrong); // another tone mark is another word
        Is(Of(q, ("answer", "ไก")), 0m, GradeState.Wrong);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\u200B")]
    public void A_blank_answer_is_not_answered_even_with_a_catch_all_star(string value)
    {
        Is(Of(SampleQuestions.King, ("answer", value)), 0m, GradeState.NotAnswered);
    }

    [Fact]
    public void A_blank_pattern_matches_nothing()
    {
        Is(Of(With(false, new Choice("  ", 1m)), ("answer", "อะไรก็ได้")), 0m, GradeState.Wrong);
    }

    [Fact]
    public void A_huge_answer_against_many_stars_is_graded_quickly()
    {
        var q = With(false, new Choice("*ก*ก*ก*ก*ก*ข", 1m));
        var answer = new string('ก', 200_000);
        var started = System.Diagnostics.Stopwatch.StartNew();
        Is(Of(q, ("answer", answer)), 0m, GradeState.Wrong);
        Is(Of(q, ("answer", answer + "ข")), 1m, GradeState.Correct);
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(5), $"took {started.Elapsed}");
    }
}
