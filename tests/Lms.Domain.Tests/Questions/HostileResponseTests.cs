using Lms.Domain.Questions;

namespace Lms.Domain.Tests.Questions;

/// <summary>A response comes from a browser: whatever it holds, grading answers with a grade, never an exception.</summary>
public sealed class HostileResponseTests
{
    private static readonly string[] Keys = ["answer", "unit", "order", "sub0", "sub1", "sub3", "gap1", "gap2", "gap3", "x", "", "gap-1"];

    private static readonly string[] Values =
    [
        "0", "1", "-1", "2147483647", "-2147483648", "99999999999999999999999999999999", "0,1,2,3", "3,2,1,0,0,0",
        ",,,,", "1e999", "NaN", "Infinity", "true", "false", "*", "\\*", "\0", "\u200B", "ก\u0E48\u0E48\u0E48",
        "<script>alert(1)</script>", "' OR 1=1 --", "ไม่ทราบ", "\uD800", "\uDC00ก", "\uFFFF\uFFFE", "1,000.5 ซม.", "๑๒", "0x10", "1/2",
        new string('9', 100_000), string.Join(',', Enumerable.Range(-5, 50_000)), new string('*', 10_000),
        string.Concat(Enumerable.Repeat("ก*", 5_000)),
    ];

    [Theory]
    [MemberData(nameof(SampleQuestions.Each), MemberType = typeof(SampleQuestions))]
    public void Random_keys_and_values_always_grade_within_zero_and_one(QuestionContent question)
    {
        var rng = new Random(2569);
        for (var round = 0; round < 300; round++)
        {
            var values = new Dictionary<string, string>();
            for (var n = rng.Next(0, 5); n > 0; n--)
                values[Keys[rng.Next(Keys.Length)]] = Values[rng.Next(Values.Length)];
            var g = QuestionGrading.Grade(question, new Response(values));
            Assert.InRange(g.Fraction, 0m, 1m);
            Assert.NotNull(g.Feedback);
            Assert.All(g.Feedback, f => Assert.False(string.IsNullOrWhiteSpace(f)));
        }
    }

    [Theory]
    [MemberData(nameof(SampleQuestions.Each), MemberType = typeof(SampleQuestions))]
    public void Every_single_hostile_value_under_every_key_grades(QuestionContent question)
    {
        foreach (var key in Keys)
            foreach (var value in Values)
            {
                var g = QuestionGrading.Grade(question, Response.Of((key, value)));
                Assert.InRange(g.Fraction, 0m, 1m);
            }
    }

    [Fact]
    public void A_null_response_is_an_empty_one()
    {
        Assert.Equal(GradeState.NotAnswered, QuestionGrading.Grade(SampleQuestions.Capital, null!).State);
    }
}
