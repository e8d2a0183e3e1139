using System.Text.Json;
using Lms.Domain.Questions;
using Lms.Infrastructure.QuestionFormats;

namespace Lms.Web.Tests.QuestionFormats;

/// <summary>Compares question-file results by their JSON, the way question versions are stored (polymorphic content).</summary>
internal static class GiftAssert
{
    public static string Json(QuestionContent content) => JsonSerializer.Serialize(content);

    /// <summary>One line per question: category, id number, tags and the content's JSON.</summary>
    public static IReadOnlyList<string> Describe(IEnumerable<InterchangeQuestion> questions) =>
        questions.Select(q => string.Join(" | ",
            string.Join("/", q.Category), q.IdNumber ?? "-", string.Join(",", q.Tags), Json(q.Content))).ToList();

    public static void SameQuestions(ImportResult expected, ImportResult actual)
    {
        Assert.Empty(actual.Problems);
        Assert.Equal(Describe(expected.Questions), Describe(actual.Questions));
        Assert.Equal(
            expected.Categories.Select(c => string.Join("/", c.Path)).Order(StringComparer.Ordinal),
            actual.Categories.Select(c => string.Join("/", c.Path)).Order(StringComparer.Ordinal));
    }
}
