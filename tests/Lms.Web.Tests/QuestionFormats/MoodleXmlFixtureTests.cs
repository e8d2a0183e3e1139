using Lms.Domain.Questions;
using static Lms.Web.Tests.QuestionFormats.MoodleXmlTestSupport;

namespace Lms.Web.Tests.QuestionFormats;

/// <summary>
/// Moodle's own XML fixtures, read as Moodle reads them: question/format/xml/tests/xmlformat_test.php and the
/// question types' tests assert the same things about these files.
/// </summary>
public class MoodleXmlFixtureTests
{
    private const string Xml = "question/format/xml/tests/fixtures/";

    [Fact]
    public void Multichoice_with_sound_and_flags_keeps_every_file()
    {
        var result = ReadValidFixture(Xml + "multichoice.xml");

        var category = Assert.Single(result.Categories);
        Assert.Equal(["Default for testhead", "Multichoice"], category.Path);
        var question = Assert.Single(result.Questions);
        Assert.Equal(["Default for testhead", "Multichoice"], question.Category);
        Assert.Equal(12, question.Line);
        var content = Assert.IsType<MultipleChoiceQuestion>(question.Content);
        Assert.Equal("Greeting", content.Name);
        Assert.Equal(TextFormat.Html, content.Format);
        Assert.Contains("<a href=\"@@PLUGINFILE@@/bonjour.mp3\">Listen to this greeting:</a>", content.Text);
        Assert.True(content.Single);
        Assert.True(content.Shuffle);
        Assert.Equal(1m, content.DefaultMark);
        Assert.Equal([0m, 1m, 0m, 0m], content.Choices.Select(c => c.Fraction));
        Assert.Contains("@@PLUGINFILE@@/flag-france.jpg", content.Choices[1].Text);
        Assert.EndsWith("French</p>", content.Choices[1].Text);
        Assert.Equal("<p>Yes, well done!</p>", content.Choices[1].Feedback);
        Assert.Equal("<p>Sorry, listen again.</p>", content.Choices[0].Feedback);
        Assert.Empty(content.Files); // the importer stores the files and fills this in

        Assert.Equal(["bonjour.mp3", "flag-uk.jpg", "flag-france.jpg", "flag-german.jpg", "flag-denmark.jpg"], question.Files.Select(f => f.Name));
        Assert.Equal(FixtureFiles(Xml + "multichoice.xml", 12), FileHashes(question.Files));
        Assert.Equal("ID3"u8.ToArray(), question.Files[0].Bytes[..3]);
        Assert.All(question.Files.Skip(1), f => Assert.Equal(new byte[] { 0xFF, 0xD8 }, f.Bytes[..2]));
    }

    [Fact]
    public void Truefalse_both_ways_with_no_break_spaces_and_pictures_in_every_text()
    {
        var result = ReadValidFixture(Xml + "truefalse.xml");

        Assert.Equal(2, result.Questions.Count);
        var isFalse = Assert.IsType<TrueFalseQuestion>(result.Questions[0].Content);
        var isTrue = Assert.IsType<TrueFalseQuestion>(result.Questions[1].Content);
        Assert.Equal("Moodle acronym (False)", isFalse.Name);
        Assert.False(isFalse.CorrectAnswer);
        Assert.Equal("Moodle acronym (True)", isTrue.Name);
        Assert.True(isTrue.CorrectAnswer);

        Assert.StartsWith("<p>Moodle\u00A0<img src=\"@@PLUGINFILE@@/logo.jpg\"", isFalse.Text);
        Assert.Contains("Learning Education</span>", isFalse.Text);
        Assert.Contains("Learning Environment</span>", isTrue.Text);
        Assert.Contains("@@PLUGINFILE@@/infos.jpg", isTrue.GeneralFeedback);
        Assert.Contains("Your\u00A0answer\u00A0is\u00A0correct.", isTrue.TrueFeedback);
        Assert.EndsWith("/>\u00A0Your\u00A0answer\u00A0is incorrect.</p>", isTrue.FalseFeedback);
        Assert.Contains("@@PLUGINFILE@@/thumbdown.jpg", isFalse.TrueFeedback);
        Assert.Contains("@@PLUGINFILE@@/thumbup.jpg", isFalse.FalseFeedback);

        foreach (var (question, line) in result.Questions.Zip([12, 40]))
        {
            Assert.Equal(line, question.Line);
            Assert.Equal(["infos.jpg", "logo.jpg", "thumbdown.jpg", "thumbup.jpg"], question.Files.Select(f => f.Name).Order(StringComparer.Ordinal));
            Assert.Equal(FixtureFiles(Xml + "truefalse.xml", line), FileHashes(question.Files));
        }

        Assert.True(result.Questions[0].Files.Single(f => f.Name == "thumbup.jpg").Bytes.Length > 15_000);
    }

    [Fact]
    public void Cloze_with_pictures_and_no_defaultgrade()
    {
        var result = ReadValidFixture(Xml + "multianswer.xml");

        var question = Assert.Single(result.Questions);
        var content = Assert.IsType<ClozeQuestion>(question.Content);
        Assert.Equal("cloze with images", content.Name);
        Assert.Equal(5, content.Gaps.Count);
        Assert.Equal(5m, content.DefaultMark); // the sum of the gaps' weights
        Assert.Contains("* San Francisco: {#1}<br />* Tucson: {#2}", content.Text);
        Assert.Contains("{1:MULTICHOICE:=California#OK~Arizona#Wrong}", content.Source);
        Assert.Equal([new Choice("California", 0m, "Wrong"), new Choice("Arizona", 1m, "OK")], content.Gaps[1].Choices);
        var capital = content.Gaps[4];
        Assert.Equal(ClozeKind.ShortAnswer, capital.Kind);
        Assert.Equal([1m, 0.5m, 0m], capital.Choices.Select(c => c.Fraction));
        Assert.Equal("*", capital.Choices[2].Text);
        Assert.Contains("@@PLUGINFILE@@/moodle.png", content.GeneralFeedback);

        Assert.Equal(["arizona_2.png", "california-state-flag.png", "moodle.png"], question.Files.Select(f => f.Name));
        Assert.Equal(FixtureFiles(Xml + "multianswer.xml", 12), FileHashes(question.Files));
    }

    [Fact]
    public void Nested_categories_drop_the_context_and_keep_their_descriptions()
    {
        var result = ReadValidFixture(Xml + "nested_categories.xml");

        Assert.Equal(
            [["Delta"], ["Delta", "Epsilon"], ["Delta", "Epsilon", "Zeta"]],
            result.Categories.Select(c => c.Path.ToArray()));
        Assert.Equal(
            ["This is Delta category for test", "This is Epsilon category for test", "This is Zeta category for test"],
            result.Categories.Select(c => c.Info));
        Assert.All(result.Categories, c => Assert.Null(c.IdNumber));
        var question = Assert.Single(result.Questions);
        Assert.Equal(["Delta", "Epsilon", "Zeta"], question.Category);
        Assert.Equal("Zeta Question", question.Content.Name);
        Assert.True(Assert.IsType<TrueFalseQuestion>(question.Content).CorrectAnswer);
    }

    [Fact]
    public void Nested_categories_with_questions_put_each_question_in_its_category()
    {
        var result = ReadValidFixture(Xml + "nested_categories_with_questions.xml");

        Assert.Equal(
            [["Iota"], ["Iota", "Kappa"], ["Iota", "Kappa", "Lambda"], ["Iota", "Mu"]],
            result.Categories.Select(c => c.Path.ToArray()));
        Assert.Equal("This is Kappa category for test", result.Categories[1].Info);
        Assert.Equal(
            [
                ("Iota Question", "Iota"), ("Kappa Essay Question", "Iota/Kappa"), ("Kappa Question", "Iota/Kappa"),
                ("Lambda Question", "Iota/Kappa/Lambda"), ("Mu Question", "Iota/Mu"),
            ],
            result.Questions.Select(q => (q.Content.Name, string.Join('/', q.Category))));
        var essay = Assert.IsType<EssayQuestion>(result.Questions[1].Content);
        Assert.Equal("Testing Kappa Essay Question", essay.Text);
        Assert.Equal(TextFormat.Html, essay.Format); // moodle_auto_format
        Assert.Null(essay.MinWords);
        Assert.Null(result.Questions[1].IdNumber);
    }

    [Fact]
    public void Export_category_with_a_blank_line_inside()
    {
        var result = ReadValidFixture(Xml + "export_category.xml");

        var category = Assert.Single(result.Categories);
        Assert.Equal(["Alpha"], category.Path);
        Assert.Equal("This is Alpha category for test", category.Info);
        Assert.Null(category.IdNumber);
        var question = Assert.Single(result.Questions);
        Assert.Equal("<p>Testing Alpha Question</p>", question.Content.Text);
        Assert.True(Assert.IsType<TrueFalseQuestion>(question.Content).CorrectAnswer);
    }

    [Fact]
    public void Category_with_description_and_idnumber()
    {
        var result = ReadValidFixture(Xml + "category_with_description.xml");

        var category = Assert.Single(result.Categories);
        Assert.Equal(["Alpha"], category.Path);
        Assert.Equal("This is Alpha category for test", category.Info);
        Assert.Equal("alpha-idnumber", category.IdNumber);
        Assert.Equal(["Alpha"], Assert.Single(result.Questions).Category);
    }

    [Fact]
    public void Categories_in_reverse_order_child_before_parent()
    {
        var result = ReadValidFixture(Xml + "categories_reverse_order.xml");

        Assert.Equal([["Sigma", "Tau"], ["Sigma"]], result.Categories.Select(c => c.Path.ToArray()));
        Assert.Equal(["This is Tau category for test", "This is Sigma category for test"], result.Categories.Select(c => c.Info));
        Assert.Equal(["Sigma", "Tau"], result.Questions[0].Category);
        Assert.IsType<EssayQuestion>(result.Questions[0].Content);
        Assert.Equal(["Sigma"], result.Questions[1].Category);
        var shortAnswer = Assert.IsType<ShortAnswerQuestion>(result.Questions[1].Content);
        Assert.Equal("Sigma Question", shortAnswer.Name);
        Assert.False(shortAnswer.CaseSensitive);
        Assert.Equal([new Choice("yes", 1m), new Choice("no", 0m), new Choice("may be", 0m)], shortAnswer.Answers);
    }

    [Fact]
    public void Old_image_tags_become_files_shown_after_the_question_text()
    {
        var result = ReadValidFixture(Xml + "sample_questions_with_old_image_tag.xml");

        Assert.Equal(["Default for Test images in backup"], Assert.Single(result.Categories).Path);
        Assert.Equal(2, result.Questions.Count);

        var cloze = Assert.IsType<ClozeQuestion>(result.Questions[0].Content);
        Assert.Equal("cloze question with image", cloze.Name);
        Assert.Equal(TextFormat.Html, cloze.Format); // no format attribute: html
        Assert.EndsWith("<br /> <img src=\"@@PLUGINFILE@@/moodle.png\" />", cloze.Text);
        Assert.EndsWith(" <img src=\"@@PLUGINFILE@@/moodle.png\" />", cloze.Source);
        Assert.Equal(5, cloze.Gaps.Count);
        Assert.Equal(
            [
                new Choice("Paris", 1m, "Congratulations!<br />"),
                new Choice("Marseille", 0.5m, "No, that is the second largest city in France (after<br />Paris)."),
                new Choice("*", 0m, "Wrong answer. The capital of France is Paris, of course."),
            ],
            cloze.Gaps[4].Choices);

        var mcq = Assert.IsType<MultipleChoiceQuestion>(result.Questions[1].Content);
        Assert.Equal("This is a multichoice question with an image in the old &quot;image&quot; field that was used in Moodle 1.9 <img src=\"@@PLUGINFILE@@/moodle.png\" />", mcq.Text);
        Assert.True(mcq.Shuffle); // <shuffleanswers> is there twice: the first, 1, counts
        Assert.True(mcq.Single);
        Assert.Equal([new Choice("wrong answer", 0m), new Choice("another wrong answer", 0m), new Choice("right answer", 1m)], mcq.Choices);

        foreach (var (question, line) in result.Questions.Zip([16, 36]))
        {
            var file = Assert.Single(question.Files);
            Assert.Equal("moodle.png", file.Name);
            Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, file.Bytes[..4]);
            Assert.Equal(FixtureFiles(Xml + "sample_questions_with_old_image_tag.xml", line), FileHashes(question.Files));
        }
    }

    [Fact]
    public void Broken_cloze_questions_are_refused_one_problem_each_at_their_lines()
    {
        var result = ReadFixture(Xml + "broken_cloze_questions.xml");

        Assert.Empty(result.Questions);
        Assert.Equal(
            [
                (4, "Multianswer question without subquestions", "cloze.no_gaps"),
                (20, "Multichoice subquestion without choices", "cloze.gap_no_choices"),
                (36, "Multichoice subquestion with only one choice", "cloze.gap_too_few_choices"),
                (52, "Multichoice subquestion with no completely correct answer", "cloze.gap_no_right_answer"),
                (68, "Numerical subquestion with buggy answer", "cloze.numerical_not_number"),
            ],
            result.Problems.Select(p => (p.Line, p.QuestionName!, p.Code)));
        // The messages Moodle's test looks for.
        Assert.Contains("at least one embedded answer", result.Problems[0].Message);
        Assert.Contains("at least 2 choices", result.Problems[2].Message);
        Assert.Contains("should have a score of 100%", result.Problems[3].Message);
        Assert.Contains("must be a number, for example -1.234 or 3e8, or '*'", result.Problems[4].Message);
    }

    [Fact]
    public void A_grade_of_33_percent_is_refused()
    {
        var result = ReadFixture(Xml + "error_invalid_grades.xml");

        Assert.Empty(result.Questions);
        var problem = Assert.Single(result.Problems);
        Assert.Equal("xml.invalid_fraction", problem.Code);
        Assert.Equal(4, problem.Line);
        // PARAM_TEXT drops the <strong> tags from the name, as in Moodle's test; the CDATA's & < > stay.
        Assert.Equal("Question with invalid grades : x > 1 & x < 2", problem.QuestionName);
        Assert.Contains("0.33", problem.Message);
        Assert.DoesNotContain("0.3333333", problem.Message);
    }

    [Fact]
    public void Cloze_with_every_kind_of_gap()
    {
        var result = ReadValidFixture("question/format/multianswer/tests/fixtures/multianswer-all-types.xml");

        Assert.Empty(result.Categories);
        var question = Assert.Single(result.Questions);
        Assert.Empty(question.Category);
        var cloze = Assert.IsType<ClozeQuestion>(question.Content);
        Assert.Equal("All CLOZE types in one question", cloze.Name);
        Assert.Equal(16, cloze.Gaps.Count);
        Assert.Equal(18m, cloze.DefaultMark); // fifteen gaps of 1 and one of 3
        Assert.Contains("traveled to\u00A0{#3}</p>", cloze.Text);
        Assert.Contains("Water freezes at 0°C and {#11} Farenheit.", cloze.Text);

        Assert.Equal(
            [
                (ClozeKind.MultipleChoice, ClozeLayout.Dropdown, false), (ClozeKind.MultipleChoice, ClozeLayout.Horizontal, false),
                (ClozeKind.MultipleChoice, ClozeLayout.Vertical, false), (ClozeKind.MultipleChoice, ClozeLayout.Dropdown, true),
                (ClozeKind.MultipleChoice, ClozeLayout.Horizontal, true), (ClozeKind.MultipleChoice, ClozeLayout.Vertical, true),
                (ClozeKind.MultipleResponse, ClozeLayout.Vertical, false), (ClozeKind.MultipleResponse, ClozeLayout.Horizontal, false),
                (ClozeKind.MultipleResponse, ClozeLayout.Vertical, true), (ClozeKind.MultipleResponse, ClozeLayout.Horizontal, true),
                (ClozeKind.Numerical, ClozeLayout.Dropdown, false), (ClozeKind.Numerical, ClozeLayout.Dropdown, false),
                (ClozeKind.Numerical, ClozeLayout.Dropdown, false), (ClozeKind.ShortAnswer, ClozeLayout.Dropdown, false),
                (ClozeKind.ShortAnswerCaseSensitive, ClozeLayout.Dropdown, false), (ClozeKind.ShortAnswer, ClozeLayout.Dropdown, false),
            ],
            cloze.Gaps.Select(g => (g.Kind, g.Layout, g.Shuffle)));
        Assert.Equal(3, cloze.Gaps[12].Weight);

        Assert.Equal(new Choice("Idefix", 0m, "That's the dog of Obelix"), cloze.Gaps[1].Choices[0]);
        // Multiple response: right answers share the mark; with no %n%, each wrong one takes one right one away.
        Assert.Equal([0.5m, -0.5m, 0.5m, -0.5m], cloze.Gaps[6].Choices.Select(c => c.Fraction));
        Assert.Equal([0.6666667m, 0m, 0.3333333m], cloze.Gaps[7].Choices.Select(c => c.Fraction));
        Assert.Equal([0.3333333m, 0.3333333m, -0.3333333m, 0.3333333m, -0.3333333m], cloze.Gaps[8].Choices.Select(c => c.Fraction));
        Assert.Equal([0.3333333m, 0.3333333m, 0m, 0.3333333m], cloze.Gaps[9].Choices.Select(c => c.Fraction));
        Assert.Equal([new NumericalAnswer(32m, 0m, 1m, "Must be exact")], cloze.Gaps[10].Numbers);
        Assert.Equal(
            [new NumericalAnswer(212m, 0m, 1m, "Exact"), new NumericalAnswer(212m, 10m, 0.5m, "Close, you get at least half the points.")],
            cloze.Gaps[11].Numbers);
        Assert.Equal([1m, 0.66m, 0.33m], cloze.Gaps[12].Numbers.Select(n => n.Fraction));
        Assert.Equal([20m], cloze.Gaps[12].Numbers.Skip(1).Take(1).Select(n => n.Tolerance));
        Assert.Equal(["H<sub>2</sub>O", "H2O", "h2O", "H2o", "h2o"], cloze.Gaps[14].Choices.Select(c => c.Text));
        Assert.Equal([1m, 1m, 0.5m, 0.25m], cloze.Gaps[15].Choices.Select(c => c.Fraction));
    }

    [Fact]
    public void Matching_with_a_distractor_and_combined_feedback()
    {
        var result = ReadValidFixture("question/type/match/tests/fixtures/testquestion.moodle.xml");

        Assert.Equal(["Test questions"], Assert.Single(result.Categories).Path);
        var match = Assert.IsType<MatchingQuestion>(Assert.Single(result.Questions).Content);
        Assert.Equal("matching-001", match.Name);
        Assert.Equal("Classify the animals.", match.Text);
        Assert.Equal("General feedback.", match.GeneralFeedback);
        Assert.True(match.Shuffle);
        Assert.Equal(
            [new MatchPair("frog", "amphibian"), new MatchPair("cat", "mammal"), new MatchPair("newt", "amphibian"), new MatchPair("", "insect")],
            match.Pairs);
        Assert.Equal(new CombinedFeedback("Well done!", "Parts, but only parts, of your response are correct.", "That is not right at all."),
            match.Feedback);
    }

    [Fact]
    public void Shortanswer_with_a_wildcard_and_feedback_per_answer()
    {
        var result = ReadValidFixture("question/type/shortanswer/tests/fixtures/testquestion.moodle.xml");

        var question = Assert.IsType<ShortAnswerQuestion>(Assert.Single(result.Questions).Content);
        Assert.Equal("shortanswer-001", question.Name);
        Assert.Equal("Name an amphibian: __________", question.Text);
        Assert.False(question.CaseSensitive);
        Assert.Equal(
            [
                new Choice("frog", 1m, "Frog is a very good answer."), new Choice("toad", 0.8m, "Toad is an OK good answer."),
                new Choice("*", 0m, "That is a bad answer."),
            ],
            question.Answers);
        Assert.Equal("Generalfeedback: frog or toad would have been OK.", question.GeneralFeedback);
    }

    [Fact]
    public void Essay_with_grader_information_and_template()
    {
        var result = ReadValidFixture("question/type/essay/tests/fixtures/testquestion.moodle.xml");

        var essay = Assert.IsType<EssayQuestion>(Assert.Single(result.Questions).Content);
        Assert.Equal("essay-001", essay.Name);
        Assert.Equal("Write an essay with 500 words.", essay.Text);
        Assert.Equal("This is general feedback", essay.GeneralFeedback);
        Assert.Equal("", essay.GraderInfo);
        Assert.Equal("", essay.ResponseTemplate);
        Assert.Null(essay.MinWords);
        Assert.Null(essay.MaxWords);
        Assert.True(essay.NeedsManualGrading);
    }

    [Fact]
    public void Ordering_items_in_the_order_of_their_position()
    {
        var result = ReadValidFixture("question/type/ordering/tests/fixtures/testquestion.moodle.xml");

        var question = Assert.Single(result.Questions);
        Assert.Equal("dd1", question.IdNumber);
        var ordering = Assert.IsType<OrderingQuestion>(question.Content);
        Assert.Equal("dd-ordering 1", ordering.Name);
        Assert.Equal(["Modular", "Object", "Oriented", "Dynamic", "Learning", "Environment"], ordering.Items);
        Assert.Equal(OrderingGrading.AbsolutePosition, ordering.Grading);
        Assert.Equal("Your answer is partially correct.", ordering.Feedback.PartiallyCorrect);
        Assert.Equal("<p>The correct answer is \"Modular Object Oriented Dynamic Learning Environment\".</p>", ordering.GeneralFeedback);
    }

    [Fact]
    public void Multichoice_with_several_right_answers()
    {
        var result = ReadValidFixture("question/type/multichoice/tests/fixtures/testquestion.moodle.xml");

        var question = Assert.IsType<MultipleChoiceQuestion>(Assert.Single(result.Questions).Content);
        Assert.Equal("Multi-choice-001", question.Name);
        Assert.False(question.Single);
        Assert.True(question.Shuffle);
        Assert.Equal(["Tokyo", "Spain", "London", "Barcelona", "Paris"], question.Choices.Select(c => c.Text));
        Assert.Equal([0m, 0m, 0.5m, 0m, 0.5m], question.Choices.Select(c => c.Fraction));
        Assert.Equal(new CombinedFeedback("Your answer is correct.", "Your answer is partially correct.", "Your answer is incorrect."),
            question.Feedback);
    }

    [Fact]
    public void Select_missing_words_is_not_supported_and_says_so()
    {
        var result = ReadFixture("question/type/ddwtos/tests/fixtures/testquestion.moodle.xml");

        Assert.Empty(result.Questions);
        Assert.Equal(["Default for C1"], Assert.Single(result.Categories).Path);
        var problem = Assert.Single(result.Problems);
        Assert.Equal("xml.unsupported_type", problem.Code);
        Assert.Equal(12, problem.Line);
        Assert.Equal("Imported Drag and drop into text 001", problem.QuestionName);
        Assert.Contains("\"gapselect\"", problem.Message);
    }

    public static TheoryData<string> ValidFixtures => new()
    {
        Xml + "multichoice.xml",
        Xml + "truefalse.xml",
        Xml + "multianswer.xml",
        Xml + "nested_categories.xml",
        Xml + "nested_categories_with_questions.xml",
        Xml + "export_category.xml",
        Xml + "sample_questions_with_old_image_tag.xml",
        Xml + "category_with_description.xml",
        Xml + "categories_reverse_order.xml",
        "question/format/multianswer/tests/fixtures/multianswer-all-types.xml",
        "question/type/match/tests/fixtures/testquestion.moodle.xml",
        "question/type/shortanswer/tests/fixtures/testquestion.moodle.xml",
        "question/type/essay/tests/fixtures/testquestion.moodle.xml",
        "question/type/ordering/tests/fixtures/testquestion.moodle.xml",
        "question/type/multichoice/tests/fixtures/testquestion.moodle.xml",
    };

    [Theory]
    [MemberData(nameof(ValidFixtures))]
    public void Every_fixture_reads_writes_and_reads_back_the_same(string fixture)
    {
        AssertRoundTrip(ReadValidFixture(fixture));
    }
}
