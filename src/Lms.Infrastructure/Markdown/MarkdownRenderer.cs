using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Ganss.Xss;
using Markdig;
using System.Globalization;
using System.Text;

namespace Lms.Infrastructure.Markdown;

/// <summary>
/// Markdig for the syntax, then an allow-list sanitiser for safety, then our own code for video.
/// Markdig alone passes <c>javascript:</c> links through (CommonMark has no notion of unsafe addresses), so its
/// output is never trusted: raw HTML is switched off in Markdig, and whatever it emits is still parsed and
/// cut down to the tags, attributes, classes and addresses below. Video players are added only after that,
/// from ids checked against a strict pattern, as inert placeholders that site.js turns into iframes.
/// </summary>
public sealed partial class MarkdownRenderer : IMarkdownRenderer
{
    private static readonly string[] Headings = ["h1", "h2", "h3", "h4", "h5", "h6"];

    /// <summary>Attributes each tag may keep. Everything else (on*, style, target, data-*) goes.</summary>
    private static readonly Dictionary<string, string[]> AttributesByTag = BuildAttributeMap();

    /// <summary>Classes Markdig itself writes and site.css styles; any other class is dropped.</summary>
    private static readonly string[] Classes =
    [
        "footnotes", "footnote-ref", "footnote-back-ref", "contains-task-list", "task-list-item", "figure",
        "align-left", "align-center", "align-right",
    ];

    private const string ExternalRel = "noopener noreferrer nofollow";

    private readonly MarkdownPipeline _pipeline;
    private readonly HtmlSanitizer _sanitizer;

    public MarkdownRenderer()
    {
        // Chosen one by one rather than UseAdvancedExtensions(): that set includes generic attributes
        // ({onclick=…} on any element) and media links (iframes), which course content must not have.
        _pipeline = new MarkdownPipelineBuilder()
            .DisableHtml()
            .UsePipeTables()
            .UseGridTables()
            .UseListExtras()
            .UseTaskLists()
            .UseEmphasisExtras()
            .UseFootnotes()
            .UseAutoLinks()
            .UseFigures()
            .UseDefinitionLists()
            .Use<TaskListMarkExtension>()
            .Build();

        var options = new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(AttributesByTag.Keys, StringComparer.OrdinalIgnoreCase),
            AllowedAttributes = new HashSet<string>(AttributesByTag.Values.SelectMany(a => a), StringComparer.OrdinalIgnoreCase),
            AllowedClasses = new HashSet<string>(Classes, StringComparer.Ordinal),
            AllowedSchemes = new HashSet<string>(["http", "https", "mailto"], StringComparer.OrdinalIgnoreCase),
            UriAttributes = new HashSet<string>(["href", "src", "action", "formaction", "background", "cite", "poster", "xlink:href"], StringComparer.OrdinalIgnoreCase),
            AllowedCssProperties = new HashSet<string>(),
            AllowedAtRules = new HashSet<AngleSharp.Css.Dom.CssRuleType>(),
            AllowDataAttributes = false,
        };
        _sanitizer = new HtmlSanitizer(options) { KeepChildNodes = false };
        _sanitizer.FilterUrl += (_, e) =>
        {
            var use = e.Tag.LocalName == "img" ? SafeUrl.Use.Image : SafeUrl.Use.Link;
            if (!SafeUrl.IsAllowed(e.SanitizedUrl, use) || !SafeUrl.IsAllowed(e.OriginalUrl, use)) e.SanitizedUrl = null;
        };
    }

    public string ToSafeHtml(string markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown)) return "";

        var html = Markdig.Markdown.ToHtml(markdown, _pipeline);

        var document = SanitizerDocument.NewWithBody(html, out var body);

        NameHeadings(body);
        KeepOnlyListedAttributes(body);
        _sanitizer.SanitizeDom(document, body);

        // From here on the DOM is trusted: what is added below is built from validated values.
        EmbedVideoLinks(document, body);
        PlayUploadedVideos(document, body);
        MarkLinksAndImages(body);

        using var writer = new StringWriter();
        foreach (var node in body.ChildNodes) node.ToHtml(writer, HtmlFormatter.Instance);
        return writer.ToString();
    }

    /// <summary>
    /// HTML from elsewhere (questions imported from Moodle) cut down by the same allow-list as rendered Markdown:
    /// no script, no event attributes, no javascript:/data: addresses, no styles. Video placeholders are not made.
    /// </summary>
    public string SanitizeHtml(string html)
    {
        if (string.IsNullOrWhiteSpace(html)) return "";
        var document = SanitizerDocument.NewWithBody(html, out var body);
        KeepPresentationalText(document, body);
        KeepOnlyListedAttributes(body);
        _sanitizer.SanitizeDom(document, body);
        MarkLinksAndImages(body);
        using var writer = new StringWriter();
        foreach (var node in body.ChildNodes) node.ToHtml(writer, HtmlFormatter.Instance);
        return writer.ToString();
    }

    /// <summary>
    /// Heading ids for links within a lesson (<c>[ดูหัวข้อ](#การวัดผล)</c>), made here rather than by Markdig's
    /// auto-identifiers: those drop Thai entirely (ASCII mode) or drop the vowel and tone marks (GitHub mode),
    /// which leaves ids no designer can guess. Letters, marks and digits of any script stay; spaces become '-'.
    /// </summary>
    private static void NameHeadings(IElement root)
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var heading in root.QuerySelectorAll(string.Join(',', Headings)))
        {
            var slug = Slug(heading.TextContent);
            var id = slug;
            for (var n = 1; !used.Add(id); n++) id = slug + "-" + n.ToString(CultureInfo.InvariantCulture);
            heading.SetAttribute("id", id);
        }
    }

    internal static string Slug(string text)
    {
        var slug = new StringBuilder(text.Length);
        foreach (var c in text.Trim().ToLowerInvariant())
        {
            if (char.IsWhiteSpace(c) || c == '-')
            {
                if (slug.Length > 0 && slug[^1] != '-') slug.Append('-');
                continue;
            }
            var keep = c == '_' || char.GetUnicodeCategory(c) is UnicodeCategory.LowercaseLetter or UnicodeCategory.UppercaseLetter
                or UnicodeCategory.OtherLetter or UnicodeCategory.ModifierLetter or UnicodeCategory.NonSpacingMark
                or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.DecimalDigitNumber;
            if (keep) slug.Append(c);
            if (slug.Length >= 80) break;
        }
        var id = slug.ToString().Trim('-');
        return id.Length == 0 ? "section" : id;
    }

    /// <summary>
    /// Per-tag allow-list before the sanitiser's global one (which cannot say "id only on headings"). Pipe-table
    /// alignment arrives as an inline style, which the CSP would block anyway; it is kept as a class.
    /// </summary>
    private static void KeepOnlyListedAttributes(IElement root)
    {
        foreach (var element in root.QuerySelectorAll("*").ToList())
        {
            if (element.LocalName is "th" or "td" && element.GetAttribute("style") is { } style
                && TextAlign().Match(style) is { Success: true } align)
                element.ClassList.Add("align-" + align.Groups[1].Value);

            var allowed = AttributesByTag.GetValueOrDefault(element.LocalName) ?? [];
            foreach (var attribute in element.Attributes.ToList())
            {
                var keep = allowed.Contains(attribute.Name, StringComparer.OrdinalIgnoreCase) && attribute.Name switch
                {
                    "width" or "height" or "start" or "colspan" or "rowspan" => SmallNumber().IsMatch(attribute.Value),
                    "type" => attribute.Value is "1" or "a" or "A" or "i" or "I",
                    _ => true,
                };
                if (!keep) element.RemoveAttribute(attribute.Name);
            }
        }
    }

    /// <summary>
    /// A paragraph holding only a bare YouTube/Vimeo address (autolinked by Markdig, so link text = address)
    /// becomes a placeholder. A written link (<c>[watch](https://youtu.be/…)</c>) stays a link.
    /// </summary>
    private static void EmbedVideoLinks(IHtmlDocument document, IElement root)
    {
        foreach (var paragraph in root.QuerySelectorAll("p").ToList())
        {
            if (paragraph.ChildElementCount != 1 || paragraph.FirstElementChild is not IHtmlAnchorElement link) continue;
            if (paragraph.ChildNodes.Any(n => n is not IElement && !string.IsNullOrWhiteSpace(n.TextContent))) continue;
            var href = link.GetAttribute("href");
            if (href is null || link.TextContent.Trim() != href) continue;
            if (VideoLink.TryParse(href) is not { } video) continue;

            var placeholder = document.CreateElement("div");
            placeholder.ClassList.Add("video-embed");
            placeholder.SetAttribute("data-provider", video.Provider);
            placeholder.SetAttribute("data-video-id", video.Id);
            if (video.Hash is not null) placeholder.SetAttribute("data-video-hash", video.Hash);
            var watch = document.CreateElement("a");
            watch.SetAttribute("href", video.WatchUrl);
            watch.TextContent = video.WatchUrl;
            placeholder.AppendChild(watch);
            paragraph.Replace(placeholder);
        }
    }

    /// <summary>
    /// <c>![caption](/files/lesson.mp4)</c>: an uploaded video served by this site plays in a
    /// <c>&lt;video&gt;</c> (media-src 'self'). Video files elsewhere become a plain link, not a broken image.
    /// </summary>
    private static void PlayUploadedVideos(IHtmlDocument document, IElement root)
    {
        foreach (var image in root.QuerySelectorAll("img[src]").ToList())
        {
            var src = image.GetAttribute("src")!;
            if (!IsVideoFile(src)) continue;
            var caption = image.GetAttribute("alt") ?? "";

            var link = document.CreateElement("a");
            link.SetAttribute("href", src);
            link.TextContent = caption.Length > 0 ? caption : src;
            if (!SafeUrl.IsSitePath(src))
            {
                image.Replace(link);
                continue;
            }

            var video = document.CreateElement("video");
            video.SetAttribute("controls", "");
            video.SetAttribute("preload", "metadata");
            video.SetAttribute("src", src);
            if (caption.Length > 0) video.SetAttribute("aria-label", caption);
            video.AppendChild(link); // shown only by browsers that cannot play video
            image.Replace(video);
        }
    }

    private static bool IsVideoFile(string src)
    {
        var path = src.Split('?', '#')[0];
        return path.EndsWith(".mp4", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".webm", StringComparison.OrdinalIgnoreCase);
    }

    private static void MarkLinksAndImages(IElement root)
    {
        foreach (var link in root.QuerySelectorAll("a[href]"))
            if (SafeUrl.IsAbsolute(link.GetAttribute("href")!)) link.SetAttribute("rel", ExternalRel);
        foreach (var image in root.QuerySelectorAll("img"))
            image.SetAttribute("loading", "lazy");
    }

    private static Dictionary<string, string[]> BuildAttributeMap()
    {
        var map = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase)
        {
            ["a"] = ["href", "title", "id", "class"], // id and class: footnote references and back-links
            ["img"] = ["src", "alt", "title", "width", "height"],
            ["p"] = [], ["br"] = [], ["hr"] = [], ["blockquote"] = [],
            ["ul"] = ["class"], ["ol"] = ["start", "type", "class"], ["li"] = ["id", "class"],
            ["dl"] = [], ["dt"] = [], ["dd"] = [],
            ["table"] = [], ["caption"] = [], ["colgroup"] = [], ["col"] = [],
            ["thead"] = [], ["tbody"] = [], ["tfoot"] = [], ["tr"] = [],
            ["th"] = ["colspan", "rowspan", "class"], ["td"] = ["colspan", "rowspan", "class"],
            ["code"] = [], ["pre"] = [], ["kbd"] = [],
            ["em"] = [], ["strong"] = [], ["del"] = [], ["ins"] = [], ["mark"] = [], ["sup"] = [], ["sub"] = [],
            ["figure"] = ["class"], ["figcaption"] = [], ["details"] = [], ["summary"] = [],
            ["div"] = ["class"], // the footnotes block
        };
        foreach (var h in Headings) map[h] = ["id"];
        return map;
    }

    /// <summary>
    /// Moodle's editors write &lt;b&gt;, &lt;i&gt;, &lt;span&gt;, &lt;font&gt;…, which the allow-list does not know: the
    /// sanitiser would drop them with their text ("Match the &lt;b&gt;activity&lt;/b&gt;" would lose its key word). Bold,
    /// italic and struck-out text become their allowed equivalents; the others give way to their content.
    /// </summary>
    private static void KeepPresentationalText(IDocument document, IElement root)
    {
        foreach (var element in root.QuerySelectorAll("b, i, s, strike, u, span, font, center, big, small, tt").ToList())
        {
            var equivalent = element.LocalName switch { "b" => "strong", "i" => "em", "s" or "strike" => "del", _ => null };
            var parent = element.Parent;
            if (parent is null) continue;
            if (equivalent is null)
            {
                while (element.FirstChild is { } child) parent.InsertBefore(child, element);
                parent.RemoveChild(element);
            }
            else
            {
                var replacement = document.CreateElement(equivalent);
                while (element.FirstChild is { } child) replacement.AppendChild(child);
                parent.ReplaceChild(replacement, element);
            }
        }
    }

    [GeneratedRegex(@"\A\s*text-align:\s*(left|center|right);?\s*\z")]
    private static partial Regex TextAlign();

    [GeneratedRegex(@"\A[0-9]{1,4}\z")]
    private static partial Regex SmallNumber();
}
