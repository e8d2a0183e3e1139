using Lms.Domain.Questions;
using Microsoft.AspNetCore.Http;

namespace Lms.Web.Quizzes;

/// <summary>
/// How answers travel in forms: the field for key <c>answer</c> of slot 3 is named <c>q3.answer</c>. Several values under
/// one name (ticked check boxes) are joined with commas, as <see cref="Response"/> expects for several choices.
/// </summary>
public static class AnswerForm
{
    public static string Field(int slot, string key) => $"q{slot}.{key}";

    /// <summary>A hidden field every shown question carries, so a question whose answer was cleared is still saved (empty).</summary>
    public static string ShownMarker(int slot) => $"q{slot}._shown";

    /// <summary>The response to slot <paramref name="slot"/> in a posted form (only its own fields).</summary>
    public static Response Read(IFormCollection form, int slot)
    {
        var prefix = $"q{slot}.";
        var values = new Dictionary<string, string>();
        foreach (var (name, value) in form)
        {
            if (!name.StartsWith(prefix, StringComparison.Ordinal)) continue;
            var key = name[prefix.Length..];
            if (key.StartsWith('_')) continue; // markers such as "_shown", not answers
            var joined = string.Join(',', value.Where(v => !string.IsNullOrEmpty(v)).Select(v => v!));
            values[key] = joined;
        }
        return new Response(values);
    }

    /// <summary>Slots that have fields in the form (a page's questions).</summary>
    public static IEnumerable<int> Slots(IFormCollection form) =>
        form.Keys.Select(k => k.Length > 2 && k[0] == 'q' && k.IndexOf('.') is var dot and > 1
                && int.TryParse(k.AsSpan(1, dot - 1), out var n) ? n : 0)
            .Where(n => n > 0).Distinct();
}
