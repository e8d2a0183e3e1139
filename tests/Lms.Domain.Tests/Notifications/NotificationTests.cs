using Lms.Domain.Common;
using Lms.Domain.Notifications;

namespace Lms.Domain.Tests.Notifications;

public class NotificationTests
{
    private static readonly DateTime Now = new(2026, 11, 24, 3, 0, 0, DateTimeKind.Utc);

    private static Notification Make(string link = "/Learn/Course/1", string body = "รายละเอียด",
        DeliveryChoice delivery = DeliveryChoice.InAppOnly, DateTime? due = null) =>
        new(Guid.NewGuid(), Guid.NewGuid(), NotificationKind.CertificateIssued, "certificate:1", "ได้รับเกียรติบัตร", body,
            link, delivery, Now, due);

    [Theory]
    [InlineData("/")]
    [InlineData("/Learn/Course/5f0c?tab=1#top")]
    [InlineData("/Learn/Course/%E0%B8%81")]
    public void A_notification_may_link_to_any_page_of_this_site(string link)
    {
        Assert.Equal(link, Make(link).Link);
    }

    [Theory]
    [InlineData("https://evil.example/")]
    [InlineData("//evil.example/path")]
    [InlineData("/\\evil.example")]
    [InlineData("\\\\evil.example")]
    [InlineData("javascript:alert(1)")]
    [InlineData("Learn/Course/1")]
    [InlineData("/Learn/Course/1\r\nLocation: https://evil.example")]
    [InlineData("/\tevil")]
    [InlineData("")]
    public void A_link_that_could_leave_the_site_is_refused(string link)
    {
        Assert.Equal("notification.link_not_app_relative", Assert.Throws<DomainException>(() => Make(link)).Code);
    }

    [Fact]
    public void The_body_keeps_its_paragraphs_but_not_runs_of_blank_lines_or_stray_spaces()
    {
        var n = Make(body: "  บรรทัดแรก  \r\n\r\n\r\n\r\n  บรรทัด   ที่สอง \n");
        Assert.Equal("บรรทัดแรก\n\nบรรทัด ที่สอง", n.Body);
    }

    [Fact]
    public void A_title_is_required_and_short()
    {
        Assert.Equal("notification.title_required", Assert.Throws<DomainException>(() =>
            new Notification(Guid.NewGuid(), Guid.NewGuid(), NotificationKind.NoProgress, "k", "  ", "", "/", DeliveryChoice.InAppOnly, Now, null)).Code);
        Assert.Equal("text.too_long", Assert.Throws<DomainException>(() =>
            new Notification(Guid.NewGuid(), Guid.NewGuid(), NotificationKind.NoProgress, "k", new string('ก', 201), "", "/", DeliveryChoice.InAppOnly, Now, null)).Code);
    }

    [Fact]
    public void An_emailed_notification_knows_when_its_email_is_due_and_the_others_have_no_due_time()
    {
        Assert.Equal(Now, Make(delivery: DeliveryChoice.EmailToo, due: Now).EmailDueAtUtc);
        Assert.Null(Make(delivery: DeliveryChoice.DailyDigest, due: Now).EmailDueAtUtc);
        Assert.Throws<DomainException>(() => Make(delivery: DeliveryChoice.EmailToo, due: null));
    }

    [Fact]
    public void Reading_twice_keeps_the_first_time()
    {
        var n = Make();
        Assert.False(n.IsRead);
        n.MarkRead(Now);
        n.MarkRead(Now.AddHours(1));
        Assert.Equal(Now, n.ReadAtUtc);
    }
}
