using System.Text.Encodings.Web;
using System.Text.Json;
using Lms.Domain.Questions;

namespace Lms.Domain.Tests.Questions;

/// <summary>Question versions are stored as JSON: what comes back must grade exactly as what went in.</summary>
public sealed class QuestionJsonTests
{
    public static TheoryData<string> OptionNames => ["default", "web", "web-relaxed"];

    private static JsonSerializerOptions Options(string name) => name switch
    {
        "web" => new(JsonSerializerDefaults.Web),
        "web-relaxed" => new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping },
        _ => new(),
    };

    /// <summary>Right, partly right, wrong and odd responses for every type.</summary>
    private static IEnumerable<Response> Responses()
    {
        string[] keys = ["answer", "unit", "order", "sub0", "sub1", "sub2", "sub3", "gap1", "gap2", "gap3"];
        string[] values =
        [
            "0", "1", "2", "3", "0,1", "1,0", "0,1,2,3", "3,2,1,0", "1,0,2,3", "true", "false", "12", "11", "2.5", "250 ซม.",
            "2.8", "2.5 ฟุต", "พ่อขุนรามคำแหงมหาราช", "ขุนรามคำแหง", "สพม.สุโขทัย", "สิ่งที่ได้เรียนรู้: มาก", "cm", "ซม.",
        ];
        yield return Response.Empty;
        var rng = new Random(2567);
        for (var i = 0; i < 400; i++)
        {
            var d = new Dictionary<string, string>();
            for (var n = rng.Next(1, 6); n > 0; n--) d[keys[rng.Next(keys.Length)]] = values[rng.Next(values.Length)];
            yield return new Response(d);
        }
    }

    [Theory]
    [MemberData(nameof(OptionNames))]
    public void Every_type_round_trips_and_grades_the_same(string optionsName)
    {
        var options = Options(optionsName);
        foreach (var original in SampleQuestions.All)
        {
            var json = JsonSerializer.Serialize<QuestionContent>(original, options);
            var back = JsonSerializer.Deserialize<QuestionContent>(json, options)!;

            Assert.Equal(original.GetType(), back.GetType());
            Assert.Equal(json, JsonSerializer.Serialize(back, options));
            foreach (var response in Responses())
            {
                var a = QuestionGrading.Grade(original, response);
                var b = QuestionGrading.Grade(back, response);
                Assert.Equal(a.Fraction, b.Fraction);
                Assert.Equal(a.State, b.State);
                Assert.Equal(a.Feedback, b.Feedback);
            }
            Assert.Equal(QuestionRightAnswer.Describe(original), QuestionRightAnswer.Describe(back));
            Assert.Equal(QuestionValidation.Problems(original), QuestionValidation.Problems(back));
        }
    }

    [Fact]
    public void The_type_discriminator_comes_first_and_is_Moodles_name()
    {
        var expected = new Dictionary<Type, string>
        {
            [typeof(MultipleChoiceQuestion)] = "multichoice", [typeof(TrueFalseQuestion)] = "truefalse",
            [typeof(ShortAnswerQuestion)] = "shortanswer", [typeof(NumericalQuestion)] = "numerical",
            [typeof(MatchingQuestion)] = "matching", [typeof(OrderingQuestion)] = "ordering",
            [typeof(ClozeQuestion)] = "cloze", [typeof(EssayQuestion)] = "essay", [typeof(DescriptionQuestion)] = "description",
        };
        foreach (var q in SampleQuestions.All)
            Assert.StartsWith($"{{\"type\":\"{expected[q.GetType()]}\"", JsonSerializer.Serialize(q));
    }

    [Fact]
    public void Computed_members_are_not_stored()
    {
        var json = JsonSerializer.Serialize<QuestionContent>(SampleQuestions.Regions);
        Assert.DoesNotContain("DistinctAnswers", json);
        Assert.DoesNotContain("Prompts", json);
        Assert.DoesNotContain("NeedsManualGrading", json);
        foreach (var q in SampleQuestions.All)
        {
            var stored = JsonSerializer.Serialize(q);
            Assert.DoesNotContain("\"Type\"", stored);
            Assert.DoesNotContain("NeedsManualGrading", stored);
            Assert.DoesNotContain("IsGraded", stored);
        }
    }
}
