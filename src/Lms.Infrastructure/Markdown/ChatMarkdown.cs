using System.Globalization;
using AngleSharp;
using Ganss.Xss;
using Markdig;

namespace Lms.Infrastructure.Markdown;

/// <summary>
/// The "Markdown-lite" of PLC room messages: **bold**, *italic*, ~~struck~~, `code` and code blocks, links (written or
/// bare addresses), lists, quotes and line breaks as typed. No headings, tables, pictures or raw HTML: a chat line is
/// not a page. Like <see cref="MarkdownRenderer"/>, Markdig's output is never trusted: it goes through an allow-list
/// sanitiser that keeps only the tags below and http(s)/mailto links (no javascript:, data: or other schemes).
/// </summary>
public sealed class ChatMarkdown
{
    private static readonly string[] Tags = ["p", "br", "strong", "em", "del", "code", "pre", "a", "ul", "ol", "li", "blockquote"];
    private readonly MarkdownPipeline pipeline;
    private readonly HtmlSanitizer sanitizer;

    public ChatMarkdown()
    {
        pipeline = new MarkdownPipelineBuilder()
            .DisableHtml()
            .DisableHeadings()
            .UseEmphasisExtras()
            .UseAutoLinks()
            .UseSoftlineBreakAsHardlineBreak()
            .Build();
        sanitizer = new HtmlSanitizer(new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(Tags, StringComparer.OrdinalIgnoreCase),
            AllowedAttributes = new HashSet<string>(["href"], StringComparer.OrdinalIgnoreCase),
            AllowedSchemes = new HashSet<string>(["http", "https", "mailto"], StringComparer.OrdinalIgnoreCase),
            UriAttributes = new HashSet<string>(["href"], StringComparer.OrdinalIgnoreCase),
            AllowedCssProperties = new HashSet<string>(),
            AllowedAtRules = new HashSet<AngleSharp.Css.Dom.CssRuleType>(),
            AllowedClasses = new HashSet<string>(),
            AllowDataAttributes = false,
        }) { KeepChildNodes = true };
        sanitizer.FilterUrl += (_, e) =>
        {
            if (!SafeUrl.IsAllowed(e.SanitizedUrl, SafeUrl.Use.Link) || !SafeUrl.IsAllowed(e.OriginalUrl, SafeUrl.Use.Link)) e.SanitizedUrl = null;
        };
    }

    /// <summary>Sanitised HTML, safe to insert as markup. Links leaving the site open in a new tab without a referrer.</summary>
    public string ToSafeHtml(string text)
    {
        if (string.IsNullOrWhiteSpace(text)) return "";
        // Most chat lines are words and nothing else. Markdig and the sanitiser would return them as one paragraph,
        // unchanged, after ~70 µs and 21 KB of garbage each (a room at 1,000 messages/s: two thirds of the app's
        // allocations). ChatMarkdownTests checks this shortcut against the whole pipeline.
        if (IsPlainLine(text)) return "<p>" + text + "</p>";
        return ThroughMarkdig(text);
    }

    /// <summary>
    /// One line that Markdown leaves as it is and that needs no escaping: it starts with a letter (no list, quote,
    /// heading or code indent), has no trailing space (a hard break), and holds only letters, combining marks (Thai
    /// vowels and tone marks), digits, plain spaces, symbols such as emoji, and punctuation without a meaning in
    /// Markdown-lite or HTML; no link an auto-link would find (":" only outside "://", "mailto:", "tel:"; no "www.").
    /// </summary>
    internal static bool IsPlainLine(string text)
    {
        if (!char.IsLetter(text[0]) || text[^1] == ' ') return false;
        foreach (var c in text)
        {
            switch (char.GetUnicodeCategory(c))
            {
                case UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.OtherLetter
                    or UnicodeCategory.ModifierLetter or UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark
                    or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.OtherSymbol or UnicodeCategory.Surrogate:
                    continue;
            }
            if (c is ' ' or '.' or ',' or '?' or '!' or '(' or ')' or '-' or ';' or ':' or '/' or '%' or '\'') continue;
            return false;
        }
        if (text.Contains(':') && (text.Contains("://", StringComparison.Ordinal)
            || text.Contains("mailto:", StringComparison.OrdinalIgnoreCase) || text.Contains("tel:", StringComparison.OrdinalIgnoreCase)))
            return false;
        return !text.Contains("www.", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The whole pipeline: Markdig, then the allow-list sanitiser.</summary>
    internal string ThroughMarkdig(string text)
    {
        // A picture written as ![x](url) is dropped by the allow-list: pictures come as attachments, checked by content.
        var html = Markdig.Markdown.ToHtml(text, pipeline);
        var document = SanitizerDocument.NewWithBody(html, out var body);
        sanitizer.SanitizeDom(document, body);
        foreach (var a in body.GetElementsByTagName("a").ToList())
        {
            var href = a.GetAttribute("href");
            if (string.IsNullOrEmpty(href))
            {
                // A link whose address was refused stays as its words.
                a.Replace([.. a.ChildNodes]);
                continue;
            }
            if (SafeUrl.IsAbsolute(href))
            {
                a.SetAttribute("rel", "noopener noreferrer nofollow");
                a.SetAttribute("target", "_blank");
            }
        }
        return body.InnerHtml.Trim();
    }
}
