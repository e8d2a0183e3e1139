using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Lms.Web.Tests.Markdown;

/// <summary>
/// Judges rendered course content the way a browser would see it: parsed as HTML (entities decoded, the
/// tree rebuilt as browsers rebuild it), not by searching the string. Parsed twice, so markup that only
/// turns dangerous after one round of serialisation (mutation XSS) is caught too.
/// </summary>
internal static partial class SafeHtml
{
    /// <summary>Elements course content must never contain, whatever their attributes.</summary>
    public static readonly string[] DeniedElements =
    [
        "script", "style", "iframe", "frame", "frameset", "object", "embed", "applet", "param", "form", "input",
        "button", "textarea", "select", "option", "svg", "math", "meta", "base", "link", "noscript", "template",
        "xmp", "plaintext", "noembed", "noframes", "marquee", "audio", "source", "track", "portal", "dialog",
        "title", "head", "html", "body",
    ];

    /// <summary>Everything the renderer may emit: what the sanitiser keeps plus the video markup it adds itself.</summary>
    private static readonly HashSet<string> AllowedElements =
    [
        "p", "h1", "h2", "h3", "h4", "h5", "h6", "a", "img", "br", "hr", "blockquote", "ul", "ol", "li", "dl", "dt", "dd",
        "table", "caption", "colgroup", "col", "thead", "tbody", "tfoot", "tr", "th", "td", "code", "pre", "kbd",
        "em", "strong", "del", "ins", "mark", "sup", "sub", "figure", "figcaption", "details", "summary", "div", "video",
    ];

    private static readonly HashSet<string> AllowedAttributes =
    [
        "href", "title", "id", "class", "src", "alt", "width", "height", "start", "type", "colspan", "rowspan",
        "rel", "loading", "controls", "preload", "aria-label", "data-provider", "data-video-id", "data-video-hash",
    ];

    private static readonly string[] UrlAttributes =
        ["href", "src", "action", "formaction", "poster", "background", "cite", "xlink:href", "data", "srcset", "ping"];

    public static void AssertSafe(string html)
    {
        var first = Parse(html);
        AssertSafe(first, html);
        var reserialised = first.QuerySelector("#content")!.InnerHtml;
        AssertSafe(Parse(reserialised), reserialised);
    }

    private static IElement Parse(string html)
    {
        var document = new HtmlParser().ParseDocument(
            "<!DOCTYPE html><html><head></head><body><div id=\"content\" class=\"prose\">" + html + "</div></body></html>");
        return document.DocumentElement;
    }

    private static void AssertSafe(IElement root, string html)
    {
        // The whole document: a <meta> or <base> would be hoisted into <head>, outside the content div.
        var document = root.Owner!;
        Assert.Empty(document.Head!.Children);
        Assert.Equal(["content"], document.Body!.Children.Select(c => c.Id));

        var content = document.GetElementById("content")!;
        foreach (var element in content.QuerySelectorAll("*"))
        {
            var name = element.LocalName;
            Assert.False(DeniedElements.Contains(name), $"<{name}> in: {html}");
            Assert.True(AllowedElements.Contains(name), $"unexpected <{name}> in: {html}");
            Assert.Equal(AngleSharp.Dom.NamespaceNames.HtmlUri, element.NamespaceUri);

            foreach (var attribute in element.Attributes)
            {
                var attr = attribute.Name.ToLowerInvariant();
                Assert.False(attr.StartsWith("on", StringComparison.Ordinal), $"{attr} on <{name}> in: {html}");
                Assert.False(attr is "style" or "target" or "srcdoc" or "http-equiv" or "formaction" or "srcset",
                    $"{attr} on <{name}> in: {html}");
                Assert.True(AllowedAttributes.Contains(attr), $"unexpected {attr} on <{name}> in: {html}");
                if (attr.StartsWith("data-", StringComparison.Ordinal))
                    Assert.True(name == "div" && element.ClassList.Contains("video-embed"), $"{attr} on <{name}> in: {html}");
                if (UrlAttributes.Contains(attr))
                    AssertSafeUrl(attribute.Value, allowMailto: attr == "href", $"{attr} on <{name}> in: {html}");
            }

            if (name == "video") AssertSitePath(element.GetAttribute("src"), html);
            if (name == "div" && element.ClassList.Contains("video-embed")) AssertVideoPlaceholder(element, html);
            if (name == "a" && element.GetAttribute("href") is { } href && Scheme(href) is not null)
                Assert.Equal("noopener noreferrer nofollow", element.GetAttribute("rel"));
        }
    }

    /// <summary>
    /// The value as a browser would use it: entities are already decoded by the parser; browsers drop tabs,
    /// newlines and leading control/space characters before reading the scheme, and compare it case-blind.
    /// </summary>
    public static string Normalise(string value)
    {
        var s = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (c <= ' ' || char.IsControl(c) || char.IsWhiteSpace(c)) continue;
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format) continue;
            s.Append(c);
        }
        return s.ToString().ToLowerInvariant();
    }

    public static string? Scheme(string value) => SchemePattern().Match(Normalise(value)) is { Success: true } m ? m.Groups[1].Value : null;

    private static void AssertSafeUrl(string value, bool allowMailto, string where)
    {
        var normalised = Normalise(value);
        var scheme = Scheme(value);
        Assert.True(scheme is null or "http" or "https" || (allowMailto && scheme == "mailto"), $"scheme {scheme}: {where}");
        Assert.False(normalised.StartsWith("//", StringComparison.Ordinal) || normalised.StartsWith("/\\", StringComparison.Ordinal)
            || normalised.StartsWith("\\", StringComparison.Ordinal), $"another host: {where}");
        // Nothing that could be a scheme hiding behind a character the browser ignores.
        foreach (var bad in new[] { "javascript:", "vbscript:", "data:", "livescript:", "file:" })
            Assert.False(normalised.StartsWith(bad, StringComparison.Ordinal), $"{bad} {where}");
    }

    private static void AssertSitePath(string? src, string html) =>
        Assert.True(src is not null && Regex.IsMatch(src, @"\A/[^/\\]") && Scheme(src) is null, $"video src {src} in: {html}");

    private static void AssertVideoPlaceholder(IElement element, string html)
    {
        var provider = element.GetAttribute("data-provider");
        var id = element.GetAttribute("data-video-id") ?? "";
        Assert.True(provider switch
        {
            "youtube" => YouTubeId().IsMatch(id),
            "vimeo" => VimeoId().IsMatch(id),
            _ => false,
        }, $"placeholder {provider}/{id} in: {html}");
    }

    [GeneratedRegex(@"\A([a-z][a-z0-9+.\-]*):")]
    private static partial Regex SchemePattern();

    [GeneratedRegex(@"\A[A-Za-z0-9_-]{11}\z")]
    private static partial Regex YouTubeId();

    [GeneratedRegex(@"\A[0-9]{1,12}\z")]
    private static partial Regex VimeoId();
}
