using Lms.Domain.Questions;
using static Lms.Web.Tests.QuestionFormats.MoodleXmlTestSupport;

namespace Lms.Web.Tests.QuestionFormats;

/// <summary>What Moodle's importer does with the parts of a file the fixtures do not show.</summary>
public class MoodleXmlReadTests
{
    private static ReadBack Read(string questions) => new(Format.Read("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<quiz>\n" + questions + "\n</quiz>"));

    private sealed record ReadBack(Lms.Infrastructure.QuestionFormats.ImportResult Result)
    {
        public T Single<T>() where T : QuestionContent
        {
            Assert.Empty(Result.Problems);
            return Assert.IsType<T>(Assert.Single(Result.Questions).Content);
        }

        public string Problem() => Assert.Single(Result.Problems).Code;
    }

    [Fact]
    public void Numerical_answers_tolerances_units_and_unit_grading()
    {
        var numerical = Read("""
            <question type="numerical">
              <name><text>ความยาว</text></name>
              <questiontext format="markdown"><text>โต๊ะยาวเท่าไร</text></questiontext>
              <defaultgrade>2.5000000</defaultgrade>
              <answer fraction="100"><text>1.5</text><tolerance>0.05</tolerance><feedback><text>ถูก</text></feedback></answer>
              <answer fraction="50"><text>1.5</text><tolerance>0.2</tolerance></answer>
              <answer fraction="0"><text>*</text><feedback><text>ผิด</text></feedback></answer>
              <units>
                <unit><multiplier>1</multiplier><unit_name>ม.</unit_name></unit>
                <unit><multiplier>100</multiplier><unit_name>ซม.</unit_name></unit>
              </units>
              <unitgradingtype>1</unitgradingtype>
              <unitpenalty>0.2500000</unitpenalty>
            </question>
            """).Single<NumericalQuestion>();

        Assert.Equal(TextFormat.Markdown, numerical.Format);
        Assert.Equal(2.5m, numerical.DefaultMark);
        Assert.Equal(
            [new NumericalAnswer(1.5m, 0.05m, 1m, "ถูก"), new NumericalAnswer(1.5m, 0.2m, 0.5m), new NumericalAnswer(null, 0m, 0m, "ผิด")],
            numerical.Answers);
        Assert.Equal([new NumericalUnit("ม.", 1m), new NumericalUnit("ซม.", 100m)], numerical.Units);
        Assert.True(numerical.UnitRequired);
        Assert.Equal(0.25m, numerical.UnitPenalty);
    }

    [Fact]
    public void Numerical_defaults_when_nothing_about_units_is_said()
    {
        var numerical = Read("""
            <question type="numerical">
              <name><text>n</text></name>
              <questiontext><text>2+2</text></questiontext>
              <answer fraction="100"><text>4</text></answer>
            </question>
            """).Single<NumericalQuestion>();

        Assert.Equal([new NumericalAnswer(4m, 0m, 1m)], numerical.Answers);
        Assert.Empty(numerical.Units);
        Assert.False(numerical.UnitRequired);
        Assert.Equal(0.1m, numerical.UnitPenalty);
    }

    [Fact]
    public void A_numerical_answer_that_is_not_a_number_is_refused()
    {
        Assert.Equal("xml.numerical_not_number", Read("""
            <question type="numerical">
              <name><text>n</text></name>
              <questiontext><text>2+2</text></questiontext>
              <answer fraction="100"><text>four</text></answer>
            </question>
            """).Problem());
    }

    [Theory]
    [InlineData("true", "100", "0", true)]
    [InlineData("1", "50", "50", false)]
    [InlineData("false", "100", "50", false)]
    [InlineData("false", "100", "-100", true)]
    public void Multichoice_fractions_must_give_full_marks_as_moodle_checks(string single, string first, string second, bool valid)
    {
        // errfractionsnomax for one answer, errfractionsaddwrong for several (xmlformat_test's invalid fraction sum).
        var result = Read($"""
            <question type="multichoice">
              <name><text>m</text></name>
              <questiontext><text>?</text></questiontext>
              <single>{single}</single>
              <answer fraction="{first}"><text>a</text></answer>
              <answer fraction="{second}"><text>b</text></answer>
              <answer fraction="0"><text>c</text></answer>
            </question>
            """).Result;

        Assert.Equal(valid, result.Problems.Count == 0);
        if (!valid) Assert.Contains(Assert.Single(result.Problems).Code, new[] { "xml.no_full_marks", "xml.fractions_do_not_add_up" });
    }

    [Fact]
    public void Multichoice_defaults_single_answer_and_no_shuffling()
    {
        var question = Read("""
            <question type="multichoice">
              <name><text>m</text></name>
              <questiontext><text>?</text></questiontext>
              <answer fraction="100"><text>a</text></answer>
              <answer fraction="0"><text>b</text></answer>
              <answer fraction="0"><text>  </text></answer>
            </question>
            """).Single<MultipleChoiceQuestion>();

        Assert.True(question.Single);
        Assert.False(question.Shuffle);
        Assert.Equal(2, question.Choices.Count); // a blank answer is dropped, as Moodle's save does
    }

    [Fact]
    public void Truefalse_answers_without_true_and_false_texts_are_true_then_false()
    {
        var question = Read("""
            <question type="truefalse">
              <name><text>old</text></name>
              <questiontext><text>?</text></questiontext>
              <answer fraction="0"><text>Wahr</text><feedback><text>nein</text></feedback></answer>
              <answer fraction="100"><text>Falsch</text><feedback><text>ja</text></feedback></answer>
            </question>
            """).Single<TrueFalseQuestion>();

        Assert.False(question.CorrectAnswer);
        Assert.Equal("nein", question.TrueFeedback);
        Assert.Equal("ja", question.FalseFeedback);
    }

    [Fact]
    public void Shortanswer_usecase_one_is_case_sensitive()
    {
        Assert.True(Read("""
            <question type="shortanswer">
              <name><text>s</text></name>
              <questiontext><text>?</text></questiontext>
              <usecase>1</usecase>
              <answer fraction="100"><text>NaCl</text></answer>
            </question>
            """).Single<ShortAnswerQuestion>().CaseSensitive);
    }

    [Fact]
    public void Essay_word_limits_from_newer_moodle()
    {
        var essay = Read("""
            <question type="essay">
              <name><text>e</text></name>
              <questiontext format="plain_text"><text>เขียนเรียงความ</text></questiontext>
              <minwordlimit>50</minwordlimit>
              <maxwordlimit>300</maxwordlimit>
              <graderinfo format="html"><text><![CDATA[<p>ให้คะแนนตามเกณฑ์</p>]]></text></graderinfo>
              <responsetemplate format="html"><text>เริ่มที่นี่</text></responsetemplate>
            </question>
            """).Single<EssayQuestion>();

        Assert.Equal(TextFormat.Plain, essay.Format);
        Assert.Equal(50, essay.MinWords);
        Assert.Equal(300, essay.MaxWords);
        Assert.Equal("<p>ให้คะแนนตามเกณฑ์</p>", essay.GraderInfo);
        Assert.Equal("เริ่มที่นี่", essay.ResponseTemplate);
    }

    [Fact]
    public void Description_is_worth_nothing()
    {
        var description = Read("""
            <question type="description">
              <name><text>อ่านก่อน</text></name>
              <questiontext><text>บทความ</text></questiontext>
              <defaultgrade>1</defaultgrade>
            </question>
            """).Single<DescriptionQuestion>();

        Assert.Equal(0m, description.DefaultMark);
        Assert.False(description.IsGraded);
    }

    [Theory]
    [InlineData("ALL_OR_NOTHING", OrderingGrading.AllOrNothing)]
    [InlineData("ABSOLUTE_POSITION", OrderingGrading.AbsolutePosition)]
    [InlineData("RELATIVE_NEXT_EXCLUDE_LAST", OrderingGrading.RelativeNextExcludeLast)]
    [InlineData("", OrderingGrading.RelativeNextExcludeLast)]
    public void Ordering_grading_types(string gradingType, OrderingGrading grading)
    {
        var element = gradingType.Length == 0 ? "" : $"<gradingtype>{gradingType}</gradingtype>";
        var ordering = Read($"""
            <question type="ordering">
              <name><text>o</text></name>
              <questiontext><text>เรียงลำดับ</text></questiontext>
              {element}
              <answer fraction="2"><text>สอง</text></answer>
              <answer fraction="1"><text>หนึ่ง</text></answer>
              <answer fraction="3"><text>สาม</text></answer>
            </question>
            """).Single<OrderingQuestion>();

        Assert.Equal(grading, ordering.Grading);
        Assert.Equal(["หนึ่ง", "สอง", "สาม"], ordering.Items);
    }

    [Fact]
    public void Ordering_graded_in_a_way_not_supported_here_is_refused()
    {
        Assert.Equal("xml.unsupported_grading", Read("""
            <question type="ordering">
              <name><text>o</text></name>
              <questiontext><text>?</text></questiontext>
              <gradingtype>LONGEST_CONTIGUOUS_SUBSET</gradingtype>
              <answer fraction="1"><text>a</text></answer>
              <answer fraction="2"><text>b</text></answer>
            </question>
            """).Problem());
    }

    [Fact]
    public void Cloze_without_a_name_is_named_from_its_text_and_ignores_defaultgrade()
    {
        var cloze = Read("""
            <question type="multianswer">
              <questiontext format="html"><text><![CDATA[<p>เมืองหลวงคือ {2:SA:=กรุงเทพฯ} และ {1:MC:=ใช่~ไม่ใช่}</p>]]></text></questiontext>
              <defaultgrade>10</defaultgrade>
            </question>
            """).Single<ClozeQuestion>();

        Assert.Equal("เมืองหลวงคือ {#1} และ {#2}", cloze.Name);
        Assert.Equal(3m, cloze.DefaultMark);
    }

    [Fact]
    public void A_question_other_than_cloze_needs_a_name()
    {
        Assert.Equal("xml.missing_name", Read("""
            <question type="truefalse">
              <questiontext><text>?</text></questiontext>
              <answer fraction="100"><text>true</text></answer>
            </question>
            """).Problem());
    }

    [Fact]
    public void Tags_course_tags_and_idnumber()
    {
        var result = Read("""
            <question type="truefalse">
              <name><text>t</text></name>
              <questiontext><text>?</text></questiontext>
              <idnumber>T &amp; F</idnumber>
              <answer fraction="100"><text>true</text></answer>
              <answer fraction="0"><text>false</text></answer>
              <coursetags><tag><text>ม.1</text></tag></coursetags>
              <tags><tag><text>วิทยาศาสตร์</text></tag><tag><text> ม.1 </text></tag></tags>
            </question>
            """).Result;

        var question = Assert.Single(result.Questions);
        Assert.Equal(["วิทยาศาสตร์", "ม.1"], question.Tags);
        Assert.Equal("T & F", question.IdNumber);
    }

    [Theory]
    [InlineData("$course$/top/A/B", new[] { "A", "B" })]
    [InlineData("$cat$/A", new[] { "A" })]
    [InlineData("Old/Style", new[] { "Old", "Style" })]
    [InlineData("$course$/top/ป.1//2/ภาษาไทย", new[] { "ป.1/2", "ภาษาไทย" })]
    [InlineData("$course$/top/ <b>Bold</b> ", new[] { "Bold" })]
    public void Category_paths_drop_the_context_and_top_and_unescape_slashes(string path, string[] expected)
    {
        var result = Read($"""
            <question type="category"><category><text>{path}</text></category></question>
            <question type="description"><name><text>d</text></name><questiontext><text>x</text></questiontext></question>
            """).Result;

        Assert.Equal(expected, Assert.Single(result.Categories).Path);
        Assert.Equal(expected, Assert.Single(result.Questions).Category);
    }

    [Fact]
    public void The_top_category_itself_is_not_listed()
    {
        var result = Read("""
            <question type="category"><category><text>$system$/top</text></category></question>
            <question type="description"><name><text>d</text></name><questiontext><text>x</text></questiontext></question>
            """).Result;

        Assert.Empty(result.Categories);
        Assert.Empty(Assert.Single(result.Questions).Category);
    }

    [Fact]
    public void Questions_before_any_category_are_in_the_top_category_and_categories_are_listed_once()
    {
        var result = Read("""
            <question type="description"><name><text>first</text></name><questiontext><text>x</text></questiontext></question>
            <question type="category"><category><text>$course$/top/A</text></category><info><text>ครั้งแรก</text></info></question>
            <question type="description"><name><text>second</text></name><questiontext><text>x</text></questiontext></question>
            <question type="category"><category><text>$course$/top/A</text></category><info><text>ครั้งที่สอง</text></info></question>
            """).Result;

        Assert.Empty(result.Questions[0].Category);
        Assert.Equal(["A"], result.Questions[1].Category);
        Assert.Equal("ครั้งแรก", Assert.Single(result.Categories).Info);
    }

    [Fact]
    public void Two_files_with_one_name_in_one_question_are_both_kept()
    {
        var read = Read("""
            <question type="truefalse">
              <name><text>t</text></name>
              <questiontext><text><![CDATA[<img src="@@PLUGINFILE@@/pic.png">]]></text><file name="pic.png" path="/" encoding="base64">AQID</file></questiontext>
              <generalfeedback><text><![CDATA[<img src="@@PLUGINFILE@@/pic.png">]]></text><file name="pic.png" path="/" encoding="base64">BAUG</file></generalfeedback>
              <answer fraction="100"><text>true</text><feedback><text><![CDATA[<img src="@@PLUGINFILE@@/pic.png">]]></text><file name="pic.png" path="/" encoding="base64">BAUG</file></feedback></answer>
              <answer fraction="0"><text>false</text><feedback><text><![CDATA[<img src="@@PLUGINFILE@@/sub/x%20y.png">]]></text><file name="x y.png" path="/sub/" encoding="base64">BwgJ</file></feedback></answer>
            </question>
            """);
        var result = read.Single<TrueFalseQuestion>();
        var files = read.Result.Questions[0].Files;

        Assert.Equal("<img src=\"@@PLUGINFILE@@/pic.png\">", result.Text);
        Assert.Equal("<img src=\"@@PLUGINFILE@@/pic-2.png\">", result.GeneralFeedback);
        Assert.Equal("<img src=\"@@PLUGINFILE@@/pic-2.png\">", result.TrueFeedback); // the same bytes as the feedback's: one file
        Assert.Equal(["pic.png", "pic-2.png", "sub/x y.png"], files.Select(f => f.Name));
        Assert.Equal(new byte[] { 4, 5, 6 }, files[1].Bytes);
        AssertRoundTrip(read.Result);
    }
}
