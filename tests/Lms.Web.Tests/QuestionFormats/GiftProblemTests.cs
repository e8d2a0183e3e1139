using System.Text;
using Lms.Domain.Questions;
using Lms.Infrastructure.QuestionFormats;
using C = Lms.Infrastructure.QuestionFormats.GiftProblemCodes;

namespace Lms.Web.Tests.QuestionFormats;

/// <summary>Questions GIFT (and Moodle) refuse, with the line they start on; and input that must never make the reader throw.</summary>
public class GiftProblemTests
{
    private static readonly GiftFormat Gift = new();

    [Fact]
    public void Bad_questions_are_reported_at_their_first_line_and_the_others_are_read()
    {
        const string text = """
            ::Good:: This one is fine {T}

            // a comment before the broken one
            ::Unclosed:: Which is right? {
            =yes
            ~no

            ::Next:: Still read {F}

            ::Thirds::Pick two.{~%33%a ~%33%b ~%34%c}

            ::Split:: A blank line inside the braces {
            =a

            ~b
            }
            """;
        var result = Gift.Read(text);
        Assert.Equal(["Good", "Next"], result.Questions.Select(q => q.Content.Name));
        Assert.Equal([1, 8], result.Questions.Select(q => q.Line));
        Assert.Equal(
            [(4, C.UnclosedBrace), (10, C.InvalidFraction), (12, C.UnclosedBrace), (15, C.UnopenedBrace)],
            result.Problems.Select(p => (p.Line, p.Code)));
        Assert.Equal(["Unclosed", "Thirds", "Split"], result.Problems.Take(3).Select(p => p.QuestionName));
        Assert.Contains("33 %, 34 %", result.Problems[1].Message);
        Assert.All(result.Problems, p => Assert.False(string.IsNullOrWhiteSpace(p.Message)));
    }

    [Fact]
    public void Lines_count_in_CRLF_files_with_a_byte_order_mark()
    {
        var result = Gift.Read("\uFEFF// ข้อสอบ\r\n::ดี::ข้อนี้ถูก{T}\r\n\r\n::เสีย::ข้อนี้ {\r\n=ก\r\n");
        Assert.Equal(2, Assert.Single(result.Questions).Line);
        var problem = Assert.Single(result.Problems);
        Assert.Equal((4, "เสีย", C.UnclosedBrace), (problem.Line, problem.QuestionName, problem.Code));
    }

    [Theory]
    [InlineData("Q?{~a}", C.NoAnswers)]
    [InlineData("Q?{=a ~}", C.NoAnswers)]
    [InlineData("Q?{=}", C.NoAnswers)]
    [InlineData("Q?{#}", C.NoAnswers)]
    [InlineData("Q?{#abc}", C.NumericalInvalid)]
    [InlineData("Q?{#1..x}", C.NumericalInvalid)]
    [InlineData("Q?{#1:x}", C.NumericalInvalid)]
    [InlineData("Q?{#=1 =๒}", C.NumericalInvalid)]
    [InlineData("Q?{#1e999}", C.NumericalInvalid)]
    [InlineData("Q?{=a -> b =c}", C.MatchingFormat)]
    [InlineData("Q?{=a -> b}", C.MatchingTooFew)]
    [InlineData("Q?{= -> a = -> b}", C.MatchingTooFew)]
    [InlineData("Q?{~a ~b}", C.FractionsSum)]
    [InlineData("Q?{~%50%a ~b}", C.FractionsSum)]
    [InlineData("Q?{= ~a ~b}", C.NoFullMarks)]
    [InlineData("Q?{=%--50%a =b}", C.InvalidFraction)]
    [InlineData("Q?{~%1000%a =b}", C.InvalidFraction)]
    [InlineData("Q?{=a ~%-33%b}", C.InvalidFraction)]
    [InlineData("Q?{#=%33%5}", C.InvalidFraction)]
    [InlineData("Q?{=%12%x}", C.InvalidFraction)]
    [InlineData("Q? }", C.UnopenedBrace)]
    [InlineData("Q? } {=a}", C.UnopenedBrace)]
    [InlineData("Q? {=a", C.UnclosedBrace)]
    public void Refused_questions(string gift, string code)
    {
        var result = Gift.Read("\n\n" + gift);
        Assert.Empty(result.Questions);
        var problem = Assert.Single(result.Problems);
        Assert.Equal((3, code), (problem.Line, problem.Code));
        Assert.Equal("Q?", problem.QuestionName![..2]);
    }

    [Fact]
    public void Null_text_reads_as_empty()
    {
        var result = Gift.Read(null!);
        Assert.Empty(result.Questions);
        Assert.Empty(result.Problems);
    }

    [Fact]
    public void Huge_file_reads_every_question()
    {
        var sb = new StringBuilder();
        for (var i = 0; i < 20_000; i++)
            sb.Append("// question ").Append(i).Append("\n::ข้อ ").Append(i).Append("::ข้อใดถูก {\n=ก#ใช่\n~ข\n~%-50%ค\n}\n\n");
        var result = Gift.Read(sb.ToString());
        Assert.Empty(result.Problems);
        Assert.Equal(20_000, result.Questions.Count);
        Assert.Equal(139_995, result.Questions[^1].Line);
        Assert.Equal("ข้อ 19999", result.Questions[^1].Content.Name);
    }

    [Fact]
    public void Pathological_lines_never_throw()
    {
        string[] hostile =
        [
            new string('{', 200_000) + new string('}', 200_000),
            string.Concat(Enumerable.Repeat("{}", 200_000)),
            string.Concat(Enumerable.Repeat("}{", 200_000)),
            "Q{" + string.Concat(Enumerable.Repeat("~a", 200_000)) + "}",
            "Q{" + string.Concat(Enumerable.Repeat("=a->", 200_000)) + "}",
            "Q{#" + string.Concat(Enumerable.Repeat("=..", 200_000)) + "}",
            "Q{~%" + new string('9', 200_000) + "%a ~b}",
            "Q{#" + new string('1', 200_000) + "}",
            string.Concat(Enumerable.Repeat("<a", 200_000)) + "{}",
            "// " + string.Concat(Enumerable.Repeat("[id:[tag:", 100_000)) + "\nQ{}",
            string.Concat(Enumerable.Repeat("::", 200_000)),
            string.Concat(Enumerable.Repeat("\\", 200_001)) + "{}",
            "$CATEGORY: " + string.Concat(Enumerable.Repeat("a/", 200_000)),
            "$CATEGORY:",
            "[", "]", "::", "::::", "::a::", "{", "}", "{}", "{#}", "{#..}", "{#:}", "{=}", "{~}", "{->}", "{=->}", "{####}",
            "%%%", "{~%%}", "{~%-%}", "\0", "\uFDD0\uFDD1{\uFDD4}", "\uD800{}", "{\uDC00}", "\u00A0{T}\u00A0",
        ];
        foreach (var text in hostile)
        {
            var result = Gift.Read(text);
            Assert.All(result.Problems, p => Assert.True(p.Line >= 1));
            Assert.DoesNotContain(result.Problems, p => p.Code == C.Unreadable);
            Gift.Write(result.Categories, result.Questions);
        }
    }

    [Fact]
    public void Random_files_never_throw_and_every_problem_is_located()
    {
        var codes = typeof(GiftProblemCodes).GetFields().Select(f => (string)f.GetValue(null)!).ToHashSet();
        var random = new Random(7);
        for (var i = 0; i < 3000; i++)
        {
            var text = GiftFuzz.File(random);
            var lines = text.Split('\n').Length;
            var result = Gift.Read(text);
            foreach (var problem in result.Problems)
            {
                Assert.InRange(problem.Line, 1, lines);
                Assert.Contains(problem.Code, codes);
                Assert.NotEqual(C.Unreadable, problem.Code);
            }
            Assert.All(result.Questions, q => Assert.InRange(q.Line, 1, lines));
            Assert.All(result.Questions, q => Assert.False(string.IsNullOrEmpty(q.Content.Name)));
            Assert.All(result.Questions.Select(q => q.Content).OfType<MultipleChoiceQuestion>(),
                mc => Assert.All(mc.Choices, c => Assert.True(MoodleGrades.IsAllowed(c.Fraction))));
        }
    }
}
