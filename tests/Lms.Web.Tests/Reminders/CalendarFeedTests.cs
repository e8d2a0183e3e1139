using System.Net;
using Ical.Net;
using Lms.Domain.Notifications.Reminders;
using Lms.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Lms.Web.Tests.Reminders;

/// <summary>A teacher's deadlines as an iCalendar feed behind a secret link they can reset.</summary>
public sealed class CalendarFeedTests(ReminderApp app) : IClassFixture<ReminderApp>
{
    private static async Task<string> IssueAsync(HttpClient teacher, string handlerSelector = "[data-testid=issue-feed]")
    {
        var page = await teacher.PageAsync("/Account/Calendar");
        Assert.NotNull(page.QuerySelector(handlerSelector));
        var made = await teacher.SubmitAsync(page, "/Account/Calendar", new Dictionary<string, string>(), handler: "Issue");
        Assert.Equal(HttpStatusCode.OK, made.StatusCode);
        var url = (await made.HtmlAsync()).QuerySelector("[data-testid=feed-url]")!.GetAttribute("value")!;
        Assert.Matches(@"^https://localhost/calendar/[A-Za-z0-9_-]{43}\.ics$", url);
        return url.Replace("https://localhost", "");
    }

    [Fact]
    public async Task The_feed_has_the_teachers_deadline_and_quiz_close_in_UTC_and_parses_back()
    {
        var lastDay = app.Today.AddDays(10);
        var (courseId, _) = await app.CourseWithDeadlineAsync("การออกแบบการเรียนรู้แบบ Active Learning", lastDay);
        var closesLocal = app.Now.AddHours(7).AddDays(4);
        var quiz = await app.PublishedQuizCourseAsync("แบบทดสอบวัดความรู้", QuizSteps.TrueFalse(1), new Dictionary<string, string>
        {
            ["Input.Title"] = "แบบทดสอบ", ["Input.AttemptsAllowed"] = "1", ["Input.PassPercent"] = "50",
            ["Input.ClosesAtLocal"] = closesLocal.ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture),
        });
        var (_, teacher) = await app.TeacherAsync();
        await teacher.EnrolAsync(courseId);
        await teacher.EnrolAsync(quiz.CourseId);

        var feedUrl = await IssueAsync(teacher);
        var phone = app.NewClient(); // a calendar app: no cookies, no sign-in
        var response = await phone.GetAsync(feedUrl);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        var calendar = Calendar.Load(await response.Content.ReadAsStringAsync())!;

        var deadline = Assert.Single(calendar.Events, e => e.Uid == $"course-{courseId}-complete-by@lms");
        Assert.Equal("ต้องเรียนจบ: การออกแบบการเรียนรู้แบบ Active Learning", deadline.Summary);
        Assert.True(deadline.DtStart!.IsUtc);
        Assert.Equal(ThaiDays.StartUtc(lastDay), deadline.DtStart.AsUtc);
        Assert.Equal(ThaiDays.StartUtc(lastDay.AddDays(1)), deadline.End!.AsUtc);

        var closesUtc = await app.DbAsync(db => db.Quizzes.Where(q => q.CourseId == quiz.CourseId).Select(q => q.ClosesAtUtc!.Value).SingleAsync());
        var quizEvent = Assert.Single(calendar.Events, e => e.Uid!.StartsWith("quiz-"));
        Assert.Equal("แบบทดสอบปิด: แบบทดสอบ", quizEvent.Summary);
        Assert.True(quizEvent.End!.IsUtc);
        Assert.Equal(closesUtc, quizEvent.End.AsUtc);
        Assert.Equal(2, calendar.Events.Count);
    }

    [Fact]
    public async Task Resetting_the_link_makes_the_old_one_404_and_turning_it_off_stops_the_new_one()
    {
        var (_, teacher) = await app.TeacherAsync();
        var old = await IssueAsync(teacher);
        var phone = app.NewClient();
        Assert.Equal(HttpStatusCode.OK, (await phone.GetAsync(old)).StatusCode);

        var renewed = await IssueAsync(teacher, "[data-testid=reset-feed]");
        Assert.NotEqual(old, renewed);
        Assert.Equal(HttpStatusCode.NotFound, (await phone.GetAsync(old)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await phone.GetAsync(renewed)).StatusCode);
        // Only the hash is stored: the token itself is nowhere in the database.
        var token = renewed.Split('/').Last().Replace(".ics", "");
        var stored = await app.DbAsync(db => db.Set<Lms.Infrastructure.Feeds.CalendarFeed>().Select(f => f.TokenHash).ToListAsync());
        Assert.DoesNotContain(stored, h => System.Text.Encoding.ASCII.GetString(h).Contains(token));
        Assert.Contains(stored, h => h.SequenceEqual(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.ASCII.GetBytes(token))));

        await teacher.SubmitAsync("/Account/Calendar", new Dictionary<string, string>(), handler: "Revoke");
        Assert.Equal(HttpStatusCode.NotFound, (await phone.GetAsync(renewed)).StatusCode);
        Assert.NotNull((await teacher.PageAsync("/Account/Calendar")).QuerySelector("[data-testid=issue-feed]"));
    }

    [Fact]
    public async Task Each_link_shows_only_its_own_persons_deadlines_and_the_export_mentions_the_link()
    {
        var mine = await app.CourseWithDeadlineAsync("รายวิชาของครูหนึ่ง", app.Today.AddDays(20));
        var theirs = await app.CourseWithDeadlineAsync("รายวิชาของครูสอง", app.Today.AddDays(21));
        var (_, one) = await app.TeacherAsync();
        await one.EnrolAsync(mine.CourseId);
        var (_, two) = await app.TeacherAsync();
        await two.EnrolAsync(theirs.CourseId);
        var oneFeed = await IssueAsync(one);
        await IssueAsync(two);

        var calendar = Calendar.Load(await app.NewClient().GetStringAsync(oneFeed))!;
        Assert.Equal(["ต้องเรียนจบ: รายวิชาของครูหนึ่ง"], calendar.Events.Select(e => e.Summary));

        var export = await one.GetStringAsync("/Account/MyData?handler=Download");
        Assert.Contains("\"CalendarLink\": {", export);
        Assert.DoesNotContain(oneFeed.Split('/').Last().Replace(".ics", ""), export);
    }
}
