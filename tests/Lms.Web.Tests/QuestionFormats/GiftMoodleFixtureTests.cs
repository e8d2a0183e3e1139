using Lms.Domain.Questions;
using Lms.Infrastructure.QuestionFormats;
using Lms.Web.Tests.Support;

namespace Lms.Web.Tests.QuestionFormats;

/// <summary>
/// Moodle's own GIFT sample files, read from <c>../shared/fixtures/moodle/</c> where they are kept unchanged under
/// their paths in the Moodle repository (https://github.com/moodle/moodle):
/// <c>question/format/gift/tests/fixtures/questions.gift.txt</c> (commit cf29c007d2535bb90d623d0fad76ee8075ced722) and
/// <c>question/format/gift/tests/fixtures/questions_in_category.gift.txt</c> (commit 04975560d10b517e76e53b7936ca13ed7f3218be).
/// The expected values are those of Moodle's <c>question/format/gift/tests/giftformat_test.php</c> (test_import_essay,
/// test_import_match, test_import_multichoice, test_import_multichoice_multi, test_import_numerical,
/// test_import_shortanswer, test_import_truefalse, test_import_truefalse_true_answer1/2), mapped to our model: Moodle's
/// per-answer formats are not kept (answers take the question's), and FORMAT_MOODLE/FORMAT_HTML are both Html.
/// </summary>
public class GiftMoodleFixtureTests
{
    private const string QuestionsFile = "question/format/gift/tests/fixtures/questions.gift.txt";
    private const string CategoryFile = "question/format/gift/tests/fixtures/questions_in_category.gift.txt";

    private static readonly ImportResult Questions = new GiftFormat().Read(MoodleFixtures.Read(QuestionsFile));
    private static readonly ImportResult InCategory = new GiftFormat().Read(MoodleFixtures.Read(CategoryFile));

    private static T At<T>(ImportResult result, int index) where T : QuestionContent =>
        Assert.IsType<T>(result.Questions[index].Content);

    [Fact]
    public void Every_question_of_the_mixed_file_is_read_in_order_with_its_line()
    {
        Assert.Empty(Questions.Problems);
        Assert.Empty(Questions.Categories);
        Assert.Equal(
            ["Q8", "Moodle activities", "Q2", "colours", "Q5", "Shortanswer", "Q1", "2-08 TSL", "2-08 TSL"],
            Questions.Questions.Select(q => q.Content.Name));
        Assert.Equal([2, 5, 14, 22, 31, 34, 41, 46, 49], Questions.Questions.Select(q => q.Line));
        Assert.Equal(
            [QuestionType.Essay, QuestionType.Matching, QuestionType.MultipleChoice, QuestionType.MultipleChoice,
             QuestionType.Numerical, QuestionType.ShortAnswer, QuestionType.TrueFalse, QuestionType.TrueFalse,
             QuestionType.TrueFalse],
            Questions.Questions.Select(q => q.Content.Type));
        Assert.All(Questions.Questions, q =>
        {
            Assert.Empty(q.Category);
            Assert.Empty(q.Tags);
            Assert.Empty(q.Files);
            Assert.Null(q.IdNumber);
            Assert.Equal(1m, q.Content.DefaultMark);
        });
    }

    [Fact]
    public void Essay_as_test_import_essay()
    {
        var q = At<EssayQuestion>(Questions, 0);
        Assert.Equal("How are you?", q.Text);
        Assert.Equal(TextFormat.Html, q.Format); // FORMAT_MOODLE
        Assert.Equal("", q.GeneralFeedback);
        Assert.Equal("", q.GraderInfo);
    }

    [Fact]
    public void Matching_with_format_markers_and_a_distractor_as_test_import_match()
    {
        var q = At<MatchingQuestion>(Questions, 1);
        Assert.Equal("Match the <b>activity</b> to the description.", q.Text);
        Assert.Equal(TextFormat.Html, q.Format); // [html]
        Assert.Equal(
            [
                new MatchPair("An activity supporting asynchronous discussions.", "Forum"),
                new MatchPair("A teacher asks a question and specifies a choice of multiple responses.", "Choice"),
                new MatchPair("A bank of record entries which participants can add to.", "Database"),
                new MatchPair("A collection of web pages that anyone can add to or edit.", "Wiki"),
                new MatchPair("", "Chat"),
            ],
            q.Pairs);
        Assert.Equal(new CombinedFeedback(), q.Feedback);
    }

    [Fact]
    public void Single_answer_multiple_choice_with_feedback_as_test_import_multichoice()
    {
        var q = At<MultipleChoiceQuestion>(Questions, 2);
        Assert.Equal("What's between orange and green in the spectrum?", q.Text);
        Assert.True(q.Single);
        Assert.Equal(
            [
                new Choice("yellow", 1m, "right; good!"),
                new Choice("red", 0m, "wrong, it's yellow"),   // "[html]" marker taken off the feedback
                new Choice("blue", 0m, "wrong, it's yellow"),  // "[plain]" marker taken off the answer
            ],
            q.Choices);
    }

    [Fact]
    public void Multiple_answers_with_weights_as_test_import_multichoice_multi()
    {
        var q = At<MultipleChoiceQuestion>(Questions, 3);
        Assert.Equal("What's between orange and green in the spectrum?", q.Text);
        Assert.False(q.Single);
        Assert.Equal(
            [
                new Choice("yellow", 0.5m, "right; good!"),
                new Choice("red", -1m, "wrong"),
                new Choice("off-beige", 0.5m, "right; good!"),
                new Choice("blue", -1m, "wrong"),
            ],
            q.Choices);
    }

    [Fact]
    public void Numerical_with_tolerance_and_wrong_answer_feedback_as_test_import_numerical()
    {
        var q = At<NumericalQuestion>(Questions, 4);
        // Moodle's unit test stops at the "}"; the fixture has stray '";' after it, which Moodle treats as
        // missing-word text: the answers become a blank and the stray text stays.
        Assert.Equal("What is a number from 1 to 5? _____\";", q.Text);
        Assert.Equal(
            [new NumericalAnswer(3m, 2m, 1m, ""), new NumericalAnswer(null, 0m, 0m, "Completely wrong")],
            q.Answers);
        Assert.Empty(q.Units);
    }

    [Fact]
    public void Short_answer_with_weight_and_wildcard_as_test_import_shortanswer()
    {
        var q = At<ShortAnswerQuestion>(Questions, 5);
        Assert.Equal("Which is the best animal?", q.Text);
        Assert.False(q.CaseSensitive);
        Assert.Equal(
            [
                new Choice("Frog", 1m, "Good!"),
                new Choice("Cat", 0.5m, "What is it with Moodlers and cats?"),
                new Choice("*", 0m, "Completely wrong"),
            ],
            q.Answers);
    }

    [Fact]
    public void True_false_with_both_feedbacks_and_general_feedback_as_test_import_truefalse()
    {
        var q = At<TrueFalseQuestion>(Questions, 6);
        Assert.Equal("42 is the Absolute Answer to everything._____\";", q.Text); // stray '";' again
        Assert.False(q.CorrectAnswer);
        Assert.Equal("42 is the Ultimate Answer.", q.TrueFeedback);   // Moodle's feedbacktrue
        Assert.Equal("You gave the right answer.", q.FalseFeedback);  // Moodle's feedbackfalse
        Assert.Equal("This is, of course, a Hitchiker's Guide to the Galaxy reference.", q.GeneralFeedback);
    }

    [Theory]
    [InlineData(7)] // {T}, test_import_truefalse_true_answer1
    [InlineData(8)] // {TRUE}, test_import_truefalse_true_answer2
    public void Short_true_forms_as_test_import_truefalse_true_answer(int index)
    {
        var q = At<TrueFalseQuestion>(Questions, index);
        Assert.Equal("2-08 TSL", q.Name);
        Assert.Equal("TSL is blablabla.", q.Text);
        Assert.True(q.CorrectAnswer);
        Assert.Equal("", q.TrueFeedback);
        Assert.Equal("", q.FalseFeedback);
    }

    [Fact]
    public void Category_line_files_the_questions_after_it()
    {
        Assert.Empty(InCategory.Problems);
        var category = Assert.Single(InCategory.Categories);
        Assert.Equal(["Default for New Features"], category.Path); // "$course$/" taken off; pre-3.5 path without "top"
        Assert.Equal(["Moodle activities", "Greeting", "Moodle user", "Moodle acronym"], InCategory.Questions.Select(q => q.Content.Name));
        Assert.Equal([5, 14, 22, 27], InCategory.Questions.Select(q => q.Line));
        Assert.All(InCategory.Questions, q =>
        {
            Assert.Equal(["Default for New Features"], q.Category);
            Assert.Equal(TextFormat.Html, q.Content.Format);
        });
    }

    [Fact]
    public void Tab_indented_matching_in_a_category()
    {
        var q = At<MatchingQuestion>(InCategory, 0);
        Assert.Equal("Match the activity to the description.", q.Text);
        Assert.Equal(["Forum", "Choice", "Database", "Wiki", "Chat"], q.Pairs.Select(p => p.Answer));
        Assert.Equal("", q.Pairs[4].Prompt);
    }

    [Fact]
    public void Escaped_equals_and_colons_in_html_text_are_text()
    {
        var q = At<MultipleChoiceQuestion>(InCategory, 1);
        Assert.Equal(
            "<a href=\"http://demo.moodle.net/file.php/5/media/bonjour.mp3\">Listen to this greeting:</a><br /><br />What language is being spoken?",
            q.Text);
        Assert.True(q.Single);
        Assert.Equal(
            [
                new Choice("English", 0m, "Sorry, listen again."),
                new Choice("French", 1m, "Yes, well done!"),
                new Choice("German", 0m, "Sorry, listen again."),
                new Choice("Spanish", 0m, "Sorry, listen again."),
            ],
            q.Choices);
    }

    [Fact]
    public void Short_answer_with_explicit_full_weight_and_empty_feedback()
    {
        var q = At<ShortAnswerQuestion>(InCategory, 2);
        Assert.Equal("Anyone who uses Moodle is a ...", q.Text);
        Assert.Equal([new Choice("Moodler", 1m, "")], q.Answers);
    }

    [Fact]
    public void True_with_escaped_style_attribute()
    {
        var q = At<TrueFalseQuestion>(InCategory, 3);
        Assert.Equal(
            "Moodle is an acronym for <span style=\"font-style: italic;\">Modular Object-Oriented Dynamic Learning Environment</span>.",
            q.Text);
        Assert.True(q.CorrectAnswer);
    }

    [Theory]
    [InlineData(QuestionsFile)]
    [InlineData(CategoryFile)]
    public void Moodle_fixtures_survive_read_write_read(string file)
    {
        var gift = new GiftFormat();
        var first = gift.Read(MoodleFixtures.Read(file));
        var second = gift.Read(gift.Write(first.Categories, first.Questions));
        GiftAssert.SameQuestions(first, second);
    }
}
