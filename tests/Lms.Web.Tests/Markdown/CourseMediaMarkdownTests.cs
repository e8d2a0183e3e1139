using Lms.Infrastructure.Markdown;

namespace Lms.Web.Tests.Markdown;

public sealed class CourseMediaMarkdownTests
{
    [Fact]
    public void A_pasted_course_video_plays_and_a_pasted_image_shows()
    {
        var renderer = new MarkdownRenderer();
        var id = Guid.NewGuid();
        var video = renderer.ToSafeHtml($"![บทนำ](/Media/{id}/2026/11/0123456789abcdef0123456789abcdef.mp4)");
        Assert.Contains($"<video controls=\"\" preload=\"metadata\" src=\"/Media/{id}/2026/11/0123456789abcdef0123456789abcdef.mp4\"", video);
        var image = renderer.ToSafeHtml($"![แผนภาพ](/Media/{id}/2026/11/0123456789abcdef0123456789abcdef.png)");
        Assert.Contains($"<img src=\"/Media/{id}/2026/11/0123456789abcdef0123456789abcdef.png\"", image);
    }
}
