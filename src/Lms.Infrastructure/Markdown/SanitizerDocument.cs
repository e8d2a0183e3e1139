using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Lms.Infrastructure.Markdown;

/// <summary>
/// An empty HTML document whose body the sanitisers fill and clean. The parser is kept per thread: a new
/// <see cref="HtmlParser"/> builds a whole AngleSharp configuration and browsing context (a fifth of a chat message's
/// rendering cost), while one parser may make any number of documents, one at a time.
/// </summary>
internal static class SanitizerDocument
{
    [ThreadStatic] private static HtmlParser? parser;

    public static IHtmlDocument NewWithBody(string innerHtml, out IHtmlElement body)
    {
        var document = (parser ??= new HtmlParser()).ParseDocument("<!DOCTYPE html><html><body></body></html>");
        body = document.Body!;
        body.InnerHtml = innerHtml;
        return document;
    }
}
