using Lms.Infrastructure.Markdown;

namespace Lms.Web.Tests.Markdown;

/// <summary>Room messages: the Markdown-lite that is kept, what is refused, and the plain-line shortcut.</summary>
public sealed class ChatMarkdownTests
{
    private readonly ChatMarkdown chat = new();

    [Theory]
    [InlineData("สวัสดีครับ พรุ่งนี้ประชุม PLC คาบ 3", "<p>สวัสดีครับ พรุ่งนี้ประชุม PLC คาบ 3</p>")]
    [InlineData("**สำคัญ** ส่งแผนภายใน *วันศุกร์*", "<p><strong>สำคัญ</strong> ส่งแผนภายใน <em>วันศุกร์</em></p>")]
    [InlineData("ดูที่ https://example.org/plan", "<p>ดูที่ <a href=\"https://example.org/plan\" rel=\"noopener noreferrer nofollow\" target=\"_blank\">https://example.org/plan</a></p>")]
    [InlineData("[คลิก](javascript:alert(1))", "<p>คลิก</p>")]
    [InlineData("<script>alert(1)</script>ครู", "<p>&lt;script&gt;alert(1)&lt;/script&gt;ครู</p>")]
    [InlineData("1. ขั้นแรก", "<ol>\n<li>ขั้นแรก</li>\n</ol>")]
    public void Renders_what_a_member_typed_safely(string text, string html) => Assert.Equal(html, chat.ToSafeHtml(text));

    [Theory]
    [InlineData("ครูสมชาย: ได้ครับ 👍 (พรุ่งนี้) 50% ok!", true)]
    [InlineData("www.example.org", false)]
    [InlineData("ดู http://x.org", false)]
    [InlineData("mailto:a@b.org", false)]
    [InlineData("- รายการ", false)]
    [InlineData("ครู  ", false)]
    [InlineData("A & B", false)]
    [InlineData("a_b_c", false)]
    [InlineData("ข้อ\nสอง", false)]
    public void Only_lines_markdown_leaves_alone_take_the_shortcut(string text, bool plain) =>
        Assert.Equal(plain, ChatMarkdown.IsPlainLine(text));

    /// <summary>
    /// Whatever is typed, the answer is the one Markdig and the sanitiser give: random lines from an alphabet of Thai,
    /// Latin, digits, emoji, spaces and every ASCII punctuation mark, most of which take the shortcut and some not.
    /// </summary>
    [Fact]
    public void The_shortcut_gives_what_the_whole_pipeline_gives()
    {
        var alphabet = "กขคงจฉชซญดตถทนบปผพฟภมยรลวศษสหอฮะาิีึืุูเแโใไ่้๊๋็์ัำ๑๒๓ abcXYZ0123456789      " +
                       "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~\u00a0\u200b\t";
        string[] emoji = ["👍", "🙏", "✓", "😀"];
        var random = new Random(20261206);
        var plain = 0;
        for (var i = 0; i < 5000; i++)
        {
            var length = random.Next(1, 40);
            var b = new System.Text.StringBuilder();
            // Most lines start with a letter, as a sentence does.
            if (random.Next(4) > 0) b.Append("ครูนักเรียนabc"[random.Next(14)]);
            while (b.Length < length)
            {
                if (random.Next(30) == 0) b.Append(emoji[random.Next(emoji.Length)]);
                // Punctuation is rarer than letters, so that many lines stay plain.
                else if (random.Next(8) == 0) b.Append(alphabet[random.Next(alphabet.Length)]);
                else b.Append(alphabet[random.Next(60)]);
            }
            var text = b.ToString();
            if (string.IsNullOrWhiteSpace(text)) continue;
            if (ChatMarkdown.IsPlainLine(text)) plain++;
            Assert.True(chat.ThroughMarkdig(text) == chat.ToSafeHtml(text), $"differs for \"{text}\"");
        }
        Assert.InRange(plain, 1000, 4500); // the comparison covered both ways
    }
}
