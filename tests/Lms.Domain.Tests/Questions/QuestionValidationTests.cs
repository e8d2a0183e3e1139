using Lms.Domain.Questions;

namespace Lms.Domain.Tests.Questions;

public sealed class QuestionValidationTests
{
    private static string[] Codes(QuestionContent q) => QuestionValidation.Problems(q).Select(p => p.Code).ToArray();

    [Theory]
    [MemberData(nameof(SampleQuestions.Each), MemberType = typeof(SampleQuestions))]
    public void Every_sample_question_is_valid(QuestionContent q)
    {
        Assert.Empty(QuestionValidation.Problems(q));
    }

    [Fact]
    public void Every_problem_has_an_English_message()
    {
        var q = new MultipleChoiceQuestion { Choices = [new("", 0.33m)] };
        Assert.All(QuestionValidation.Problems(q), p => Assert.False(string.IsNullOrWhiteSpace(p.Message)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("<p>&nbsp;</p>")]
    [InlineData("<p><br></p>")]
    public void A_blank_text_is_refused(string text)
    {
        Assert.Contains("question.text_required", Codes(SampleQuestions.Sukhothai with { Text = text }));
    }

    [Fact]
    public void A_text_of_only_an_image_is_fine()
    {
        Assert.Empty(Codes(SampleQuestions.Sukhothai with { Text = "<p><img src=\"@@PLUGINFILE@@/map.png\"></p>" }));
    }

    [Fact]
    public void A_name_is_required_and_a_mark_cannot_be_negative()
    {
        Assert.Equal(["question.name_required", "question.mark_invalid"],
            Codes(SampleQuestions.Sukhothai with { Name = " ", DefaultMark = -1m }));
        Assert.Empty(Codes(SampleQuestions.Sukhothai with { DefaultMark = 0m }));
    }

    [Fact]
    public void Multiple_choice_needs_two_choices_and_a_full_mark_one()
    {
        var q = SampleQuestions.Capital with { Choices = [new("กรุงเทพฯ", 0.5m)] };
        Assert.Equal(["multichoice.too_few_choices", "multichoice.no_right_answer"], Codes(q));
    }

    [Fact]
    public void Fractions_must_be_ones_Moodle_offers()
    {
        var q = SampleQuestions.Capital with { Choices = [new("ก", 1m), new("ข", 0.33m), new("ค", -0.3333333m), new("ง", 1.5m)] };
        var problems = QuestionValidation.Problems(q);
        Assert.Equal(["answer.fraction_invalid", "answer.fraction_invalid"], problems.Select(p => p.Code));
        Assert.Contains("Answer 2", problems[0].Message);
        Assert.Contains("Answer 4", problems[1].Message);
    }

    [Fact]
    public void Several_right_answers_must_add_up_to_100_percent()
    {
        var q = SampleQuestions.PlcSteps with { Choices = [new("ก", 0.5m), new("ข", 0.25m), new("ค", -1m)] };
        Assert.Equal(["multichoice.fractions_not_100"], Codes(q));
        var thirds = q with { Choices = [new("ก", 0.3333333m), new("ข", 0.3333333m), new("ค", 0.3333333m)] };
        Assert.Empty(Codes(thirds));
        var none = q with { Choices = [new("ก", 0m), new("ข", -0.5m)] };
        Assert.Equal(["multichoice.no_right_answer"], Codes(none));
    }

    [Fact]
    public void Choices_need_text()
    {
        Assert.Equal(["answer.text_required"], Codes(SampleQuestions.Capital with { Choices = [new("ก", 1m), new(" ", 0m)] }));
    }

    [Fact]
    public void True_false_has_no_rules_of_its_own()
    {
        Assert.Empty(Codes(new TrueFalseQuestion { Name = "ข้อ", Text = "จริงหรือไม่" }));
    }

    [Fact]
    public void Short_answer_needs_an_answer_worth_full_marks_and_no_negative_fractions()
    {
        Assert.Equal(["shortanswer.no_answers"], Codes(SampleQuestions.King with { Answers = [] }));
        Assert.Equal(["shortanswer.no_full_mark"], Codes(SampleQuestions.King with { Answers = [new("ก*", 0.5m)] }));
        Assert.Equal(["answer.fraction_invalid"], Codes(SampleQuestions.King with { Answers = [new("ก*", 1m), new("*", -0.5m)] }));
    }

    [Fact]
    public void Numerical_rules()
    {
        var q = SampleQuestions.Distance;
        Assert.Equal(["numerical.no_answers"], Codes(q with { Answers = [] }));
        Assert.Equal(["numerical.no_full_mark"], Codes(q with { Answers = [new(2.5m, 0m, 0.5m)] }));
        Assert.Equal(["numerical.tolerance_negative"], Codes(q with { Answers = [new(2.5m, -0.1m, 1m)] }));
        Assert.Equal(["numerical.unit_invalid", "numerical.unit_invalid"],
            Codes(q with { Units = [new("m", 1m), new("", 100m), new("cm", 0m)] }));
        Assert.Equal(["numerical.unit_duplicate"], Codes(q with { Units = [new("m", 1m), new(" m", 1m)] }));
        Assert.Equal(["numerical.first_unit_not_base"], Codes(q with { Units = [new("cm", 100m), new("m", 1m)] }));
        Assert.Equal(["numerical.unit_penalty_invalid"], Codes(q with { UnitPenalty = 1.5m }));
        Assert.Equal(["numerical.unit_required_without_units"], Codes(q with { Units = [] }));
        Assert.Empty(Codes(q with { Units = [], UnitRequired = false }));
    }

    [Fact]
    public void Matching_needs_two_prompts_and_three_answers_counting_distractors()
    {
        var q = SampleQuestions.Regions;
        Assert.Empty(Codes(q with { Pairs = [new("ก", "1"), new("ข", "2"), new("", "3")] }));
        Assert.Empty(Codes(q with { Pairs = [new("ก", "1"), new("ข", "2"), new("ค", "3")] }));
        Assert.Equal(["matching.too_few_pairs"], Codes(q with { Pairs = [new("ก", "1"), new("ข", "2")] }));
        Assert.Equal(["matching.too_few_pairs"], Codes(q with { Pairs = [new("ก", "1"), new("", "2"), new("", "3")] }));
        Assert.Equal(["matching.too_few_pairs"], Codes(q with { Pairs = [new("ก", "1"), new("ข", "2"), new(" ", " ")] }));
        Assert.Equal(["matching.answer_required"], Codes(q with { Pairs = [new("ก", "1"), new("ข", "2"), new("ค", "")] }));
    }

    [Fact]
    public void Ordering_needs_two_distinct_items_with_text()
    {
        var q = SampleQuestions.Pdca;
        Assert.Equal(["ordering.too_few_items"], Codes(q with { Items = ["วางแผน"] }));
        Assert.Equal(["ordering.item_text_required"], Codes(q with { Items = ["วางแผน", " ", "ปฏิบัติ"] }));
        Assert.Equal(["ordering.duplicate_items"], Codes(q with { Items = ["วางแผน", "ปฏิบัติ", "วางแผน "] }));
    }

    [Fact]
    public void Cloze_needs_gaps_that_its_text_marks()
    {
        var q = SampleQuestions.Cloze;
        Assert.Equal(["cloze.no_gaps"], Codes(q with { Gaps = [] }));
        Assert.Equal(["cloze.gap_markers_mismatch"], Codes(q with { Text = "{#1} {#2}" }));
        Assert.Equal(["cloze.gap_markers_mismatch"], Codes(q with { Text = "{#1} {#2} {#2}" }));
        Assert.Empty(Codes(q with { Text = "{#3} {#1} {#2}" }));
    }

    [Fact]
    public void Cloze_gaps_are_checked_one_by_one()
    {
        var q = SampleQuestions.Cloze with
        {
            Text = "{#1} {#2} {#3} {#4}",
            Gaps =
            [
                new ClozeGap { Kind = ClozeKind.MultipleChoice, Choices = [new("ก", 1m)] },
                new ClozeGap { Kind = ClozeKind.Numerical, Numbers = [new(1m, -1m, 0.5m)] },
                new ClozeGap { Kind = ClozeKind.ShortAnswer, Weight = -1, Choices = [new("ก", 0.33m)] },
                new ClozeGap { Kind = ClozeKind.MultipleResponse, Choices = [new("ก", 0m), new("ข", -1m)] },
            ],
        };
        var problems = QuestionValidation.Problems(q);
        Assert.Equal(
        [
            "cloze.gap_too_few_choices",
            "numerical.tolerance_negative", "cloze.gap_no_right_answer",
            "cloze.gap_weight_invalid", "answer.fraction_invalid", "cloze.gap_no_right_answer",
            "cloze.gap_no_right_answer",
        ], problems.Select(p => p.Code));
        Assert.StartsWith("Gap 2:", problems[1].Message);
    }

    [Theory]
    [InlineData(0, null)]
    [InlineData(null, 0)]
    [InlineData(-5, 10)]
    [InlineData(100, 50)]
    public void Essay_word_limits_must_make_sense(int? min, int? max)
    {
        Assert.Equal(["essay.word_limits"], Codes(SampleQuestions.Reflection with { MinWords = min, MaxWords = max }));
    }

    [Fact]
    public void A_description_needs_only_text()
    {
        Assert.Empty(Codes(SampleQuestions.Reading with { DefaultMark = -1m }));
        Assert.Equal(["question.text_required"], Codes(SampleQuestions.Reading with { Text = "" }));
    }
}
