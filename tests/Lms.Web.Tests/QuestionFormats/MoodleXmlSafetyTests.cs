using System.Diagnostics;
using Lms.Infrastructure.QuestionFormats;
using static Lms.Web.Tests.QuestionFormats.MoodleXmlTestSupport;

namespace Lms.Web.Tests.QuestionFormats;

/// <summary>Files from anyone: refused with one problem, never an exception, never reading the server's files.</summary>
public class MoodleXmlSafetyTests
{
    private const string TrueFalse = """
          <question type="truefalse">
            <name><text>ok</text></name>
            <questiontext format="html"><text>Water is wet.</text></questiontext>
            <answer fraction="100"><text>true</text></answer>
            <answer fraction="0"><text>false</text></answer>
          </question>
        """;

    [Fact]
    public void External_entities_are_refused_without_reading_the_file()
    {
        var xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <!DOCTYPE quiz [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>
            <quiz>
              <question type="truefalse">
                <name><text>&xxe;</text></name>
                <questiontext format="html"><text>&xxe;</text></questiontext>
                <answer fraction="100"><text>true</text></answer>
                <answer fraction="0"><text>false</text></answer>
              </question>
            </quiz>
            """;

        var result = Format.Read(xml);

        Assert.Empty(result.Questions);
        var problem = Assert.Single(result.Problems);
        Assert.Equal("xml.dtd_not_allowed", problem.Code);
        Assert.Equal(2, problem.Line);
        Assert.DoesNotContain("root:", problem.Message);
    }

    [Fact]
    public void Billion_laughs_is_refused_at_once()
    {
        var xml = """
            <?xml version="1.0"?>
            <!DOCTYPE lolz [
              <!ENTITY lol "lol">
              <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
              <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
              <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
              <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
              <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
              <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
              <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
              <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
              <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
            ]>
            <quiz><question type="description"><name><text>&lol9;</text></name></question></quiz>
            """;
        var watch = Stopwatch.StartNew();

        var result = Format.Read(xml);

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");
        Assert.Empty(result.Questions);
        Assert.Equal("xml.dtd_not_allowed", Assert.Single(result.Problems).Code);
    }

    [Fact]
    public void Malformed_xml_is_one_problem_at_the_parsers_line()
    {
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<quiz>\n  <question type=\"truefalse\">\n    <name><text>x</name>\n  </question>\n</quiz>";

        var result = Format.Read(xml);

        var problem = Assert.Single(result.Problems);
        Assert.Equal("xml.malformed", problem.Code);
        Assert.Equal(4, problem.Line);
        Assert.Empty(result.Questions);
    }

    [Fact]
    public void Empty_or_non_xml_text_is_a_problem_not_an_exception()
    {
        Assert.Equal("xml.malformed", Assert.Single(Format.Read("").Problems).Code);
        Assert.Equal("xml.malformed", Assert.Single(Format.Read("::question:: {TRUE}").Problems).Code);
    }

    [Fact]
    public void A_file_over_the_size_cap_is_refused_before_parsing()
    {
        var small = new MoodleXmlFormat(maxCharacters: 1000);

        var result = small.Read("<quiz>" + new string(' ', 2000) + "</quiz>");

        Assert.Equal("xml.too_large", Assert.Single(result.Problems).Code);
    }

    [Fact]
    public void A_document_that_is_not_a_quiz_is_refused()
    {
        var result = Format.Read("<?xml version=\"1.0\"?>\n<assessmentItem/>");

        var problem = Assert.Single(result.Problems);
        Assert.Equal("xml.not_moodle_xml", problem.Code);
        Assert.Equal(2, problem.Line);
    }

    [Fact]
    public void A_quiz_without_questions_is_a_problem()
    {
        Assert.Equal("xml.no_questions", Assert.Single(Format.Read("<quiz>\n</quiz>").Problems).Code);
    }

    [Fact]
    public void A_byte_order_mark_and_blank_lines_before_the_declaration_are_allowed_and_counted()
    {
        var result = Format.Read("\uFEFF\n\n<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<quiz>\n" + TrueFalse + "\n</quiz>");

        Assert.Empty(result.Problems);
        Assert.Equal(5, Assert.Single(result.Questions).Line);
    }

    [Fact]
    public void A_bad_question_does_not_stop_the_others()
    {
        var xml = "<quiz>\n" + """
              <question type="calculated"><name><text>calc</text></name></question>
              <question type="multichoice">
                <name><text>third</text></name>
                <questiontext><text>?</text></questiontext>
                <answer fraction="33"><text>a</text></answer>
                <answer fraction="67"><text>b</text></answer>
              </question>
              <question type="truefalse">
                <name><text>bad file</text></name>
                <questiontext><text>?</text><file name="a.png" encoding="base64">!!!not base64!!!</file></questiontext>
              </question>
              <question><name><text>no type</text></name></question>
            """ + TrueFalse + "\n</quiz>";

        var result = Format.Read(xml);

        Assert.Equal("ok", Assert.Single(result.Questions).Content.Name);
        Assert.Equal(
            [(2, "calc", "xml.unsupported_type"), (3, "third", "xml.invalid_fraction"), (9, "bad file", "xml.invalid_file"), (13, "no type", "xml.unsupported_type")],
            result.Problems.Select(p => (p.Line, p.QuestionName!, p.Code)));
        Assert.Contains("\"calculated\"", result.Problems[0].Message);
        Assert.Contains("0.33, 0.67", result.Problems[1].Message);
    }
}
