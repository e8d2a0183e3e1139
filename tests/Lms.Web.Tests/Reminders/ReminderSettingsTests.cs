using System.Net;
using System.Text.Json;
using Lms.Domain.Notifications;
using Lms.Infrastructure.Events;
using Lms.Infrastructure.Notifications.Reminders;
using Lms.Web.Tests.Support;

namespace Lms.Web.Tests.Reminders;

/// <summary>Administrators set the reminders on /Admin/Reminders; a kind switched off sends nothing.</summary>
public sealed class ReminderSettingsTests(ReminderApp app) : IClassFixture<ReminderApp>
{
    private async Task<HttpClient> AdminAsync()
    {
        var admin = app.NewClient();
        await admin.SignInOkAsync("admin");
        return admin;
    }

    private Task<StoredReminderSettings> CurrentAsync() =>
        app.DbAsync(db => new ReminderSettingsStore(db).ReadAsync(CancellationToken.None));

    [Fact]
    public async Task Wrong_values_are_refused_with_Thai_messages_and_nothing_is_saved()
    {
        var before = await CurrentAsync();
        var admin = await AdminAsync();

        var response = await admin.SubmitAsync("/Admin/Reminders", new Dictionary<string, string>
        {
            ["Input.DeadlineDays"] = "7, หนึ่ง", ["Input.NoProgressAfterDays"] = "0", ["Input.QuizClosingHours"] = "200",
            ["Input.PlcMeetingHour"] = "สิบ",
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = (await response.HtmlAsync()).Body!.TextContent;
        Assert.Contains("กรุณากรอกจำนวนวันเป็นตัวเลขคั่นด้วยจุลภาค เช่น 7, 1", text);
        Assert.Contains("กรุณากรอกเป็นจำนวนเต็ม", text);

        response = await admin.SubmitAsync("/Admin/Reminders", new Dictionary<string, string>
        {
            ["Input.DeadlineDays"] = "120", ["Input.NoProgressAfterDays"] = "0", ["Input.QuizClosingHours"] = "200",
        });
        text = (await response.HtmlAsync()).Body!.TextContent;
        Assert.Contains("จำนวนวันก่อนถึงกำหนดต้องเป็นจำนวนเต็มตั้งแต่ 0 ถึง 90", text);
        Assert.Contains("จำนวนวันที่ไม่มีความก้าวหน้าต้องอยู่ระหว่าง 1 ถึง 365 วัน", text);
        Assert.Contains("จำนวนชั่วโมงก่อนแบบทดสอบปิดต้องอยู่ระหว่าง 1 ถึง 168 ชั่วโมง", text);

        var after = await CurrentAsync();
        Assert.Equal(before.Version, after.Version);
        Assert.Equal(JsonSerializer.Serialize(before.Settings), JsonSerializer.Serialize(after.Settings));
    }

    [Fact]
    public async Task Switched_off_deadline_reminders_and_graded_notices_are_not_sent_and_the_settings_are_kept()
    {
        var admin = await AdminAsync();
        var saved = await admin.SubmitAsync("/Admin/Reminders", new Dictionary<string, string>
        {
            ["Input.DeadlineEnabled"] = "false", ["Input.DeadlineDays"] = "1, 3, 10", ["Input.AssignmentGraded"] = "false",
            ["Input.QuizClosingHours"] = "48",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var page = await admin.PageAsync("/Admin/Reminders");
        Assert.Contains("บันทึกการตั้งค่าการแจ้งเตือนแล้ว", page.Body!.TextContent);
        Assert.Equal("10, 3, 1", page.QuerySelector("[data-testid=deadline-days]")!.GetAttribute("value"));
        Assert.Null(page.QuerySelector("input[name='Input.DeadlineEnabled'][checked]"));
        Assert.Equal("48", page.QuerySelector("input[name='Input.QuizClosingHours']")!.GetAttribute("value"));

        var (assignmentCourse, assignmentUrl) = await app.AssignmentCourseAsync("ไม่แจ้งผลการตรวจ", "แผนการสอน");
        var (graded, gradedClient) = await app.TeacherAsync();
        await gradedClient.EnrolAsync(assignmentCourse);
        await gradedClient.SubmitAsync(assignmentUrl, new Dictionary<string, string> { ["text"] = "แผนที่ 1" }, handler: "Submit");
        var submission = app.Db(db => db.AssignmentSubmissions.Single(x => x.PersonId == graded).Id);
        var trainer = app.NewClient();
        await trainer.SignInOkAsync("trainer");
        await trainer.SubmitAsync($"/Teach/Grade/{submission}", new Dictionary<string, string> { ["Scores[0]"] = "4", ["Scores[1]"] = "6" }, handler: "Grade");
        await app.DispatchOutboxUntilAsync(() => app.Db(db => db.Set<OutboxMessage>().Count(m => m.ProcessedAtUtc == null)) == 0);
        Assert.NotNull(app.Db(db => db.Enrolments.Single(e => e.PersonId == graded).CompletedAtUtc)); // graded, passed, complete
        Assert.Empty(app.Sent(graded, NotificationKind.AssignmentGraded));

        var lastDay = app.Today.AddDays(12);
        var (courseId, _) = await app.CourseWithDeadlineAsync("ปิดการแจ้งเตือน", lastDay);
        var (teacher, client) = await app.TeacherAsync();
        await client.EnrolAsync(courseId);
        app.MoveTo(lastDay.AddDays(-1));
        await app.ScanAsync();
        Assert.Empty(app.Sent(teacher, NotificationKind.EnrolmentDeadline));
    }

    [Fact]
    public async Task Two_administrators_cannot_overwrite_each_others_settings()
    {
        var admin = await AdminAsync();
        var shownToBoth = await admin.PageAsync("/Admin/Reminders");
        var first = await admin.SubmitAsync(shownToBoth, "/Admin/Reminders", new Dictionary<string, string> { ["Input.QuizClosingHours"] = "12" });
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        var second = await admin.SubmitAsync(shownToBoth, "/Admin/Reminders", new Dictionary<string, string> { ["Input.QuizClosingHours"] = "6" });
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Contains("มีผู้อื่นแก้ไขข้อมูลนี้ในเวลาเดียวกัน", (await second.HtmlAsync()).Body!.TextContent);
        Assert.Equal(12, (await CurrentAsync()).Settings.QuizClosing.HoursBefore);
    }
}
