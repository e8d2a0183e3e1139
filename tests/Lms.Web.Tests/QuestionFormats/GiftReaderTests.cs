using Lms.Domain.Questions;
using Lms.Infrastructure.QuestionFormats;

namespace Lms.Web.Tests.QuestionFormats;

/// <summary>
/// GIFT reading beyond Moodle's sample files: the remaining cases of Moodle's
/// question/format/gift/tests/giftformat_test.php and the rules of question/format/gift/format.php.
/// </summary>
public class GiftReaderTests
{
    private static readonly GiftFormat Gift = new();

    private static InterchangeQuestion One(string gift)
    {
        var result = Gift.Read(gift);
        Assert.Empty(result.Problems);
        return Assert.Single(result.Questions);
    }

    private static T Content<T>(string gift) where T : QuestionContent => Assert.IsType<T>(One(gift).Content);

    // ---- Moodle's giftformat_test.php cases not in the fixtures ----

    [Fact]
    public void Multiple_answers_with_full_and_negative_weights_as_test_import_multichoice_multi_tricky()
    {
        var q = Content<MultipleChoiceQuestion>("""
            // multiple choice, multiple response with specified feedback for right and wrong answers
            ::colours:: What's between orange and green in the spectrum?
            {
                ~%100%yellow # right; good!
                ~%-50%red # wrong
                ~%-50%blue # wrong
            }
            """);
        Assert.False(q.Single); // no "=": check boxes, even with a 100 % choice
        Assert.Equal(
            [new Choice("yellow", 1m, "right; good!"), new Choice("red", -0.5m, "wrong"), new Choice("blue", -0.5m, "wrong")],
            q.Choices);
    }

    [Fact]
    public void General_feedback_with_its_own_format_as_test_import_shortanswer_with_general_feedback()
    {
        var q = Content<ShortAnswerQuestion>("""
            // question: 666  name: Shortanswer
            ::Shortanswer::Which is the best animal?{
                =Frog#Good!
                =%50%Cat#What is it with Moodlers and cats?
                =%0%*#Completely wrong
                ####[html]Here is some general feedback!
            }
            """);
        Assert.Equal("Here is some general feedback!", q.GeneralFeedback);
        Assert.Equal([1m, 0.5m, 0m], q.Answers.Select(a => a.Fraction));
    }

    [Fact]
    public void Double_backslash_is_one_backslash_as_test_import_backslash()
    {
        var q = Content<EssayQuestion>("""
            // essay
            ::double backslash:: A \\ B \\\\ C{}
            """);
        Assert.Equal("double backslash", q.Name);
        Assert.Equal(@"A \ B \\ C", q.Text);
    }

    [Fact]
    public void Escaped_braces_in_html_pre_block_as_test_import_pre_content()
    {
        var q = Content<EssayQuestion>("""
            ::Q001::[html]<p>What would running the test method print?</p>
            <pre>
                public void test() \{
                    method1();
                    method2();
                    method3();
                \}
            </pre>
            {}
            """);
        // Lines are trimmed as Moodle's readquestions trims them, so the indentation goes.
        Assert.Equal("<p>What would running the test method print?</p>\n<pre>\npublic void test() {\nmethod1();\nmethod2();\nmethod3();\n}\n</pre>", q.Text);
        Assert.Equal(TextFormat.Html, q.Format);
    }

    [Fact]
    public void Tags_and_id_number_in_comments_as_test_import_question_with_tags()
    {
        var q = One("""
            // This question is to test importing tags: [tag:tag] [tag:other-tag].
            // And an idnumber: [id:myid].
            ::Question name:: How are you? {}
            """);
        Assert.Equal("myid", q.IdNumber);
        Assert.Equal(["tag", "other-tag"], q.Tags);
        Assert.Equal("Question name", q.Content.Name);
        Assert.Equal(3, q.Line);
    }

    /// <summary>test_extract_idnumber_and_tags_from_comment's cases, as comment lines before a question.</summary>
    [Theory]
    [InlineData("// A basic comment.", null, new string[0])]
    [InlineData("// A comment with [id:frog] <-- an idnumber.", "frog", new string[0])]
    [InlineData("// Look tags: [tag:frog] [tag:toad].", null, new[] { "frog", "toad" })]
    [InlineData("// [tag:add] [tag:basic] [id:four]", "four", new[] { "add", "basic" })]
    [InlineData("// [tag:  basic] Here is  \n// a [id:   four   ] que[tag:add   ]stion.", "four", new[] { "basic", "add" })]
    [InlineData("// Ceci n'est pas une [tag:\n// \\ frog].", null, new string[0])]
    [InlineData(@"// [id:i\]d].", "i]d", new string[0])]
    [InlineData(@"// [tag:t\]ag].", null, new[] { "t]ag" })]
    public void Id_number_and_tags_from_comments(string comments, string? idNumber, string[] tags)
    {
        var q = One(comments + "\n::Q:: How are you? {}");
        Assert.Equal(idNumber, q.IdNumber);
        Assert.Equal(tags, q.Tags);
    }

    // ---- names, texts, formats ----

    [Fact]
    public void Name_defaults_to_the_start_of_the_text()
    {
        Assert.Equal("Who's buried in Grant's tomb?", Content<MultipleChoiceQuestion>("Who's buried in Grant's tomb?{~Grant ~Jefferson =no one}").Name);
        // shorten_text(80): cut after the last space, "..." added; tags stripped by clean_param(PARAM_TEXT).
        var longText = "[html]<p>Which of the <b>following</b> statements about the water cycle is correct when the sun heats the sea?</p>{T}";
        Assert.Equal("Which of the following statements about the water cycle is correct when the ...", Content<TrueFalseQuestion>(longText).Name);
    }

    [Fact]
    public void Default_name_strips_tags_as_PHP_strip_tags_does()
    {
        Assert.Equal("If x <= 5, is y < 7?", Content<TrueFalseQuestion>("[html]If x <= 5, is <i>y</i> < 7?{T}").Name);
        Assert.Equal("a", Content<TrueFalseQuestion>("a<<b>c>{T}").Name);
        // "<" before a digit stays (PHP would strip from there); an unclosed tag runs to the end, as in PHP.
        Assert.Equal("Is 3<4? Yes", Content<TrueFalseQuestion>("Is 3<4? Yes<br{T}").Name);
        Assert.Equal("Is 3<4? Yes<br", Content<TrueFalseQuestion>("Is 3<4? Yes<br{T}").Text);
    }

    [Fact]
    public void Thai_name_is_cut_at_77_characters_like_Moodle_cuts_multibyte_text()
    {
        var text = string.Concat(Enumerable.Repeat("การพัฒนาวิชาชีพครู", 10));
        var q = Content<EssayQuestion>(text + "{}");
        Assert.Equal(text[..77] + "...", q.Name);
    }

    [Fact]
    public void Unterminated_name_is_dropped_and_defaulted()
    {
        var q = Content<TrueFalseQuestion>("::Grant is buried in Grant's tomb.{F}");
        Assert.Equal("Grant is buried in Grant's tomb.", q.Name);
        Assert.Equal("Grant is buried in Grant's tomb.", q.Text);
    }

    [Fact]
    public void Escaped_colons_stay_in_the_name()
    {
        Assert.Equal("Ratio 1:2", Content<EssayQuestion>(@"::Ratio 1\:2::Explain.{}").Name);
    }

    [Theory]
    [InlineData("[html]", TextFormat.Html)]
    [InlineData("[moodle]", TextFormat.Html)]
    [InlineData("", TextFormat.Html)]
    [InlineData("[plain]", TextFormat.Plain)]
    [InlineData("[markdown]", TextFormat.Markdown)]
    public void Format_markers(string marker, TextFormat format)
    {
        var q = Content<EssayQuestion>($"::Q::{marker}Some *text*{{}}");
        Assert.Equal(format, q.Format);
        Assert.Equal("Some *text*", q.Text);
    }

    [Fact]
    public void Unknown_or_upper_case_marker_stays_in_the_text()
    {
        Assert.Equal("[HTML]Hello", Content<EssayQuestion>("::Q::[HTML]Hello{}").Text);
        Assert.Equal("[note] Hello", Content<EssayQuestion>("::Q::[note] Hello{}").Text);
    }

    [Fact]
    public void All_escapes()
    {
        var q = Content<ShortAnswerQuestion>(@"::Q::a\~b \=c \#d \{e\} f\:g \\h i\nj \x{=answer \= \~ \# \{\}#feed\#back}");
        Assert.Equal("a~b =c #d {e} f:g \\h i\nj \\x", q.Text);
        Assert.Equal([new Choice("answer = ~ # {}", 1m, "feed#back")], q.Answers);
    }

    [Fact]
    public void Description_has_no_braces_and_no_marks()
    {
        var q = Content<DescriptionQuestion>("::Intro::[markdown]Read the **passage** below.\nThen answer.");
        Assert.Equal("Read the **passage** below.\nThen answer.", q.Text);
        Assert.Equal(TextFormat.Markdown, q.Format);
        Assert.Equal(0m, q.DefaultMark);
    }

    [Fact]
    public void Essay_with_general_feedback_only()
    {
        var q = Content<EssayQuestion>("Describe your school.{####A model answer mentions the students.}");
        Assert.Equal("Describe your school.", q.Text);
        Assert.Equal("A model answer mentions the students.", q.GeneralFeedback);
    }

    // ---- missing word and stray text ----

    [Fact]
    public void Text_after_the_answers_makes_a_missing_word_question()
    {
        var q = Content<MultipleChoiceQuestion>("Grant is {~buried =entombed ~living} in Grant's tomb.");
        Assert.Equal("Grant is _____ in Grant's tomb.", q.Text);
        Assert.Equal(["buried", "entombed", "living"], q.Choices.Select(c => c.Text));
        Assert.True(q.Single);
    }

    [Fact]
    public void Missing_word_short_answer_over_several_lines()
    {
        var q = Content<ShortAnswerQuestion>("""
            ::Jesus' hometown::Jesus Christ was from {
                =Nazareth#Yes! That's right!
                =%75%Nazereth#Right, but misspelled.
                =%25%Bethlehem#He was born here, but not raised here.
            }.
            """);
        Assert.Equal("Jesus Christ was from _____.", q.Text);
        Assert.Equal([1m, 0.75m, 0.25m], q.Answers.Select(a => a.Fraction));
    }

    [Fact]
    public void Only_the_first_brace_pair_holds_answers_the_rest_is_text()
    {
        var q = Content<ShortAnswerQuestion>("Two {=2} and three {=3}");
        Assert.Equal("Two  and three {=3}", q.Text); // ends with "}", so no blank, as Moodle
        Assert.Equal([new Choice("2", 1m)], q.Answers);
    }

    // ---- types ----

    [Theory]
    [InlineData("{T}", true)]
    [InlineData("{TRUE}", true)]
    [InlineData("{F}", false)]
    [InlineData("{FALSE}", false)]
    [InlineData("{ TRUE #wrong#right }", true)]
    public void True_false_forms(string answers, bool correct)
    {
        Assert.Equal(correct, Content<TrueFalseQuestion>("The sky is blue." + answers).CorrectAnswer);
    }

    [Fact]
    public void True_false_feedback_goes_to_the_answer_it_is_for()
    {
        var t = Content<TrueFalseQuestion>("Water boils at 100 °C at sea level.{TRUE#Check again.#Correct.}");
        Assert.Equal(("Correct.", "Check again."), (t.TrueFeedback, t.FalseFeedback));
        var f = Content<TrueFalseQuestion>("The moon is a planet.{FALSE#It is a moon.#Right, it is not.}");
        Assert.Equal(("It is a moon.", "Right, it is not."), (f.TrueFeedback, f.FalseFeedback));
    }

    [Fact]
    public void Lower_case_true_is_a_short_answer_as_in_Moodle()
    {
        Assert.Equal([new Choice("true", 1m)], Content<ShortAnswerQuestion>("Is it?{true}").Answers);
    }

    [Fact]
    public void Numerical_forms()
    {
        var q = Content<NumericalQuestion>("""
            ::Numerical example::When was Ulysses S. Grant born? {#
                =1822:0      #Correct! 100% credit
                =%50%1822:2  #He was born in 1822.
                =%25%1810..1830#Not far off.
                ~#Not even close.
            }
            """);
        Assert.Equal(
            [
                new NumericalAnswer(1822m, 0m, 1m, "Correct! 100% credit"),
                new NumericalAnswer(1822m, 2m, 0.5m, "He was born in 1822."),
                new NumericalAnswer(1820m, 10m, 0.25m, "Not far off."),
                new NumericalAnswer(null, 0m, 0m, "Not even close."),
            ],
            q.Answers);
        Assert.Equal("When was Ulysses S. Grant born?", q.Text);
    }

    [Theory]
    [InlineData("{#1822}", 1822, 0)]
    [InlineData("{#1822:5}", 1822, 5)]
    [InlineData("{#3.141..3.142}", 3.1415, 0.0005)]
    [InlineData("{#-5..-1}", -3, 2)]
    [InlineData("{#5..1}", 3, 2)]
    [InlineData("{#-3:-0.5}", -3, 0.5)]
    [InlineData("{#2.5e3:1e1}", 2500, 10)]
    public void Numerical_value_and_tolerance(string answers, double value, double tolerance)
    {
        var answer = Assert.Single(Content<NumericalQuestion>("How many?" + answers).Answers);
        Assert.Equal((decimal)value, answer.Value);
        Assert.Equal((decimal)tolerance, answer.Tolerance);
        Assert.Equal(1m, answer.Fraction);
    }

    [Fact]
    public void Numerical_star_is_any_number()
    {
        var q = Content<NumericalQuestion>("Any number?{#=%100%*#Anything goes}");
        Assert.Equal([new NumericalAnswer(null, 0m, 1m, "Anything goes")], q.Answers);
    }

    [Fact]
    public void Matching_without_spaces_round_the_arrow()
    {
        var q = Content<MatchingQuestion>("Match the following countries with their corresponding capitals.{=Canada->Ottawa =Italy->Rome =Japan->Tokyo}");
        Assert.Equal([new MatchPair("Canada", "Ottawa"), new MatchPair("Italy", "Rome"), new MatchPair("Japan", "Tokyo")], q.Pairs);
    }

    [Fact]
    public void Weights_are_snapped_to_Moodle_grades()
    {
        var q = Content<MultipleChoiceQuestion>("Pick.{~%33.33333%a ~%33.33333%b ~%33.33333%c ~%-100%d}");
        Assert.False(q.Single);
        Assert.Equal([0.3333333m, 0.3333333m, 0.3333333m, -1m], q.Choices.Select(c => c.Fraction));
        var sa = Content<ShortAnswerQuestion>("Name it.{=%16.66667%x =y}");
        Assert.Equal([0.1666667m, 1m], sa.Answers.Select(a => a.Fraction));
    }

    [Fact]
    public void Percent_without_a_number_is_part_of_the_choice()
    {
        var q = Content<MultipleChoiceQuestion>("Discount?{=%ten% off ~none}");
        Assert.Equal("%ten% off", q.Choices[0].Text);
        var mc = Content<MultipleChoiceQuestion>("Discount?{~%ten% off =none}");
        Assert.Equal(new Choice("%ten% off", 0m), mc.Choices[0]);
    }

    // ---- categories ----

    [Theory]
    [InlineData("$CATEGORY: $course$/top/A/B", new[] { "A", "B" })]
    [InlineData("$CATEGORY: $module$/top/A", new[] { "A" })]
    [InlineData("$CATEGORY: $system$/top/A", new[] { "A" })]
    [InlineData("$CATEGORY: $cat1$/top/A", new[] { "A" })]
    [InlineData("$CATEGORY: top/A", new[] { "A" })]
    [InlineData("$CATEGORY: A/B", new[] { "A", "B" })]
    [InlineData("$CATEGORY:$course$/top/Half//Full/ x ", new[] { "Half/Full", "x" })]
    [InlineData("$CATEGORY: $course$/top/คณิตศาสตร์/ม.1", new[] { "คณิตศาสตร์", "ม.1" })]
    public void Category_paths(string line, string[] path)
    {
        var result = Gift.Read(line + "\n\nQ?{T}");
        Assert.Equal(path, Assert.Single(result.Categories).Path);
        Assert.Equal(path, Assert.Single(result.Questions).Category);
    }

    [Fact]
    public void Top_category_line_files_questions_at_the_top()
    {
        var result = Gift.Read("$CATEGORY: $course$/top/A\n\nQ1?{T}\n\n$CATEGORY: $course$/top\n\nQ2?{T}\n");
        Assert.Equal(["A", ""], result.Questions.Select(q => string.Join("/", q.Category)));
        Assert.Equal(["A"], Assert.Single(result.Categories).Path);
    }

    [Fact]
    public void Category_repeated_is_listed_once_and_a_question_right_under_the_line_is_still_a_question()
    {
        var result = Gift.Read("""
            $CATEGORY: $course$/top/A
            ::Q1::Right under the category line?{T}

            $CATEGORY: $course$/top/B

            ::Q2::In B.{F}

            $CATEGORY: $course$/top/A

            ::Q3::Back in A.{T}
            """);
        Assert.Empty(result.Problems);
        Assert.Equal(["A", "B"], result.Categories.Select(c => string.Join("/", c.Path)));
        Assert.Equal(
            [("Q1", "A", 2), ("Q2", "B", 6), ("Q3", "A", 10)],
            result.Questions.Select(q => (q.Content.Name, string.Join("/", q.Category), q.Line)));
    }

    // ---- file layout ----

    [Fact]
    public void Byte_order_mark_CRLF_and_lone_CR_files_read_the_same_with_the_same_lines()
    {
        const string text = "// comment\n::A::First?{T}\n\n\n::B::Second?{\n=x\n=y\n}\n";
        var plain = Gift.Read(text);
        foreach (var variant in new[] { "\uFEFF" + text, text.Replace("\n", "\r\n"), "\uFEFF" + text.Replace("\n", "\r\n"), text.Replace("\n", "\r") })
        {
            var other = Gift.Read(variant);
            GiftAssert.SameQuestions(plain, other);
            Assert.Equal([2, 5], other.Questions.Select(q => q.Line));
        }
    }

    [Fact]
    public void Whitespace_only_lines_separate_questions_and_comment_lines_inside_a_question_are_dropped()
    {
        var result = Gift.Read("Q1?{\n// a note for the teacher\n=a\n=b\n}\n \t \nQ2?{F}");
        Assert.Equal(2, result.Questions.Count);
        Assert.Equal(["a", "b"], Assert.IsType<ShortAnswerQuestion>(result.Questions[0].Content).Answers.Select(a => a.Text));
    }

    [Fact]
    public void Empty_and_comment_only_files_have_nothing()
    {
        foreach (var text in new[] { "", "\uFEFF", "\n\n", "// only\n// comments", " " })
        {
            var result = Gift.Read(text);
            Assert.Empty(result.Questions);
            Assert.Empty(result.Problems);
            Assert.Empty(result.Categories);
        }
    }

    [Fact]
    public void A_line_with_only_zero_is_text_unlike_Moodle()
    {
        Assert.Equal("How many?\n0", Content<EssayQuestion>("How many?\n0\n{}").Text);
    }
}
