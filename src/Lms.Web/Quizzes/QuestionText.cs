using System.Net;
using Lms.Domain.Questions;
using Lms.Infrastructure.Markdown;
using Microsoft.Extensions.Caching.Memory;

namespace Lms.Web.Quizzes;

/// <summary>
/// A question's texts (question, feedback, choices) as safe HTML: Markdown through Markdig and the sanitiser, Moodle's
/// HTML through the sanitiser, plain text encoded. <c>@@PLUGINFILE@@/name</c> (Moodle's reference to an embedded file)
/// points at <see cref="FileUrl"/>, served only to people who may see the question. A question version never changes,
/// so each text is rendered once and cached by version and text.
/// </summary>
public sealed class QuestionText(IMarkdownRenderer markdown, IMemoryCache cache)
{
    public const string PluginFile = "@@PLUGINFILE@@/";

    public static string FileUrl(Guid questionId, int version, string name) =>
        $"/QuestionFiles/{questionId}/{version}/{Uri.EscapeDataString(name)}";

    public string Html(Guid questionId, int version, QuestionContent content, string text)
    {
        if (string.IsNullOrWhiteSpace(text)) return "";
        return cache.GetOrCreate((nameof(QuestionText), questionId, version, content.Format, text), entry =>
        {
            entry.SlidingExpiration = TimeSpan.FromHours(1);
            entry.Size = 1 + text.Length / 1024;
            var withFiles = text.Contains(PluginFile, StringComparison.Ordinal)
                ? text.Replace(PluginFile, $"/QuestionFiles/{questionId}/{version}/", StringComparison.Ordinal)
                : text;
            return content.Format switch
            {
                TextFormat.Html => markdown.SanitizeHtml(withFiles),
                TextFormat.Plain => WebUtility.HtmlEncode(withFiles).Replace("\n", "<br>", StringComparison.Ordinal),
                _ => markdown.ToSafeHtml(withFiles),
            };
        })!;
    }

    /// <summary>Short texts (a choice, a matching answer) as one line of safe HTML without the paragraph around it.</summary>
    public string Inline(Guid questionId, int version, QuestionContent content, string text)
    {
        var html = Html(questionId, version, content, text).Trim();
        return html.StartsWith("<p>", StringComparison.Ordinal) && html.EndsWith("</p>", StringComparison.Ordinal)
                                                                 && html.IndexOf("<p>", 3, StringComparison.Ordinal) < 0
            ? html[3..^4]
            : html;
    }
}
