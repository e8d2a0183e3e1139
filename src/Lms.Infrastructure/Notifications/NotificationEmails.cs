using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Lms.Domain.Calendar;
using Lms.Infrastructure.Email;

namespace Lms.Infrastructure.Notifications;

/// <summary>One notification as an e-mail shows it.</summary>
public sealed record EmailItem(string Title, string Body, string Link, DateTime CreatedAtUtc);

/// <summary>
/// The Thai e-mails of the notification centre: one per notification, or the daily digest of several. Notification
/// texts are Thai (INotifier's contract); links become absolute addresses straight to the thing. Plain text first
/// (every mail program shows it), with an HTML part whose every text is encoded.
/// </summary>
public static class NotificationEmails
{
    private static readonly CultureInfo Thai = CultureInfo.GetCultureInfo("th-TH");
    public const string PreferencesPath = "/Account/Notifications";

    public static EmailMessage Single(string to, EmailItem item, AppLinks links)
    {
        var url = links.Absolute(item.Link);
        var text = new StringBuilder();
        if (item.Body.Length > 0) text.Append(item.Body).Append("\n\n");
        text.Append("เปิดดู: ").Append(url).Append('\n');
        Footer(text, links);

        var html = new StringBuilder("<!DOCTYPE html><html lang=\"th\"><body>");
        html.Append("<h1 style=\"font-size:1.2em\">").Append(Encode(item.Title)).Append("</h1>");
        Paragraphs(html, item.Body);
        html.Append("<p><a href=\"").Append(Encode(url)).Append("\">เปิดดู</a></p>");
        HtmlFooter(html, links);
        return new EmailMessage(to, $"[แจ้งเตือน] {item.Title}", text.ToString(), html.ToString());
    }

    public static EmailMessage Digest(string to, IReadOnlyList<EmailItem> items, DateTime nowUtc, AppLinks links)
    {
        var day = DateOnly.FromDateTime(nowUtc + FiscalYear.ThailandOffset).ToString("d MMMM yyyy", Thai);
        var subject = $"สรุปการแจ้งเตือนประจำวันที่ {day} ({items.Count} รายการ)";
        var text = new StringBuilder($"การแจ้งเตือนของคุณที่ยังไม่ได้ส่งทางอีเมล {items.Count} รายการ\n\n");
        var html = new StringBuilder("<!DOCTYPE html><html lang=\"th\"><body>");
        html.Append("<h1 style=\"font-size:1.2em\">").Append(Encode(subject)).Append("</h1><ol>");
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            var url = links.Absolute(item.Link);
            var at = (item.CreatedAtUtc + FiscalYear.ThailandOffset).ToString("d MMM yyyy HH:mm", Thai);
            text.Append(i + 1).Append(". ").Append(item.Title).Append(" (").Append(at).Append(" น.)\n");
            if (item.Body.Length > 0) text.Append("   ").Append(item.Body.Replace("\n", "\n   ", StringComparison.Ordinal)).Append('\n');
            text.Append("   เปิดดู: ").Append(url).Append("\n\n");
            html.Append("<li><p><a href=\"").Append(Encode(url)).Append("\">").Append(Encode(item.Title)).Append("</a> <small>(")
                .Append(Encode(at)).Append(" น.)</small></p>");
            Paragraphs(html, item.Body);
            html.Append("</li>");
        }
        html.Append("</ol>");
        Footer(text, links);
        HtmlFooter(html, links);
        return new EmailMessage(to, subject, text.ToString(), html.ToString());
    }

    private static void Footer(StringBuilder text, AppLinks links) =>
        text.Append("\n--\nอีเมลนี้ส่งจากระบบพัฒนาครูโดยอัตโนมัติ กรุณาอย่าตอบกลับ\n")
            .Append("เลือกวิธีรับการแจ้งเตือนแต่ละประเภทได้ที่ ").Append(links.Absolute(PreferencesPath)).Append('\n');

    private static void HtmlFooter(StringBuilder html, AppLinks links) =>
        html.Append("<hr><p style=\"color:#555;font-size:0.9em\">อีเมลนี้ส่งจากระบบพัฒนาครูโดยอัตโนมัติ กรุณาอย่าตอบกลับ<br>")
            .Append("<a href=\"").Append(Encode(links.Absolute(PreferencesPath))).Append("\">เลือกวิธีรับการแจ้งเตือนแต่ละประเภท</a></p>")
            .Append("</body></html>");

    private static void Paragraphs(StringBuilder html, string body)
    {
        foreach (var paragraph in body.Split("\n\n", StringSplitOptions.RemoveEmptyEntries))
            html.Append("<p>").Append(string.Join("<br>", paragraph.Split('\n').Select(Encode))).Append("</p>");
    }

    // Thai stays Thai (not &#xE01; entities); markup characters are still encoded.
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);

    private static string Encode(string s) => Html.Encode(s);
}
