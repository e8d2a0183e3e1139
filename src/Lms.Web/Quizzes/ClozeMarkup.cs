using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Lms.Domain.Questions;

namespace Lms.Web.Quizzes;

/// <summary>
/// A cloze question's text with its gaps (<c>{#1}</c>, <c>{#2}</c>…) turned into inputs: a text box for short-answer
/// and numerical gaps, a drop-down or radio buttons for multiple choice, check boxes for multiple response. The text
/// is sanitised first; what is put in is built here from encoded values only.
/// </summary>
public static partial class ClozeMarkup
{
    [GeneratedRegex(@"\{#(\d{1,3})\}")]
    private static partial Regex Gap();

    public static string Render(SlotView v, ClozeQuestion q)
    {
        var html = v.Html(q.Text);
        return Gap().Replace(html, m =>
        {
            var n = int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            return n >= 1 && n <= q.Gaps.Count ? Input(v, q.Gaps[n - 1], n) : m.Value;
        });
    }

    private static string Input(SlotView v, ClozeGap gap, int n)
    {
        var key = $"gap{n}";
        var name = WebUtility.HtmlEncode(v.Field(key));
        var value = v.Value(key) ?? "";
        var disabled = v.Review ? " disabled" : "";
        var label = WebUtility.HtmlEncode($"ช่องว่าง {n}");
        var sb = new StringBuilder();
        switch (gap.Kind)
        {
            case ClozeKind.MultipleChoice when gap.Layout == ClozeLayout.Dropdown:
                sb.Append($"<select class=\"cloze-gap\" name=\"{name}\" aria-label=\"{label}\"{disabled}><option value=\"\"></option>");
                foreach (var i in Order(v, gap, n))
                    sb.Append($"<option value=\"{i}\"{(value == i.ToString() ? " selected" : "")}>{WebUtility.HtmlEncode(Strip(gap.Choices[i].Text))}</option>");
                sb.Append("</select>");
                break;
            case ClozeKind.MultipleChoice or ClozeKind.MultipleResponse:
                var multi = gap.Kind == ClozeKind.MultipleResponse;
                var chosen = value.Split(',', StringSplitOptions.RemoveEmptyEntries).ToHashSet();
                var tag = gap.Layout == ClozeLayout.Horizontal ? "span" : "div";
                sb.Append($"<{tag} class=\"cloze-choices\" role=\"group\" aria-label=\"{label}\">");
                foreach (var i in Order(v, gap, n))
                    sb.Append($"<label class=\"checkbox\"><input type=\"{(multi ? "checkbox" : "radio")}\" name=\"{name}\" value=\"{i}\"{(chosen.Contains(i.ToString()) ? " checked" : "")}{disabled}> {v.Inline(gap.Choices[i].Text)}</label> ");
                sb.Append($"</{tag}>");
                break;
            default:
                var size = Math.Clamp(gap.Choices.Concat(gap.Numbers.Select(x => new Choice(x.Value?.ToString() ?? "", 0))).Max(c => (int?)c.Text.Length) ?? 8, 6, 40);
                sb.Append($"<input class=\"cloze-gap\" type=\"text\" name=\"{name}\" value=\"{WebUtility.HtmlEncode(value)}\" size=\"{size}\" aria-label=\"{label}\" autocomplete=\"off\"{disabled}>");
                break;
        }
        return sb.ToString();
    }

    private static IReadOnlyList<int> Order(SlotView v, ClozeGap gap, int n) => v.Question.Layout.ShownGapChoices(n - 1, gap.Choices.Count);

    /// <summary>Choices inside a drop-down can hold no markup: their text only.</summary>
    private static string Strip(string text) => TagPattern().Replace(text, "").Trim();

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex TagPattern();
}
