using System.Net;
using System.Text.Json;
using Lms.Domain.Common;
using Lms.Domain.Notifications;
using Lms.Domain.Organisation;
using Lms.Web.Tests.Support;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lms.Web.Tests.Notifications;

/// <summary>The bell, the notification centre and the "never twice" rule, as a teacher and other features meet them.</summary>
public sealed class NotificationCentreTests(LmsAppFactory app) : IClassFixture<LmsAppFactory>
{
    [Fact]
    public async Task The_same_occasion_is_stored_once_however_often_it_is_notified()
    {
        var (teacher, _) = await app.CreatePersonAsync([SystemRole.Learner]);
        Assert.True(await app.NotifyAsync(teacher, "certificate:1"));
        Assert.False(await app.NotifyAsync(teacher, "certificate:1"));
        // Another occasion, or the same occasion of another kind, is another notification.
        Assert.True(await app.NotifyAsync(teacher, "certificate:2"));
        Assert.True(await app.NotifyAsync(teacher, "certificate:1", NotificationKind.CourseCompleted));
        Assert.Equal(3, await app.DbAsync(db => db.Notifications.CountAsync(n => n.PersonId == teacher)));
    }

    [Fact]
    public async Task Twenty_reminder_runs_at_the_same_moment_store_one_notification()
    {
        var (teacher, _) = await app.CreatePersonAsync([SystemRole.Learner]);
        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() =>
            app.NotifyAsync(teacher, "enrolment:42:deadline:7d", NotificationKind.EnrolmentDeadline, "อีก 7 วันจะครบกำหนดเรียน"))));
        Assert.Equal(1, results.Count(stored => stored));
        Assert.Equal(1, await app.DbAsync(db => db.Notifications.CountAsync(n => n.PersonId == teacher)));
    }

    [Fact]
    public async Task Nothing_is_stored_for_a_deactivated_person()
    {
        var (teacher, _) = await app.CreatePersonAsync([SystemRole.Learner]);
        await app.ScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<Lms.Infrastructure.Persistence.LmsDbContext>();
            (await db.People.SingleAsync(p => p.Id == teacher)).Deactivate(DateTime.UtcNow);
            await db.SaveChangesAsync();
        });
        Assert.False(await app.NotifyAsync(teacher, "certificate:1"));
        Assert.Equal(0, await app.DbAsync(db => db.Notifications.CountAsync(n => n.PersonId == teacher)));
    }

    [Fact]
    public async Task The_bell_shows_the_unread_count_on_every_page_and_opening_one_marks_it_read_and_goes_to_the_thing()
    {
        var (teacher, login) = await app.CreatePersonAsync([SystemRole.Learner]);
        var browser = app.NewClient();
        await browser.SignInOkAsync(login);
        Assert.True((await browser.PageAsync("/Learn")).QuerySelector("[data-testid=bell] [data-unread-count]")!.HasAttribute("hidden"));

        await app.NotifyAsync(teacher, "certificate:1", link: "/Learn/Catalogue");
        await app.NotifyAsync(teacher, "certificate:2");
        await app.NotifyAsync(teacher, "certificate:3");
        foreach (var url in new[] { "/", "/Learn", "/Account/MyData" })
        {
            var bell = (await browser.PageAsync(url)).QuerySelector("[data-testid=bell]")!;
            Assert.Equal("3", bell.QuerySelector("[data-unread-count]")!.TextContent);
            Assert.Equal("การแจ้งเตือน ยังไม่ได้อ่าน 3 รายการ", bell.GetAttribute("aria-label"));
        }

        var first = await app.NotificationAsync(teacher, "certificate:1");
        var centre = await browser.PageAsync("/Notifications");
        Assert.Equal(3, centre.QuerySelectorAll(".notification.unread").Length);
        Assert.Contains("ได้รับเกียรติบัตร", centre.QuerySelector(".notification-list")!.TextContent);

        var open = await browser.GetAsync($"/Notifications/Open/{first.Id}");
        Assert.Equal(HttpStatusCode.Redirect, open.StatusCode);
        Assert.Equal("/Learn/Catalogue", open.Headers.Location?.OriginalString);
        Assert.NotNull((await app.NotificationAsync(teacher, "certificate:1")).ReadAtUtc);

        centre = await browser.PageAsync("/Notifications");
        Assert.Equal("2", centre.QuerySelector("[data-testid=bell] [data-unread-count]")!.TextContent);
        Assert.Equal(2, centre.QuerySelectorAll(".notification.unread").Length);
        Assert.Single(centre.QuerySelectorAll($".notification.read[data-notification-id='{first.Id}']"));
        // Newest first.
        Assert.Equal((await app.NotificationAsync(teacher, "certificate:3")).Id.ToString(),
            centre.QuerySelector(".notification")!.GetAttribute("data-notification-id"));
    }

    [Fact]
    public async Task Mark_all_as_read_clears_the_bell()
    {
        var (teacher, login) = await app.CreatePersonAsync([SystemRole.Learner]);
        await app.NotifyAsync(teacher, "a");
        await app.NotifyAsync(teacher, "b");
        var browser = app.NewClient();
        await browser.SignInOkAsync(login);

        var done = await browser.SubmitAsync("/Notifications", new Dictionary<string, string>(), handler: "MarkAllRead");
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        var centre = await browser.PageAsync("/Notifications");
        Assert.Contains("ทำเครื่องหมายว่าอ่านแล้วทั้งหมดเรียบร้อย", centre.QuerySelector(".notice")!.TextContent);
        Assert.Equal("ยังไม่ได้อ่าน 0 รายการ", centre.Text("[data-testid=unread-summary]"));
        Assert.True(centre.QuerySelector("[data-testid=bell] [data-unread-count]")!.HasAttribute("hidden"));
        Assert.Empty(centre.QuerySelectorAll(".notification.unread"));
        Assert.Equal(0, await app.DbAsync(db => db.Notifications.CountAsync(n => n.PersonId == teacher && n.ReadAtUtc == null)));
    }

    [Fact]
    public async Task The_centre_pages_twenty_at_a_time()
    {
        var (teacher, login) = await app.CreatePersonAsync([SystemRole.Learner]);
        for (var i = 1; i <= 25; i++) await app.NotifyAsync(teacher, $"no-progress:{i}", NotificationKind.NoProgress, $"ไม่มีความคืบหน้า {i}");
        var browser = app.NewClient();
        await browser.SignInOkAsync(login);
        var first = await browser.PageAsync("/Notifications");
        Assert.Equal(20, first.QuerySelectorAll(".notification").Length);
        Assert.Equal("ไม่มีความคืบหน้า 25", first.QuerySelector(".notification-title")!.TextContent);
        var second = await browser.PageAsync("/Notifications?p=2");
        Assert.Equal(5, second.QuerySelectorAll(".notification").Length);
        Assert.Equal("ไม่มีความคืบหน้า 5", second.QuerySelector(".notification-title")!.TextContent);
    }

    [Theory]
    [InlineData("https://evil.example/phish")]
    [InlineData("//evil.example/phish")]
    [InlineData("/\\evil.example")]
    [InlineData("javascript:alert(1)")]
    public async Task A_notification_cannot_link_to_another_site(string link)
    {
        var (teacher, _) = await app.CreatePersonAsync([SystemRole.Learner]);
        var refused = await Assert.ThrowsAsync<DomainException>(() => app.NotifyAsync(teacher, "x", link: link));
        Assert.Equal("notification.link_not_app_relative", refused.Code);
        Assert.Equal(0, await app.DbAsync(db => db.Notifications.CountAsync(n => n.PersonId == teacher)));
    }

    [Fact]
    public async Task Opening_a_notification_whose_link_was_changed_by_hand_to_another_site_stays_on_this_site()
    {
        var (teacher, login) = await app.CreatePersonAsync([SystemRole.Learner]);
        await app.NotifyAsync(teacher, "tampered");
        var n = await app.NotificationAsync(teacher, "tampered");
        await app.DbAsync(db => db.Database.ExecuteSqlInterpolatedAsync($"UPDATE notifications SET link = '//evil.example/phish' WHERE id = {n.Id}"));
        var browser = app.NewClient();
        await browser.SignInOkAsync(login);
        var open = await browser.GetAsync($"/Notifications/Open/{n.Id}");
        Assert.Equal(HttpStatusCode.Redirect, open.StatusCode);
        Assert.Equal("/Notifications", open.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Nobody_opens_or_marks_another_persons_notification()
    {
        var (owner, _) = await app.CreatePersonAsync([SystemRole.Learner]);
        var (_, otherLogin) = await app.CreatePersonAsync([SystemRole.Learner]);
        await app.NotifyAsync(owner, "mine");
        var n = await app.NotificationAsync(owner, "mine");
        var other = app.NewClient();
        await other.SignInOkAsync(otherLogin);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/Notifications/Open/{n.Id}")).StatusCode);
        Assert.Null((await app.NotificationAsync(owner, "mine")).ReadAtUtc);
        Assert.DoesNotContain("ได้รับเกียรติบัตร", (await other.PageAsync("/Notifications")).QuerySelector("main")!.TextContent);
    }

    [Fact]
    public async Task The_hub_pushes_a_new_notification_to_its_persons_open_page_and_to_nobody_else()
    {
        var (teacher, teacherLogin) = await app.CreatePersonAsync([SystemRole.Learner]);
        var (_, otherLogin) = await app.CreatePersonAsync([SystemRole.Learner]);
        await app.NotifyAsync(teacher, "before");
        var (_, teacherCookies) = await app.SignedInBrowserAsync(teacherLogin);
        var (_, otherCookies) = await app.SignedInBrowserAsync(otherLogin);
        await using var teacherPage = app.HubConnection(teacherCookies);
        await using var otherPage = app.HubConnection(otherCookies);
        var teacherSees = new HubRecorder(teacherPage);
        var otherSees = new HubRecorder(otherPage);
        await teacherPage.StartAsync();
        await otherPage.StartAsync();
        // On connecting each page is told its count (what it may have missed).
        await teacherSees.WaitUntilAsync(r => r.Counts.Contains(1));
        await otherSees.WaitUntilAsync(r => r.Counts.Contains(0));

        await app.NotifyAsync(teacher, "live", NotificationKind.AssignmentGraded, "งาน \"แผนการสอน\" ได้รับการตรวจแล้ว",
            "ได้ 8 จาก 10 คะแนน", "/Learn/Course/1");
        await teacherSees.WaitUntilAsync(r => r.Notifications.Count == 1 && r.Counts.Contains(2));
        var pushed = Assert.Single(teacherSees.Notifications);
        var stored = await app.NotificationAsync(teacher, "live");
        Assert.Equal(stored.Id, pushed.Id);
        Assert.Equal("งาน \"แผนการสอน\" ได้รับการตรวจแล้ว", pushed.Title);
        Assert.Equal(NotificationKind.AssignmentGraded, pushed.Kind);
        Assert.Equal($"/Notifications/Open/{stored.Id}", pushed.Url);

        // Reading it in another tab brings this page's bell down too.
        var browser = app.NewClient();
        await browser.SignInOkAsync(teacherLogin);
        await browser.GetAsync($"/Notifications/Open/{stored.Id}");
        await teacherSees.WaitUntilAsync(r => r.Counts[^1] == 1);

        await Task.Delay(500); // anything meant for the teacher alone has long reached the test server's other page
        Assert.Empty(otherSees.Notifications);
        Assert.Equal([0], otherSees.Counts);
    }

    [Fact]
    public async Task An_anonymous_visitor_cannot_connect_to_the_hub()
    {
        await using var page = app.HubConnection(cookies: null);
        var refused = await Assert.ThrowsAnyAsync<HttpRequestException>(() => page.StartAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    [Fact]
    public async Task A_teacher_chooses_per_kind_how_notifications_reach_them_and_new_ones_follow_the_choice()
    {
        var (teacher, login) = await app.CreatePersonAsync([SystemRole.Learner]);
        var browser = app.NewClient();
        await browser.SignInOkAsync(login);
        var page = await browser.PageAsync("/Account/Notifications");
        Assert.True(Checked(page, "CertificateIssued", "EmailToo"));
        Assert.True(Checked(page, "NoProgress", "DailyDigest"));
        Assert.Contains("21:00 ถึง 07:00", page.Text("[data-testid=quiet-hours]"));

        var saved = await browser.SubmitAsync(page, "/Account/Notifications", new Dictionary<string, string>
        {
            ["Choice[CertificateIssued]"] = "DailyDigest", ["Choice[NoProgress]"] = "InAppOnly",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        page = await browser.PageAsync("/Account/Notifications");
        Assert.Contains("บันทึกวิธีรับการแจ้งเตือนแล้ว", page.QuerySelector(".notice")!.TextContent);
        Assert.True(Checked(page, "CertificateIssued", "DailyDigest"));
        Assert.True(Checked(page, "NoProgress", "InAppOnly"));
        Assert.True(Checked(page, "AssignmentGraded", "EmailToo"));

        await app.NotifyAsync(teacher, "certificate:9");
        var n = await app.NotificationAsync(teacher, "certificate:9");
        Assert.Equal(DeliveryChoice.DailyDigest, n.Delivery);
        Assert.Null(n.EmailDueAtUtc);
    }

    [Fact]
    public async Task A_choice_that_is_not_on_the_list_is_refused_in_Thai_and_nothing_changes()
    {
        var (teacher, login) = await app.CreatePersonAsync([SystemRole.Learner]);
        var browser = app.NewClient();
        await browser.SignInOkAsync(login);
        var response = await browser.SubmitAsync("/Account/Notifications", new Dictionary<string, string>
        {
            ["Choice[CertificateIssued]"] = "InAppOnly", ["Choice[NoProgress]"] = "2",
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.HtmlAsync();
        Assert.Contains("กรุณาเลือกวิธีรับการแจ้งเตือน \"ไม่มีความคืบหน้าในการเรียนมาระยะหนึ่ง\"", page.Text(".validation-summary-errors"));
        Assert.False(await app.DbAsync(db => db.NotificationPreferences.AnyAsync(p => p.PersonId == teacher)));
    }

    [Fact]
    public async Task My_data_includes_my_notifications_and_my_choices()
    {
        var (teacher, login) = await app.CreatePersonAsync([SystemRole.Learner]);
        await app.NotifyAsync(teacher, "certificate:1");
        var browser = app.NewClient();
        await browser.SignInOkAsync(login);
        await browser.SubmitAsync("/Account/Notifications", new Dictionary<string, string> { ["Choice[QuizClosing]"] = "InAppOnly" });

        var json = JsonDocument.Parse(await (await browser.GetAsync("/Account/MyData?handler=Download")).Content.ReadAsStringAsync()).RootElement;
        var notification = Assert.Single(json.GetProperty("Notifications").EnumerateArray());
        Assert.Equal("ได้รับเกียรติบัตรหลักสูตรการจัดการเรียนรู้เชิงรุก", notification.GetProperty("Title").GetString());
        Assert.Equal("CertificateIssued", notification.GetProperty("Kind").GetString());
        Assert.Equal("InAppOnly", json.GetProperty("NotificationChoices").GetProperty("QuizClosing").GetString());
        Assert.Equal("EmailToo", json.GetProperty("NotificationChoices").GetProperty("CertificateIssued").GetString());
    }

    [Fact]
    public async Task Erasing_a_person_deletes_the_texts_of_their_notifications_and_their_choices()
    {
        var (teacher, login) = await app.CreatePersonAsync([SystemRole.Learner]);
        await app.NotifyAsync(teacher, "certificate:1");
        await app.NotifyAsync(teacher, "no-progress:1", NotificationKind.NoProgress, "ยังไม่มีความคืบหน้าในรายวิชา ก");
        var browser = app.NewClient();
        await browser.SignInOkAsync(login);
        await browser.SubmitAsync("/Account/Notifications", new Dictionary<string, string> { ["Choice[QuizClosing]"] = "InAppOnly" });

        var admin = app.NewClient();
        await admin.SignInOkAsync("admin");
        await admin.SubmitAsync($"/Admin/People/Edit/{teacher}", new Dictionary<string, string>(), handler: "Deactivate");
        await admin.SubmitAsync($"/Admin/People/Edit/{teacher}", new Dictionary<string, string>(), handler: "Anonymise");

        var left = await app.DbAsync(db => db.Notifications.Where(n => n.PersonId == teacher).ToListAsync());
        Assert.Equal(2, left.Count); // still counted, and "never twice" still holds
        Assert.All(left, n => Assert.True(n is { Title: "", Body: "", Link: "/" }));
        Assert.All(left, n => Assert.True(n.DroppedAtUtc is not null || n.EmailedAtUtc is not null));
        Assert.False(await app.DbAsync(db => db.NotificationPreferences.AnyAsync(p => p.PersonId == teacher)));
    }

    private static bool Checked(AngleSharp.Html.Dom.IHtmlDocument page, string kind, string choice) =>
        page.QuerySelector($"input[name='Choice[{kind}]'][value='{choice}']")?.HasAttribute("checked") == true;
}
