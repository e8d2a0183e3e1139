using System.Globalization;
using Lms.Domain.Notifications;
using Lms.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Lms.Web.Tests.Reminders;

/// <summary>The designer sets "complete by"; enrolled teachers who have not finished are reminded 7 and 1 days before, once each.</summary>
public sealed class DeadlineReminderTests(ReminderApp app) : IClassFixture<ReminderApp>
{
    [Fact]
    public async Task Teachers_get_the_7_and_the_1_day_reminder_once_each_and_whoever_finished_gets_none()
    {
        var lastDay = app.Today.AddDays(20);
        var (courseId, pageUrl) = await app.CourseWithDeadlineAsync("การวัดและประเมินผลเชิงรุก", lastDay);
        var (early, earlyClient) = await app.TeacherAsync();
        await earlyClient.EnrolAsync(courseId);
        var (finisher, finisherClient) = await app.TeacherAsync();
        await finisherClient.EnrolAsync(courseId);
        await finisherClient.PageAsync(pageUrl); // the only activity: the course is complete

        app.MoveTo(lastDay.AddDays(-8), hour: 23);
        await app.ScanAsync();
        Assert.Empty(app.Sent(early, NotificationKind.EnrolmentDeadline));

        app.MoveTo(lastDay.AddDays(-7), hour: 0);
        await app.ScanAsync();
        await app.ScanAsync(); // a second run sends nothing again
        var seven = Assert.Single(app.Sent(early, NotificationKind.EnrolmentDeadline));
        Assert.Equal("ใกล้ถึงกำหนดเรียนจบ: การวัดและประเมินผลเชิงรุก", seven.Title);
        Assert.Contains("(อีก 7 วัน)", seven.Body);
        Assert.Contains("2569", seven.Body); // the last day in the Buddhist Era
        Assert.Equal($"/Learn/Course/{courseId}", seven.Link);
        Assert.Empty(app.Sent(finisher, NotificationKind.EnrolmentDeadline));

        // Enrolled after the 7-day mark: only the 1-day reminder, never a stale "7 days".
        app.MoveTo(lastDay.AddDays(-5));
        var (late, lateClient) = await app.TeacherAsync();
        await lateClient.EnrolAsync(courseId);
        await app.ScanAsync();
        Assert.Empty(app.Sent(late, NotificationKind.EnrolmentDeadline));

        app.MoveTo(lastDay.AddDays(-1), hour: 8);
        await app.ScanAsync();
        app.MoveTo(lastDay.AddDays(-1), hour: 20);
        await app.ScanAsync();
        Assert.Equal(2, app.Sent(early, NotificationKind.EnrolmentDeadline).Count);
        var lateOne = Assert.Single(app.Sent(late, NotificationKind.EnrolmentDeadline));
        Assert.EndsWith(":1d", lateOne.OccasionKey);
        Assert.Contains("(อีก 1 วัน)", lateOne.Body);
        Assert.Empty(app.Sent(finisher, NotificationKind.EnrolmentDeadline));

        // After the deadline nothing more.
        app.MoveTo(lastDay.AddDays(1));
        await app.ScanAsync();
        Assert.Equal(2, app.Sent(early, NotificationKind.EnrolmentDeadline).Count);
        Assert.Equal(3, await app.DbAsync(db => db.Set<Lms.Infrastructure.Notifications.Reminders.SentReminder>()
            .CountAsync(r => r.Kind == NotificationKind.EnrolmentDeadline && r.OccasionKey.StartsWith($"course:{courseId}:"))));
    }

    [Fact]
    public async Task The_designer_sets_the_deadline_and_the_learner_sees_it_in_the_Buddhist_Era()
    {
        var lastDay = app.Today.AddDays(30);
        var (courseId, _) = await app.CourseWithDeadlineAsync("ต้องจบภายในวันที่กำหนด", lastDay);
        var stored = await app.DbAsync(db => db.Courses.Where(c => c.Id == courseId).Select(c => c.CompleteByUtc).SingleAsync());
        // The end of the last day in Thailand: 00:00 (UTC+7) the next day.
        Assert.Equal(Lms.Domain.Notifications.Reminders.ThaiDays.StartUtc(lastDay.AddDays(1)), stored);

        var designer = app.NewClient();
        await designer.SignInOkAsync("designer");
        var form = await designer.PageAsync($"/Design/Courses/Edit/{courseId}");
        Assert.Equal(lastDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), form.QuerySelector("[data-testid=complete-by]")!.GetAttribute("value"));
        // Saving the form again keeps the same last days (each is stored as the end of that day, shown as the day itself).
        var closes = lastDay.AddDays(-10).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await designer.SubmitAsync($"/Design/Courses/Edit/{courseId}", new Dictionary<string, string> { ["Input.EnrolmentCloses"] = closes });
        await designer.SubmitAsync($"/Design/Courses/Edit/{courseId}", new Dictionary<string, string>());
        form = await designer.PageAsync($"/Design/Courses/Edit/{courseId}");
        Assert.Equal(closes, form.QuerySelector("input[name='Input.EnrolmentCloses']")!.GetAttribute("value"));
        Assert.Equal(lastDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), form.QuerySelector("[data-testid=complete-by]")!.GetAttribute("value"));

        var (_, teacher) = await app.TeacherAsync();
        await teacher.EnrolAsync(courseId);
        var page = await teacher.PageAsync($"/Learn/Course/{courseId}");
        var thaiDate = lastDay.ToDateTime(TimeOnly.MinValue).ToString("d MMM yyyy", new CultureInfo("th-TH"));
        Assert.Equal($"ต้องเรียนจบภายใน {thaiDate}", page.Text("[data-testid=complete-by]"));
        Assert.Contains((lastDay.Year + 543).ToString(CultureInfo.InvariantCulture), thaiDate);
    }

    [Fact]
    public async Task A_deadline_before_enrolment_opens_is_refused_with_a_Thai_message_and_nothing_changes()
    {
        var (designer, courseId, _) = await app.NewCourseAsync("กำหนดผิด");
        var opens = app.Today.AddDays(10);
        var response = await designer.SubmitAsync($"/Design/Courses/Edit/{courseId}", new Dictionary<string, string>
        {
            ["Input.EnrolmentOpens"] = opens.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ["Input.CompleteBy"] = opens.AddDays(-3).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        });
        Assert.Contains("วันที่ต้องเรียนจบต้องอยู่หลังวันที่เปิดลงทะเบียน", (await response.HtmlAsync()).Body!.TextContent);
        Assert.Null(await app.DbAsync(db => db.Courses.Where(c => c.Id == courseId).Select(c => c.CompleteByUtc).SingleAsync()));
    }
}
