using Lms.Domain.Questions;

namespace Lms.Domain.Tests.Questions;

public sealed class QuestionRightAnswerTests
{
    [Fact]
    public void Multiple_choice_names_the_full_mark_choice()
    {
        Assert.Equal("The right answer is: กรุงเทพมหานคร", QuestionRightAnswer.Describe(SampleQuestions.Capital));
        Assert.Equal("กรุงเทพมหานคร", QuestionRightAnswer.Summary(SampleQuestions.Capital));
    }

    [Fact]
    public void Several_right_choices_are_all_named()
    {
        Assert.Equal("The right answers are: ร่วมกันระบุปัญหา, ลงมือปฏิบัติและสะท้อนผล",
            QuestionRightAnswer.Describe(SampleQuestions.PlcSteps));
    }

    [Fact]
    public void True_false()
    {
        Assert.Equal("The right answer is: True", QuestionRightAnswer.Describe(SampleQuestions.Sukhothai));
        Assert.Equal("False", QuestionRightAnswer.Summary(SampleQuestions.Sukhothai with { CorrectAnswer = false }));
    }

    [Fact]
    public void Short_answer_shows_the_best_pattern_with_literal_stars_unescaped()
    {
        Assert.Equal("The right answer is: พ่อขุนรามคำแหง*", QuestionRightAnswer.Describe(SampleQuestions.King));
        var q = SampleQuestions.King with { Answers = [new("5 ครั้ง", 0.5m), new(@"5\*3", 1m)] };
        Assert.Equal("5*3", QuestionRightAnswer.Summary(q));
    }

    [Fact]
    public void Numerical_shows_value_tolerance_and_base_unit()
    {
        Assert.Equal("The right answer is: 2.5 ± 0.1 เมตร", QuestionRightAnswer.Describe(SampleQuestions.Distance));
        var exact = new NumericalQuestion { Answers = [new(12.00m, 0m, 1m)] };
        Assert.Equal("12", QuestionRightAnswer.Summary(exact));
        Assert.Equal("any number", QuestionRightAnswer.Summary(new NumericalQuestion { Answers = [new(null, 0m, 1m)] }));
    }

    [Fact]
    public void Matching_pairs_each_prompt_with_its_answer()
    {
        Assert.Equal("The right answer is: สุโขทัย → ภาคเหนือ, ขอนแก่น → ภาคตะวันออกเฉียงเหนือ, ภูเก็ต → ภาคใต้, เชียงราย → ภาคเหนือ",
            QuestionRightAnswer.Describe(SampleQuestions.Regions));
    }

    [Fact]
    public void Ordering_lists_the_items_in_order()
    {
        Assert.Equal("The right order is: 1. วางแผน (Plan); 2. ปฏิบัติ (Do); 3. ตรวจสอบ (Check); 4. ปรับปรุง (Act)",
            QuestionRightAnswer.Describe(SampleQuestions.Pdca));
    }

    [Fact]
    public void Cloze_gives_each_gaps_answer()
    {
        Assert.Equal("The right answers are: (1) ตุลาคม; (2) 12; (3) สพม.*", QuestionRightAnswer.Describe(SampleQuestions.Cloze));
    }

    [Fact]
    public void Essays_and_descriptions_have_none()
    {
        Assert.Equal("", QuestionRightAnswer.Describe(SampleQuestions.Reflection));
        Assert.Equal("", QuestionRightAnswer.Describe(SampleQuestions.Reading));
    }

    [Fact]
    public void A_question_nobody_can_get_right_has_nothing_to_show_rather_than_failing()
    {
        Assert.Equal("", QuestionRightAnswer.Describe(new MultipleChoiceQuestion { Choices = [new("ก", 0m)] }));
        Assert.Equal("", QuestionRightAnswer.Describe(new ShortAnswerQuestion()));
        Assert.Equal("", QuestionRightAnswer.Describe(new NumericalQuestion()));
    }

    [Fact]
    public void The_best_partial_choice_is_named_when_none_is_worth_full_marks()
    {
        var q = SampleQuestions.Capital with { Choices = [new("ก", 0.5m), new("ข", 0.25m)] };
        Assert.Equal("ก", QuestionRightAnswer.Summary(q));
    }
}
