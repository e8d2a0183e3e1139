using Lms.Domain.Notifications;
using Lms.Domain.Organisation;
using Lms.Web.Tests.Notifications;
using Lms.Web.Tests.Support;

namespace Lms.Web.Tests.ScaleOut;

/// <summary>The bell rings wherever the person's page is connected, whichever instance made the notification.</summary>
public sealed class NotificationsAcrossInstancesTests(TwoInstances instances) : IClassFixture<TwoInstances>
{
    [Fact]
    public async Task A_notification_made_on_one_instance_rings_the_bell_on_the_other()
    {
        var (teacher, login) = await instances.A.CreatePersonAsync([SystemRole.Learner]);
        using var browser = await BrowserOn.SignedInAsync(instances.B, login);
        await using var hub = browser.Hub("/hubs/notifications");
        var page = new HubRecorder(hub);
        await hub.StartAsync();
        await page.WaitUntilAsync(p => p.Counts.Count > 0); // the count the hub sends on connecting: 0

        Assert.True(await instances.A.NotifyAsync(teacher, "scale-out:certificate", NotificationKind.CertificateIssued,
            "ได้รับเกียรติบัตรหลักสูตรการจัดการเรียนรู้เชิงรุก"));

        await page.WaitUntilAsync(p => p.Notifications.Any(n => n.Title == "ได้รับเกียรติบัตรหลักสูตรการจัดการเรียนรู้เชิงรุก"));
        await page.WaitUntilAsync(p => p.Counts[^1] == 1);
        Assert.StartsWith("/Notifications/Open/", Assert.Single(page.Notifications).Url);
    }

    [Fact]
    public async Task Another_persons_notification_does_not_reach_the_page_on_the_other_instance()
    {
        var (me, login) = await instances.A.CreatePersonAsync([SystemRole.Learner]);
        var (someoneElse, _) = await instances.A.CreatePersonAsync([SystemRole.Learner]);
        using var browser = await BrowserOn.SignedInAsync(instances.B, login);
        await using var hub = browser.Hub("/hubs/notifications");
        var page = new HubRecorder(hub);
        await hub.StartAsync();
        await page.WaitUntilAsync(p => p.Counts.Count > 0);

        Assert.True(await instances.A.NotifyAsync(someoneElse, "scale-out:other"));
        Assert.True(await instances.A.NotifyAsync(me, "scale-out:mine", title: "ของฉัน"));
        await page.WaitUntilAsync(p => p.Notifications.Any(n => n.Title == "ของฉัน"));
        await Task.Delay(300); // the other person's notice went out first; it must not turn up late either
        Assert.Equal(["ของฉัน"], page.Notifications.Select(n => n.Title));
    }
}
