using Lms.Domain.Questions;
using Lms.Infrastructure.QuestionFormats;

namespace Lms.Web.Tests.QuestionFormats;

/// <summary>
/// GIFT writing. The exact-text cases are the test_export_* cases of Moodle's
/// question/format/gift/tests/giftformat_test.php, with two differences by design: an Html question is written with
/// "[html]" (Moodle writes no marker for its own auto-format, which we do not have), and answers carry no markers of
/// their own (we keep one format per question). The "// question:" comment numbers questions in the file, as we have no ids.
/// </summary>
public class GiftWriterTests
{
    private static readonly GiftFormat Gift = new();

    private static string WriteOne(QuestionContent content, string? idNumber = null, IReadOnlyList<string>? tags = null) =>
        Gift.Write([], [new InterchangeQuestion([], content, tags ?? [], [], IdNumber: idNumber)]);

    [Fact]
    public void Essay_as_test_export_essay()
    {
        Assert.Equal(
            "// question: 1  name: Q8\n::Q8::[html]How are you?{}\n\n",
            WriteOne(new EssayQuestion { Name = "Q8", Text = "How are you?", Format = TextFormat.Html }));
    }

    [Fact]
    public void Matching_as_test_export_match()
    {
        var q = new MatchingQuestion
        {
            Name = "Moodle activities",
            Text = "Match the <b>activity</b> to the description.",
            Format = TextFormat.Html,
            Pairs =
            [
                new("<div class=\"frog\">An activity supporting asynchronous discussions.</div>", "Forum"),
                new("A teacher asks a question and specifies a choice of multiple responses.", "Choice"),
                new("A bank of record entries which participants can add to.", "Database"),
                new("A collection of web pages that anyone can add to or edit.", "Wiki"),
                new("", "Chat"),
            ],
        };
        Assert.Equal(
            "// question: 1  name: Moodle activities\n" +
            "::Moodle activities::[html]Match the <b>activity</b> to the description.{\n" +
            "\t=<div class\\=\"frog\">An activity supporting asynchronous discussions.</div> -> Forum\n" +
            "\t=A teacher asks a question and specifies a choice of multiple responses. -> Choice\n" +
            "\t=A bank of record entries which participants can add to. -> Database\n" +
            "\t=A collection of web pages that anyone can add to or edit. -> Wiki\n" +
            "\t= -> Chat\n" +
            "}\n\n",
            WriteOne(q));
    }

    [Fact]
    public void Multiple_choice_as_test_export_multichoice()
    {
        var q = new MultipleChoiceQuestion
        {
            Name = "Q8",
            Text = "What's between orange and green in the spectrum?",
            Format = TextFormat.Html,
            Choices = [new("yellow", 1m, "right; good!"), new("red", 0m, "wrong, it's yellow"), new("blue", 0m, "wrong, it's yellow")],
        };
        Assert.Equal(
            "// question: 1  name: Q8\n" +
            "::Q8::[html]What's between orange and green in the spectrum?{\n" +
            "\t=yellow#right; good!\n" +
            "\t~red#wrong, it's yellow\n" +
            "\t~blue#wrong, it's yellow\n" +
            "}\n\n",
            WriteOne(q));
    }

    [Fact]
    public void Multiple_answers_as_test_export_multichoice_multi_tricky()
    {
        var q = new MultipleChoiceQuestion
        {
            Name = "Q8",
            Text = "What's between orange and green in the spectrum?",
            Format = TextFormat.Html,
            Single = false,
            Choices = [new("yellow", 1m, "right; good!"), new("red", -0.5m, "wrong, it's yellow"), new("blue", -0.5m, "wrong, it's yellow")],
        };
        Assert.Equal(
            "// question: 1  name: Q8\n" +
            "::Q8::[html]What's between orange and green in the spectrum?{\n" +
            "\t~%100%yellow#right; good!\n" +
            "\t~%-50%red#wrong, it's yellow\n" +
            "\t~%-50%blue#wrong, it's yellow\n" +
            "}\n\n",
            WriteOne(q));
    }

    [Fact]
    public void Weights_are_written_as_Moodle_writes_them()
    {
        var q = new MultipleChoiceQuestion
        {
            Name = "w",
            Text = "Pick.",
            Single = false,
            Choices =
            [
                new("a", 0.3333333m), new("b", 0.3333333m), new("c", 0.3333333m), new("d", -0.1428571m),
                new("e", -0.1666667m), new("f", -0.8333333m), new("g", 0m),
            ],
        };
        var gift = WriteOne(q);
        Assert.Contains("\t~%33.33333%a\n\t~%33.33333%b\n\t~%33.33333%c\n\t~%-14.28571%d\n\t~%-16.66667%e\n\t~%-83.33333%f\n\t~g\n", gift);
        Assert.StartsWith("// question: 1  name: w\n::w::[markdown]Pick.{\n", gift);
    }

    [Fact]
    public void Numerical_as_test_export_numerical()
    {
        var q = new NumericalQuestion
        {
            Name = "Q5",
            Text = "What is a number from 1 to 5?",
            Format = TextFormat.Html,
            Answers = [new(3m, 2m, 1m), new(null, 0m, 0m, "Completely wrong")],
        };
        Assert.Equal(
            "// question: 1  name: Q5\n::Q5::[html]What is a number from 1 to 5?{#\n\t=%100%3:2#\n\t~#Completely wrong\n}\n\n",
            WriteOne(q));
    }

    [Fact]
    public void Short_answer_as_test_export_shortanswer_with_general_feedback()
    {
        var q = new ShortAnswerQuestion
        {
            Name = "Shortanswer",
            Text = "Which is the best animal?",
            Format = TextFormat.Html,
            GeneralFeedback = "Here is some general feedback!",
            Answers = [new("Frog", 1m, "Good!"), new("Cat", 0.5m, "What is it with Moodlers and cats?"), new("*", 0m, "Completely wrong")],
        };
        Assert.Equal(
            "// question: 1  name: Shortanswer\n" +
            "::Shortanswer::[html]Which is the best animal?{\n" +
            "\t=%100%Frog#Good!\n" +
            "\t=%50%Cat#What is it with Moodlers and cats?\n" +
            "\t=%0%*#Completely wrong\n" +
            "\t####Here is some general feedback!\n" +
            "}\n\n",
            WriteOne(q));
    }

    [Fact]
    public void True_false_as_test_export_truefalse()
    {
        var q = new TrueFalseQuestion
        {
            Name = "Q1",
            Text = "42 is the Absolute Answer to everything.",
            Format = TextFormat.Html,
            CorrectAnswer = true,
            TrueFeedback = "You gave the right answer.",
            FalseFeedback = "42 is the Ultimate Answer.",
        };
        Assert.Equal(
            "// question: 1  name: Q1\n::Q1::[html]42 is the Absolute Answer to everything.{TRUE#42 is the Ultimate Answer.#You gave the right answer.}\n\n",
            WriteOne(q));
    }

    [Theory]
    [InlineData(true, "", "", "{TRUE}")]
    [InlineData(true, "right", "", "{TRUE##right}")]
    [InlineData(false, "", "right", "{FALSE##right}")]
    [InlineData(false, "wrong", "", "{FALSE#wrong}")]
    public void True_false_feedback_layout(bool correct, string trueFeedback, string falseFeedback, string answers)
    {
        var gift = WriteOne(new TrueFalseQuestion { Name = "t", Text = "x", CorrectAnswer = correct, TrueFeedback = trueFeedback, FalseFeedback = falseFeedback });
        Assert.Contains("::t::[markdown]x" + answers + "\n", gift);
    }

    [Fact]
    public void Backslashes_as_test_export_backslash()
    {
        Assert.Equal(
            "// question: 1  name: backslash\n::backslash::[html]A \\\\ B \\\\\\\\ C{}\n\n",
            WriteOne(new EssayQuestion { Name = "backslash", Text = @"A \ B \\ C", Format = TextFormat.Html }));
    }

    [Fact]
    public void Id_number_and_tags_as_test_export_question_with_tags_and_idnumber()
    {
        var q = new TrueFalseQuestion
        {
            Name = "True/false question",
            Text = "The answer is true.",
            Format = TextFormat.Html,
            CorrectAnswer = true,
            TrueFeedback = "This is the right answer.",
            FalseFeedback = "This is the wrong answer.",
            GeneralFeedback = "You should have selected true.",
        };
        Assert.Equal(
            "// question: 1  name: True/false question\n" +
            "// [id:myid] [tag:tag1] [tag:tag2]\n" +
            "::True/false question::[html]The answer is true.{TRUE#This is the wrong answer.#This is the right answer.####You should have selected true.}\n\n",
            WriteOne(q, "myid", ["tag1", "tag2"]));
    }

    [Fact]
    public void Description_and_plain_text_with_line_breaks()
    {
        Assert.Equal(
            "// question: 1  name: Intro\n::Intro::[plain]Read this.\\nThen answer\\: all of it.\n\n",
            WriteOne(new DescriptionQuestion { Name = "Intro", Text = "Read this.\r\nThen answer: all of it.", Format = TextFormat.Plain }));
    }

    [Fact]
    public void Category_lines_when_the_category_changes_and_for_categories_with_no_questions()
    {
        InterchangeQuestion Essay(string name, params string[] path) =>
            new(path, new EssayQuestion { Name = name, Text = name + "?" }, [], []);
        var gift = Gift.Write(
            [new(["A"]), new(["A", "B"]), new(["Empty/ish"])],
            [Essay("q1"), Essay("q2", "A", "B"), Essay("q3", "A", "B"), Essay("q4"), Essay("q5", "A", "B")]);
        Assert.Equal(
            "// question: 1  name: q1\n::q1::[markdown]q1?{}\n\n" +
            "// question: 0  name: Switch category to $course$/top/A/B\n$CATEGORY: $course$/top/A/B\n\n" +
            "// question: 2  name: q2\n::q2::[markdown]q2?{}\n\n" +
            "// question: 3  name: q3\n::q3::[markdown]q3?{}\n\n" +
            "// question: 0  name: Switch category to $course$/top\n$CATEGORY: $course$/top\n\n" +
            "// question: 4  name: q4\n::q4::[markdown]q4?{}\n\n" +
            "// question: 0  name: Switch category to $course$/top/A/B\n$CATEGORY: $course$/top/A/B\n\n" +
            "// question: 5  name: q5\n::q5::[markdown]q5?{}\n\n" +
            "// question: 0  name: Switch category to $course$/top/A\n$CATEGORY: $course$/top/A\n\n" +
            "// question: 0  name: Switch category to $course$/top/Empty//ish\n$CATEGORY: $course$/top/Empty//ish\n\n",
            gift);

        var back = Gift.Read(gift);
        Assert.Empty(back.Problems);
        Assert.Equal(["", "A/B", "A/B", "", "A/B"], back.Questions.Select(q => string.Join("/", q.Category)));
        Assert.Equal(["A/B", "A", "Empty/ish"], back.Categories.Select(c => string.Join("/", c.Path)));
    }

    [Fact]
    public void Types_and_content_GIFT_cannot_express_leave_a_comment_and_the_rest_still_reads()
    {
        var gift = Gift.Write([],
        [
            new([], new OrderingQuestion { Name = "Order the steps", Items = ["a", "b"] }, [], []),
            new([], new ClozeQuestion { Name = "Fill the gaps", Text = "{#1}" }, [], []),
            new([], new EssayQuestion { Name = "With picture", Text = "<img src=\"@@PLUGINFILE@@/a.png\">" }, [], [new EmbeddedFile("a.png", [1, 2, 3])]),
            new([], new EssayQuestion { Name = "Stored picture", Files = [new QuestionFile("b.png", "key", "image/png")] }, [], []),
            new([], new ShortAnswerQuestion { Name = "Arrow answer", Answers = [new("x->y", 1m)] }, [], []),
            new([], new MatchingQuestion { Name = "Arrow prompt", Pairs = [new("a->b", "c"), new("d", "e")] }, [], []),
            new([], new EssayQuestion { Name = "Kept", Text = "Still here" }, [], []),
        ]);
        Assert.Equal(
            [
                "// Skipped (not expressible in GIFT): Order the steps (ordering)",
                "// Skipped (not expressible in GIFT): Fill the gaps (cloze)",
                "// Skipped (not expressible in GIFT): With picture (embedded files)",
                "// Skipped (not expressible in GIFT): Stored picture (embedded files)",
                "// Skipped (not expressible in GIFT): Arrow answer ('->' in an answer)",
                "// Skipped (not expressible in GIFT): Arrow prompt ('->' in a matching question)",
            ],
            gift.Split('\n').Where(l => l.StartsWith("// Skipped", StringComparison.Ordinal)));
        var back = Gift.Read(gift);
        Assert.Empty(back.Problems);
        Assert.Equal("Kept", Assert.Single(back.Questions).Content.Name);
    }

    [Fact]
    public void Numerical_units_are_noted_in_a_comment()
    {
        var q = new NumericalQuestion { Name = "len", Text = "How long?", Answers = [new(1.5m, 0.05m, 1m)], Units = [new("m", 1m), new("cm", 100m)] };
        var gift = WriteOne(q);
        Assert.Contains("{#\n// Units left out (not expressible in GIFT): m, cm\n\t=%100%1.5:0.05#\n}", gift);
        var back = Assert.IsType<NumericalQuestion>(Assert.Single(Gift.Read(gift).Questions).Content);
        Assert.Equal([new NumericalAnswer(1.5m, 0.05m, 1m)], back.Answers);
    }

    [Fact]
    public void Texts_the_reader_would_misread_are_protected()
    {
        var q = new MultipleChoiceQuestion
        {
            Name = "",
            Text = "// not a comment, [html] not a marker",
            Single = true,
            Choices = [new("%50% off", 0m, "[plain] is text"), new("[html]", 1m), new("=x", 0m)],
        };
        var gift = WriteOne(q, tags: ["a]b"]);
        Assert.Equal(
            "// question: 1  name: \n" +
            "// [tag:a\\]b]\n" +
            "[markdown]// not a comment, [html] not a marker{\n" +
            "\t~%0%%50% off#[markdown][plain] is text\n" +
            "\t=[markdown][html]\n" +
            "\t~\\=x\n" +
            "}\n\n",
            gift);
        var back = Assert.Single(Gift.Read(gift).Questions);
        Assert.Equal(["a]b"], back.Tags);
        var mc = Assert.IsType<MultipleChoiceQuestion>(back.Content);
        Assert.Equal(q.Choices, mc.Choices);
        Assert.Equal(q.Text, mc.Text);
        Assert.Equal("// not a comment, [html] not a marker", mc.Name); // no name: the text's start, as Moodle names it
    }

    [Fact]
    public void Names_cannot_break_out_of_their_comment_line()
    {
        var gift = WriteOne(new EssayQuestion { Name = "Two\nlines [tag:x] [id:y]", Text = "t" });
        Assert.StartsWith("// question: 1  name: Two lines [ tag:x] [ id:y]\n::Two\\nlines [tag\\:x] [id\\:y]::", gift);
        var back = Assert.Single(Gift.Read(gift).Questions);
        Assert.Empty(back.Tags);
        Assert.Null(back.IdNumber);
        Assert.Equal("Two\nlines [tag:x] [id:y]", back.Content.Name);
    }

    [Fact]
    public void Id_numbers_and_tags_are_written_so_that_they_read_back()
    {
        var gift = WriteOne(new EssayQuestion { Name = "e", Text = "t" }, "a\tb]", ["x<y>`", "t\nu", " ", "ok"]);
        Assert.Contains("// [id:a b\\]] [tag:xy] [tag:t u] [tag:ok]\n", gift);
        var back = Assert.Single(Gift.Read(gift).Questions);
        Assert.Equal("a b]", back.IdNumber);
        Assert.Equal(["xy", "t u", "ok"], back.Tags);
    }

    [Fact]
    public void Empty_input_writes_nothing()
    {
        Assert.Equal("", Gift.Write([], []));
    }
}
