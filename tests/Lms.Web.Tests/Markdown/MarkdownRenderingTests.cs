using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Lms.Infrastructure;
using Lms.Infrastructure.Markdown;
using Lms.Web.Security;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Lms.Web.Tests.Markdown;

/// <summary>What a course designer writes shows up as they meant it: Thai headings, tables, links, pictures, video.</summary>
public sealed partial class MarkdownRenderingTests
{
    private static readonly MarkdownRenderer Renderer = new();

    private static IHtmlDocument Render(string markdown)
    {
        var html = Renderer.ToSafeHtml(markdown);
        SafeHtml.AssertSafe(html); // every positive example is also held to the XSS rules
        return MarkdownXssTests.Parse(html);
    }

    [Fact]
    public void A_Thai_heading_keeps_its_text_and_gets_an_id_with_its_vowel_and_tone_marks()
    {
        var doc = Render("# บทที่ 1 การจัดการเรียนรู้เชิงรุก\n\n## การวัดและประเมินผล");
        var h1 = Assert.Single(doc.QuerySelectorAll("h1"));
        Assert.Equal("บทที่ 1 การจัดการเรียนรู้เชิงรุก", h1.TextContent);
        Assert.Equal("บทที่-1-การจัดการเรียนรู้เชิงรุก", h1.Id);
        Assert.Equal("การวัดและประเมินผล", doc.QuerySelector("h2")!.Id);
    }

    [Fact]
    public void Headings_with_the_same_text_get_different_ids()
    {
        var ids = Render("## แบบฝึกหัด\n\n## แบบฝึกหัด\n\n## Exercise: Part 1").QuerySelectorAll("h2").Select(h => h.Id).ToList();
        Assert.Equal(["แบบฝึกหัด", "แบบฝึกหัด-1", "exercise-part-1"], ids);
    }

    [Fact]
    public void A_pipe_table_in_Thai_renders_with_its_alignment_as_classes()
    {
        var doc = Render("| ตัวชี้วัด | คะแนน |\n|:---|---:|\n| การออกแบบหน่วยการเรียนรู้ | 10 |\n| การวัดผล | 5 |");
        var table = Assert.Single(doc.QuerySelectorAll("table"));
        Assert.Equal(["ตัวชี้วัด", "คะแนน"], table.QuerySelectorAll("th").Select(t => t.TextContent));
        Assert.Equal(4, table.QuerySelectorAll("td").Length);
        Assert.Equal("การออกแบบหน่วยการเรียนรู้", table.QuerySelector("td")!.TextContent);
        Assert.True(table.QuerySelector("th")!.ClassList.Contains("align-left"));
        Assert.True(table.QuerySelectorAll("td")[1].ClassList.Contains("align-right"));
        Assert.Empty(table.QuerySelectorAll("[style]"));
    }

    [Fact]
    public void A_grid_table_renders()
    {
        // Columns line up by characters, not by how Thai looks: "ชั่วโมง" is 7 characters with its marks.
        var doc = Render("+----------+---------+\n| ภาคเรียน | ชั่วโมง |\n+==========+=========+\n| 1        | 20      |\n+----------+---------+");
        Assert.Equal(["ภาคเรียน", "ชั่วโมง"], doc.QuerySelectorAll("th").Select(t => t.TextContent.Trim()));
        Assert.Equal(["1", "20"], doc.QuerySelectorAll("td").Select(t => t.TextContent.Trim()));
    }

    [Fact]
    public void A_link_to_another_site_keeps_its_address_and_gets_rel_but_no_target()
    {
        var doc = Render("อ่านเพิ่มเติมที่ [สพฐ.](https://www.obec.go.th/ \"หน้าแรก\")");
        var a = Assert.Single(doc.QuerySelectorAll("a"));
        Assert.Equal("https://www.obec.go.th/", a.GetAttribute("href"));
        Assert.Equal("หน้าแรก", a.GetAttribute("title"));
        Assert.Equal("noopener noreferrer nofollow", a.GetAttribute("rel"));
        Assert.Null(a.GetAttribute("target"));
    }

    [Fact]
    public void A_bare_address_becomes_a_link()
    {
        var a = Assert.Single(Render("ดูที่ https://th.wikipedia.org/wiki/สุโขทัย ครับ").QuerySelectorAll("a"));
        Assert.Equal("https://th.wikipedia.org/wiki/%E0%B8%AA%E0%B8%B8%E0%B9%82%E0%B8%82%E0%B8%97%E0%B8%B1%E0%B8%A2", a.GetAttribute("href"));
        Assert.Equal("https://th.wikipedia.org/wiki/สุโขทัย", a.TextContent);
    }

    [Fact]
    public void Links_within_the_site_and_e_mail_links_are_kept()
    {
        var links = Render("[บทต่อไป](/Learn/Lessons/2) [หัวข้อ](#การวัดผล) [ติดต่อ](mailto:pd@sukhothai.example)").QuerySelectorAll("a");
        // Markdig percent-encodes the Thai fragment; browsers decode it when they look for the heading's id.
        Assert.Equal(["/Learn/Lessons/2", "#การวัดผล", "mailto:pd@sukhothai.example"],
            links.Select(a => Uri.UnescapeDataString(a.GetAttribute("href")!)));
        Assert.Null(links[0].GetAttribute("rel"));
        Assert.Null(links[1].GetAttribute("rel"));
    }

    [Fact]
    public void An_uploaded_image_at_a_relative_address_is_kept()
    {
        var img = Assert.Single(Render("![แผนผังหน่วยการเรียนรู้](/files/abc.png \"แผนผัง\")").QuerySelectorAll("img"));
        Assert.Equal("/files/abc.png", img.GetAttribute("src"));
        Assert.Equal("แผนผังหน่วยการเรียนรู้", img.GetAttribute("alt"));
        Assert.Equal("แผนผัง", img.GetAttribute("title"));
    }

    [Fact]
    public void Images_from_https_sites_are_kept_and_data_addresses_are_not()
    {
        var imgs = Render("![a](https://example.org/a.png) ![b](data:image/png;base64,iVBORw0KGgo=)").QuerySelectorAll("img");
        Assert.Equal("https://example.org/a.png", imgs[0].GetAttribute("src"));
        Assert.Null(imgs[1].GetAttribute("src"));
    }

    [Fact]
    public void A_figure_with_a_caption_renders()
    {
        var doc = Render("^^^\n![ภาพ](/files/a.png)\n^^^ ภาพที่ 1 วงจร PLC");
        var figure = Assert.Single(doc.QuerySelectorAll("figure"));
        Assert.Equal("ภาพที่ 1 วงจร PLC", figure.QuerySelector("figcaption")!.TextContent);
        Assert.NotNull(figure.QuerySelector("img[src='/files/a.png']"));
    }

    [Fact]
    public void Lists_task_lists_emphasis_and_footnotes_render()
    {
        var doc = Render(
            "1. ข้อหนึ่ง\n2. ข้อสอง\n\n- [x] อ่านเอกสาร\n- [ ] ทำแบบทดสอบ\n\n" +
            "**สำคัญ** *เน้น* ~~เดิม~~ H~2~O x^2^ ==จำ==\n\nข้อความ[^1]\n\n[^1]: แหล่งที่มา");
        Assert.Equal(["ข้อหนึ่ง", "ข้อสอง"], doc.QuerySelector("ol")!.Children.Select(li => li.TextContent));
        Assert.Equal(["☑ อ่านเอกสาร", "☐ ทำแบบทดสอบ"], doc.QuerySelectorAll("li.task-list-item").Select(li => li.TextContent.Trim()));
        Assert.Empty(doc.QuerySelectorAll("input"));
        Assert.Equal("สำคัญ", doc.QuerySelector("strong")!.TextContent);
        Assert.Equal("เน้น", doc.QuerySelector("em")!.TextContent);
        Assert.Equal("เดิม", doc.QuerySelector("del")!.TextContent);
        Assert.Equal("2", doc.QuerySelector("sub")!.TextContent);
        Assert.NotNull(doc.QuerySelector("mark"));
        var reference = doc.QuerySelector("a.footnote-ref")!;
        var note = doc.QuerySelector(".footnotes li")!;
        Assert.Equal("#" + note.Id, reference.GetAttribute("href"));
        Assert.Contains("แหล่งที่มา", note.TextContent);
    }

    [Fact]
    public void Code_is_shown_as_written()
    {
        var doc = Render("```\nif (a < b) { }\n```");
        Assert.Equal("if (a < b) { }\n", doc.QuerySelector("pre > code")!.TextContent);
    }

    [Fact]
    public void Empty_content_renders_nothing() => Assert.Equal("", Renderer.ToSafeHtml("  \n "));

    [Theory]
    [InlineData("https://www.youtube.com/watch?v=dQw4w9WgXcQ", "dQw4w9WgXcQ")]
    [InlineData("https://youtube.com/watch?v=dQw4w9WgXcQ&t=42s", "dQw4w9WgXcQ")]
    [InlineData("https://m.youtube.com/watch?feature=share&v=a-B_c1D2e3F", "a-B_c1D2e3F")]
    [InlineData("https://youtu.be/dQw4w9WgXcQ", "dQw4w9WgXcQ")]
    [InlineData("https://youtu.be/dQw4w9WgXcQ?si=Xyz123", "dQw4w9WgXcQ")]
    [InlineData("https://www.youtube.com/shorts/dQw4w9WgXcQ", "dQw4w9WgXcQ")]
    [InlineData("https://www.youtube.com/embed/dQw4w9WgXcQ", "dQw4w9WgXcQ")]
    [InlineData("<https://www.youtube.com/watch?v=dQw4w9WgXcQ>", "dQw4w9WgXcQ")]
    public void A_YouTube_line_becomes_a_video_placeholder(string line, string id)
    {
        var doc = Render("## วิดีโอประกอบ\n\n" + line + "\n\nดูแล้วตอบคำถาม");
        var box = Assert.Single(doc.QuerySelectorAll("div.video-embed"));
        Assert.Equal("youtube", box.GetAttribute("data-provider"));
        Assert.Equal(id, box.GetAttribute("data-video-id"));
        var watch = Assert.Single(box.QuerySelectorAll("a"));
        Assert.Equal("https://www.youtube.com/watch?v=" + id, watch.GetAttribute("href"));
        Assert.Equal("noopener noreferrer nofollow", watch.GetAttribute("rel"));
        Assert.Null(box.Closest("p"));
        Assert.Equal(["h2", "div", "p"], doc.Body!.Children.Select(c => c.LocalName));
    }

    [Theory]
    [InlineData("https://vimeo.com/123456", "123456", null)]
    [InlineData("https://www.vimeo.com/76979871", "76979871", null)]
    [InlineData("https://player.vimeo.com/video/76979871", "76979871", null)]
    [InlineData("https://vimeo.com/76979871/8a2f9c1b3d", "76979871", "8a2f9c1b3d")]
    public void A_Vimeo_line_becomes_a_video_placeholder(string line, string id, string? hash)
    {
        var box = Assert.Single(Render(line).QuerySelectorAll("div.video-embed"));
        Assert.Equal("vimeo", box.GetAttribute("data-provider"));
        Assert.Equal(id, box.GetAttribute("data-video-id"));
        Assert.Equal(hash, box.GetAttribute("data-video-hash"));
        Assert.StartsWith("https://vimeo.com/" + id, box.QuerySelector("a")!.GetAttribute("href"));
    }

    [Theory]
    [InlineData("https://www.youtube.com/watch?v=dQw4w9WgXc")]      // 10 characters
    [InlineData("https://www.youtube.com/watch?v=dQw4w9WgXcQQ")]    // 12 characters
    [InlineData("https://www.youtube.com/watch?v=dQw4w9WgX%3C")]    // escaped '<'
    [InlineData("https://www.youtube.com/watch?v=")]
    [InlineData("https://youtu.be/dQw4w9WgXcQ/extra")]
    [InlineData("https://www.youtube.com/playlist?list=PL1234567890")]
    [InlineData("https://youtube.com.evil.example/watch?v=dQw4w9WgXcQ")]
    [InlineData("https://evil.example/youtu.be/dQw4w9WgXcQ")]
    [InlineData("https://www.youtube.com:8443/watch?v=dQw4w9WgXcQ")]
    [InlineData("https://vimeo.com/abc")]
    [InlineData("https://vimeo.com/123456/NOT-HEX")]
    [InlineData("https://vimeo.com/channels/staffpicks")]
    [InlineData("ftp://youtu.be/dQw4w9WgXcQ")]
    public void An_address_without_a_valid_video_id_is_not_embedded(string line)
    {
        Assert.Empty(Render(line).QuerySelectorAll(".video-embed, [data-video-id]"));
    }

    [Theory]
    [InlineData("[ดูวิดีโอ](https://youtu.be/dQw4w9WgXcQ)")]
    [InlineData("ดูวิดีโอ https://youtu.be/dQw4w9WgXcQ ก่อนเรียน")]
    [InlineData("- https://youtu.be/dQw4w9WgXcQ")]
    [InlineData("`https://youtu.be/dQw4w9WgXcQ`")]
    [InlineData("    https://youtu.be/dQw4w9WgXcQ")]
    public void A_video_address_that_is_not_alone_on_its_line_stays_text_or_a_link(string markdown)
    {
        Assert.Empty(Render(markdown).QuerySelectorAll(".video-embed"));
    }

    [Fact]
    public void An_uploaded_mp4_plays_in_a_video_element()
    {
        var doc = Render("![วิดีโอบทที่ 1](/files/lesson-1.mp4)");
        var video = Assert.Single(doc.QuerySelectorAll("video"));
        Assert.Equal("/files/lesson-1.mp4", video.GetAttribute("src"));
        Assert.True(video.HasAttribute("controls"));
        Assert.Equal("metadata", video.GetAttribute("preload"));
        Assert.Equal("วิดีโอบทที่ 1", video.GetAttribute("aria-label"));
        Assert.Equal("/files/lesson-1.mp4", video.QuerySelector("a")!.GetAttribute("href")); // fallback
        Assert.Empty(doc.QuerySelectorAll("img"));
    }

    [Theory]
    [InlineData("![clip](https://example.org/lesson.mp4)")]
    [InlineData("![clip](http://example.org/lesson.MP4)")]
    [InlineData("![clip](//example.org/lesson.mp4)")]
    [InlineData("![clip](data:video/mp4;base64,AAAA.mp4)")]
    public void A_video_file_elsewhere_does_not_become_a_video_element(string markdown)
    {
        var doc = Render(markdown);
        Assert.Empty(doc.QuerySelectorAll("video"));
        Assert.Empty(doc.QuerySelectorAll("img[src$='.mp4' i]"));
    }

    [Fact]
    public void The_renderer_is_one_instance_for_the_whole_app()
    {
        var config = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Lms"] = "Host=localhost;Database=unused" })
            .Build();
        using var provider = new ServiceCollection().AddLogging().AddInfrastructure(config).BuildServiceProvider();
        var first = provider.GetRequiredService<IMarkdownRenderer>();
        Assert.Same(first, provider.GetRequiredService<IMarkdownRenderer>());
        Assert.IsType<MarkdownRenderer>(first);
    }

    [Fact]
    public void Rendering_from_many_requests_at_once_gives_the_same_html()
    {
        const string lesson = "# บทที่ 2\n\n| ก | ข |\n|---|---|\n| 1 | 2 |\n\nhttps://youtu.be/dQw4w9WgXcQ\n\n[x](javascript:alert(1)) [y](https://ok.example)";
        var expected = Renderer.ToSafeHtml(lesson);
        var results = new string[200];
        Parallel.For(0, results.Length, i => results[i] = Renderer.ToSafeHtml(lesson));
        Assert.All(results, r => Assert.Equal(expected, r));
    }

    [Fact]
    public void The_CSP_allows_frames_from_exactly_the_two_video_players()
    {
        var directives = SecurityHeadersMiddleware.ContentSecurityPolicy.Split(';', StringSplitOptions.TrimEntries);
        var frameSrc = Assert.Single(directives, d => d.StartsWith("frame-src ", StringComparison.Ordinal));
        Assert.Equal("frame-src https://www.youtube-nocookie.com https://player.vimeo.com", frameSrc);
        Assert.Contains("default-src 'self'", directives);
        Assert.Contains("frame-ancestors 'none'", directives);
    }

    [Fact]
    public void Site_js_builds_players_only_on_the_hosts_the_CSP_allows()
    {
        var script = File.ReadAllText(Path.Combine(RepoRoot(), "src", "Lms.Web", "wwwroot", "js", "site.js"));
        var allowed = SecurityHeadersMiddleware.VideoFrameSources.Split(' ');
        var origins = Origin().Matches(script).Select(m => m.Value).Distinct().ToList();
        Assert.NotEmpty(origins);
        Assert.All(origins, o => Assert.Contains(o, allowed));
        Assert.Contains("allow-scripts allow-same-origin allow-presentation", script);
        Assert.Contains("strict-origin-when-cross-origin", script);
    }

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Lms.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Lms.sln not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"https://[a-z0-9.-]+")]
    private static partial Regex Origin();
}
