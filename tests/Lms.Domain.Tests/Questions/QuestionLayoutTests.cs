using System.Text.Json;
using Lms.Domain.Questions;

namespace Lms.Domain.Tests.Questions;

public sealed class QuestionLayoutTests
{
    private static void IsOrderOf(IReadOnlyList<int>? order, int count)
    {
        Assert.NotNull(order);
        Assert.Equal(Enumerable.Range(0, count), order.Order());
    }

    [Fact]
    public void Shuffled_choices_are_an_order_of_all_the_choices()
    {
        for (var seed = 0; seed < 50; seed++)
            IsOrderOf(QuestionLayout.For(SampleQuestions.Capital, new Random(seed)).ChoiceOrder, 4);
    }

    [Fact]
    public void Choices_that_do_not_shuffle_keep_their_order()
    {
        var layout = QuestionLayout.For(SampleQuestions.Capital with { Shuffle = false }, new Random(1));
        Assert.Null(layout.ChoiceOrder);
        Assert.Equal([0, 1, 2, 3], QuestionLayout.Shown(layout.ChoiceOrder, 4));
    }

    [Fact]
    public void The_same_seed_gives_the_same_layout_and_seeds_differ()
    {
        foreach (var q in SampleQuestions.All)
        {
            var a = JsonSerializer.Serialize(QuestionLayout.For(q, new Random(2569)));
            var b = JsonSerializer.Serialize(QuestionLayout.For(q, new Random(2569)));
            Assert.Equal(a, b);
        }
        var orders = Enumerable.Range(0, 30)
            .Select(s => string.Join(',', QuestionLayout.For(SampleQuestions.Capital, new Random(s)).ChoiceOrder!))
            .Distinct().Count();
        Assert.True(orders > 5, $"only {orders} different orders from 30 seeds");
    }

    [Fact]
    public void Matching_answers_are_always_shuffled_and_prompts_only_when_asked()
    {
        var q = SampleQuestions.Regions; // 4 prompts, 4 distinct answers
        var shuffled = QuestionLayout.For(q, new Random(3));
        IsOrderOf(shuffled.AnswerOrder, 4);
        IsOrderOf(shuffled.PromptOrder, 4);

        var fixedPrompts = QuestionLayout.For(q with { Shuffle = false }, new Random(3));
        IsOrderOf(fixedPrompts.AnswerOrder, 4);
        Assert.Null(fixedPrompts.PromptOrder);
    }

    [Fact]
    public void Ordering_items_are_never_first_shown_in_the_right_order()
    {
        for (var seed = 0; seed < 200; seed++)
        {
            foreach (var count in new[] { 2, 3, 4 })
            {
                var q = SampleQuestions.Pdca with { Items = SampleQuestions.Pdca.Items.Take(count).ToList() };
                var order = QuestionLayout.For(q, new Random(seed)).ItemOrder;
                IsOrderOf(order, count);
                Assert.NotEqual(Enumerable.Range(0, count), order!);
            }
        }
    }

    [Fact]
    public void A_single_item_is_shown_as_it_is()
    {
        var q = SampleQuestions.Pdca with { Items = ["วางแผน"] };
        Assert.Equal([0], QuestionLayout.For(q, new Random(1)).ItemOrder!);
    }

    [Fact]
    public void Only_choice_gaps_that_shuffle_get_an_order()
    {
        var q = SampleQuestions.Cloze with
        {
            Text = "{#1} {#2} {#3} {#4}",
            Gaps =
            [
                .. SampleQuestions.Cloze.Gaps,
                new ClozeGap { Kind = ClozeKind.MultipleResponse, Shuffle = true, Choices = [new("ก", 0.5m), new("ข", 0.5m)] },
            ],
        };
        var layout = QuestionLayout.For(q, new Random(7));
        Assert.Equal([0, 3], layout.GapChoiceOrders!.Keys.Order());
        IsOrderOf(layout.ShownGapChoices(0, 3), 3);
        Assert.Equal([0, 1, 2], layout.ShownGapChoices(2, 3)); // a text gap has no order: as stored

        Assert.Null(QuestionLayout.For(q with { Gaps = [q.Gaps[1]] }, new Random(7)).GapChoiceOrders);
    }

    [Fact]
    public void Types_without_anything_to_shuffle_keep_everything_as_stored()
    {
        foreach (var q in new QuestionContent[] { SampleQuestions.Sukhothai, SampleQuestions.King, SampleQuestions.Distance, SampleQuestions.Reflection, SampleQuestions.Reading })
            Assert.Equal(JsonSerializer.Serialize(QuestionLayout.Stored), JsonSerializer.Serialize(QuestionLayout.For(q, new Random(1))));
    }

    [Fact]
    public void A_layout_survives_JSON_and_still_fits_its_question()
    {
        foreach (var q in SampleQuestions.All)
        {
            var layout = QuestionLayout.For(q, new Random(42));
            var json = JsonSerializer.Serialize(layout);
            var back = JsonSerializer.Deserialize<QuestionLayout>(json)!;
            Assert.Equal(json, JsonSerializer.Serialize(back));
            Assert.True(back.Fits(q));
        }
        var cloze = JsonSerializer.Serialize(QuestionLayout.For(SampleQuestions.Cloze, new Random(42)));
        Assert.Contains("\"GapChoiceOrders\":{\"0\":[", cloze); // plain lists of ints
    }

    [Fact]
    public void A_layout_that_does_not_fit_is_shown_as_stored()
    {
        var layout = QuestionLayout.Stored with { ChoiceOrder = [0, 0, 1, 2] };
        Assert.False(layout.Fits(SampleQuestions.Capital));
        Assert.Equal([0, 1, 2, 3], QuestionLayout.Shown(layout.ChoiceOrder, 4));
        Assert.Equal([0, 1, 2], QuestionLayout.Shown([2, 1, 0, 3], 3));
        Assert.Equal([0, 1], QuestionLayout.Shown([0, 5], 2));
        Assert.Equal([1, 0], QuestionLayout.Shown([1, 0], 2));
        Assert.False((QuestionLayout.Stored with { GapChoiceOrders = new Dictionary<int, IReadOnlyList<int>> { [9] = [0] } })
            .Fits(SampleQuestions.Cloze));
    }
}
