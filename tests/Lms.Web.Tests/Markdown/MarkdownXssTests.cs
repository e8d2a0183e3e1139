using Lms.Infrastructure.Markdown;

namespace Lms.Web.Tests.Markdown;

/// <summary>
/// Course designers are trusted to write lessons, not to run script in every learner's browser. Each payload
/// is rendered and the output parsed: no dangerous element, no event handler, no address with a scheme other
/// than http, https or (links only) mailto, however the scheme is spelt.
/// </summary>
public sealed class MarkdownXssTests
{
    private static readonly MarkdownRenderer Renderer = new();

    public static TheoryData<string> Payloads => new(
        // Markdown links with script schemes, spelt every way a browser would still accept
        "[x](javascript:alert(1))",
        "[x](JaVaScRiPt:alert(1))",
        "[x](JAVASCRIPT:alert(document.cookie))",
        "[x](java&#x09;script:alert(1))",
        "[x](java&#09;script:alert(1))",
        "[x](jav&#x0A;ascript:alert(1))",
        "[x](java&#x0D;script:alert(1))",
        "[x](&#106;avascript:alert(1))",
        "[x](&#x6A;avascript&#x3A;alert(1))",
        "[x](&#0000106;&#0000097;vascript:alert(1))",
        "[x](javascript&colon;alert(1))",
        "[x](javascript&#58;alert(1))",
        "[x](   javascript:alert(1))",
        "[x](\njavascript:alert(1))",
        "[x](&#x20;javascript:alert(1))",
        "[x](&#x00;javascript:alert(1))",
        "[x](<javascript:alert(1)>)",
        "[x](<java script:alert(1)>)",
        "[x](javascript:alert(1) \"title\")",
        "[x](javascript://%0aalert(1))",
        "[x](%6Aavascript:alert(1))",
        "[x](vbscript:msgbox(1))",
        "[x](VbScRiPt:msgbox(1))",
        "[x](livescript:alert(1))",
        "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        "[x](DATA:text/html,<script>alert(1)</script>)",
        "[x](file:///etc/passwd)",
        "[x](//evil.example/phish)",
        "[x](/\\evil.example/phish)",
        // Markdown images
        "![x](javascript:alert(1))",
        "![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
        "![x](data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==)",
        "![x](data:text/html,<script>alert(1)</script>)",
        "![x](mailto:a@b.example)",
        "![x](//evil.example/a.png)",
        "![x](javascript:alert(1)//.mp4)",
        "![x](//evil.example/a.mp4)",
        "![x](data:video/mp4;base64,AAAA.mp4)",
        "![x\"><script>alert(1)</script>](/files/a.png)",
        "![x](/files/a.png \"t\\\" onerror=\\\"alert(1)\")",
        // Reference-style links and images
        "[x][r]\n\n[r]: javascript:alert(1)",
        "[x][r]\n\n[r]: <JaVaScRiPt:alert(1)> \"t\"",
        "![x][i]\n\n[i]: data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+",
        "[r]\n\n[r]: vbscript:msgbox(1)",
        // Autolinks
        "<javascript:alert(1)>",
        "<JAVASCRIPT:alert(1)>",
        "<vbscript:msgbox(1)>",
        "<data:text/html;base64,PHNjcmlwdD4=>",
        "<https://ok.example/\"onmouseover=\"alert(1)>",
        "www.example.com/\"onmouseover=\"alert(1)",
        // Raw HTML (Markdig's HTML is off, and the sanitiser would remove it anyway)
        "<script>alert(1)</script>",
        "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
        "<scr<script>ipt>alert(1)</script>",
        "<<script>alert(1)//<</script>",
        "<img src=x onerror=alert(1)>",
        "<img src=\"javascript:alert(1)\">",
        "<svg onload=alert(1)>",
        "<svg><script>alert(1)</script></svg>",
        "<svg><a xlink:href=\"javascript:alert(1)\"><text x=\"0\" y=\"20\">x</text></a></svg>",
        "<iframe src=\"javascript:alert(1)\"></iframe>",
        "<iframe srcdoc=\"<script>alert(1)</script>\"></iframe>",
        "<object data=\"javascript:alert(1)\"></object>",
        "<embed src=\"javascript:alert(1)\">",
        "<style>body{background:url(javascript:alert(1))}</style>",
        "<p style=\"background:url(javascript:alert(1))\">x</p>",
        "<a href=\"https://ok.example\" onclick=\"alert(1)\">x</a>",
        "<a href=\"jav&#x09;ascript:alert(1)\">x</a>",
        "<a href=\"data:text/html,<script>alert(1)</script>\">x</a>",
        "<a href=\"https://ok.example\" target=\"_blank\">x</a>",
        "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
        "<form action=\"javascript:alert(1)\"><button>go</button></form>",
        "<input autofocus onfocus=alert(1)>",
        "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
        "<base href=\"javascript:alert(1)//\">",
        "<link rel=stylesheet href=//evil.example/x.css>",
        "<details open ontoggle=alert(1)>",
        "<video><source onerror=\"alert(1)\"></video>",
        "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">",
        "<!--<img src=\"--><img src=x onerror=alert(1)//\">",
        "<div><p></div><script>alert(1)</script>",
        "<table><tr><td><a href=\"javascript:alert(1)\">x</td></a></table>",
        "&lt;script&gt;alert(1)&lt;/script&gt;",
        // Breaking out of attributes Markdig writes
        "[x](https://ok.example \"t\\\"><script>alert(1)</script>\")",
        "[x](https://ok.example/\"><script>alert(1)</script>)",
        "# หัวข้อ <img src=x onerror=alert(1)>\n\n# \"><script>alert(1)</script>",
        // Syntax for attributes that this pipeline deliberately does not enable
        "[x](https://ok.example){onclick=alert(1)}",
        "# Title {#x onclick=alert(1) style=\"color:red\"}",
        "![x](/files/a.png){onerror=alert(1)}",
        // Inside other Markdown constructs, with Thai around
        "บทเรียนที่ 1 [คลิกที่นี่](javascript:alert('สวัสดี')) เพื่อเริ่ม",
        "> อ้างอิง [x](javascript:alert(1))\n> <script>alert(1)</script>",
        "- ข้อแรก [x](JaVaScRiPt:alert(1))\n- ข้อสอง ![y](javascript:alert(1))",
        "- [x] งานเสร็จ <img src=x onerror=alert(1)>\n- [ ] งานค้าง [x](vbscript:msgbox(1))",
        "| ก | ข |\n|---|---|\n| <script>alert(1)</script> | [x](javascript:alert(1)) |",
        "ข้อความ[^1]\n\n[^1]: เชิงอรรถ [x](javascript:alert(1))",
        "^^^\n![x](javascript:alert(1))\n^^^ คำบรรยาย <script>alert(1)</script>",
        "`<script>alert(1)</script>` และ\n\n```html\n<script>alert(1)</script>\n```",
        "ภาษาไทย **<svg onload=alert(1)>** ~~<iframe src=javascript:alert(1)>~~",
        // Video lines that try to smuggle markup or another host
        "https://www.youtube.com/watch?v=dQw4w9WgXcQ\"><script>alert(1)</script>",
        "https://www.youtube.com/watch?v=abc\"onload=\"x",
        "https://www.youtube.com/watch?v=javascript:alert(1)",
        "https://vimeo.com/123\"><svg onload=alert(1)>",
        "https://youtube.com.evil.example/watch?v=dQw4w9WgXcQ");

    [Theory]
    [MemberData(nameof(Payloads))]
    public void Payload_renders_without_anything_that_runs_script(string markdown)
    {
        var html = Renderer.ToSafeHtml(markdown);
        SafeHtml.AssertSafe(html);
    }

    [Theory]
    [MemberData(nameof(Payloads))]
    public void Payload_is_still_safe_after_a_second_rendering(string markdown)
    {
        // Content copied from one lesson's output into another's input must not become live either.
        var html = Renderer.ToSafeHtml(Renderer.ToSafeHtml(markdown));
        SafeHtml.AssertSafe(html);
    }

    [Fact]
    public void Script_links_keep_their_text_but_lose_the_address()
    {
        var html = Renderer.ToSafeHtml("บทเรียน [คลิกที่นี่](javascript:alert(1)) ต่อ");
        var doc = Parse(html);
        var link = Assert.Single(doc.QuerySelectorAll("a"));
        Assert.Equal("คลิกที่นี่", link.TextContent);
        Assert.Null(link.GetAttribute("href"));
        Assert.Contains("บทเรียน", doc.Body!.TextContent);
    }

    [Fact]
    public void Raw_HTML_is_shown_as_text_not_run()
    {
        var doc = Parse(Renderer.ToSafeHtml("ก่อน <script>alert(1)</script> หลัง"));
        Assert.Empty(doc.QuerySelectorAll("script"));
        Assert.Contains("<script>alert(1)</script>", doc.Body!.TextContent);
    }

    [Fact]
    public void The_safety_check_itself_catches_what_it_should()
    {
        // Guard against a test set that passes because its judge sees nothing.
        Assert.ThrowsAny<Exception>(() => SafeHtml.AssertSafe("<a href=\"java&#x09;script:alert(1)\">x</a>"));
        Assert.ThrowsAny<Exception>(() => SafeHtml.AssertSafe("<a href=\" JaVaScRiPt:alert(1)\">x</a>"));
        Assert.ThrowsAny<Exception>(() => SafeHtml.AssertSafe("<img src=\"data:image/png;base64,AAAA\">"));
        Assert.ThrowsAny<Exception>(() => SafeHtml.AssertSafe("<p onclick=\"x()\">x</p>"));
        Assert.ThrowsAny<Exception>(() => SafeHtml.AssertSafe("<svg></svg>"));
        Assert.ThrowsAny<Exception>(() => SafeHtml.AssertSafe("<meta http-equiv=refresh content=0>"));
        Assert.ThrowsAny<Exception>(() => SafeHtml.AssertSafe("<p style=\"color:red\">x</p>"));
        Assert.ThrowsAny<Exception>(() => SafeHtml.AssertSafe("<a href=\"https://ok.example\">x</a>")); // no rel
        Assert.ThrowsAny<Exception>(() => SafeHtml.AssertSafe("<video src=\"https://evil.example/a.mp4\"></video>"));
        SafeHtml.AssertSafe("<p><a href=\"/files/a\">x</a> <a href=\"https://ok.example\" rel=\"noopener noreferrer nofollow\">y</a></p>");
    }

    internal static AngleSharp.Html.Dom.IHtmlDocument Parse(string html) =>
        new AngleSharp.Html.Parser.HtmlParser().ParseDocument("<!DOCTYPE html><html><body>" + html + "</body></html>");
}
