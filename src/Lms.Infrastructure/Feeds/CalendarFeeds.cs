using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Lms.Domain.Courses;
using Lms.Domain.Notifications.Reminders;
using Lms.Domain.Quizzes;
using Lms.Infrastructure.Courses;
using Lms.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Lms.Infrastructure.Feeds;

/// <summary>
/// The per-person iCalendar feed of deadlines for phone calendars: issuing and checking its secret token, and the
/// feed itself — the complete-by deadlines of the person's incomplete courses and the close times of quizzes in them
/// that they have not submitted, and the meetings of the PLC groups they belong to, from 30 days back. Nothing else about
/// the person is in it.
/// </summary>
public sealed class CalendarFeeds(LmsDbContext db, CoursePublisher publisher, TimeProvider clock)
{
    /// <summary>32 random bytes in base64url: 43 characters, safe in a URL path.</summary>
    public const int TokenLength = 43;
    public static readonly TimeSpan History = TimeSpan.FromDays(30);

    /// <summary>Makes a new secret link for the person, replacing (and so disabling) any earlier one; returns its token.</summary>
    public async Task<string> IssueAsync(Guid personId, CancellationToken ct)
    {
        var token = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO calendar_feeds (person_id, token_hash, created_at_utc) VALUES ({personId}, {Hash(token)}, {Now})
            ON CONFLICT (person_id) DO UPDATE SET token_hash = excluded.token_hash, created_at_utc = excluded.created_at_utc
            """, ct);
        return token;
    }

    /// <summary>Turns the link off: calendars that subscribed get 404 from now on.</summary>
    public Task RevokeAsync(Guid personId, CancellationToken ct) =>
        db.Set<CalendarFeed>().Where(f => f.PersonId == personId).ExecuteDeleteAsync(ct);

    public Task<DateTime?> IssuedAtAsync(Guid personId, CancellationToken ct) =>
        db.Set<CalendarFeed>().AsNoTracking().Where(f => f.PersonId == personId).Select(f => (DateTime?)f.CreatedAtUtc).FirstOrDefaultAsync(ct);

    /// <summary>The active person whose link this is, or null (unknown, reset, turned off, or the person deactivated).</summary>
    public async Task<Guid?> PersonForAsync(string token, CancellationToken ct)
    {
        if (token.Length != TokenLength || !token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')) return null;
        var hash = Hash(token);
        return await db.Set<CalendarFeed>().AsNoTracking()
            .Where(f => f.TokenHash == hash)
            .Join(db.People.Where(p => p.IsActive), f => f.PersonId, p => p.Id, (f, p) => (Guid?)p.Id)
            .FirstOrDefaultAsync(ct);
    }

    /// <summary>The person's feed as iCalendar text; event links point into <paramref name="siteUrl"/> (e.g. https://lms.example).</summary>
    public async Task<string> BuildAsync(Guid personId, string siteUrl, CancellationToken ct)
    {
        var now = Now;
        var since = now - History;
        var courseIds = await db.Enrolments.AsNoTracking()
            .Where(e => e.PersonId == personId && e.CompletedAtUtc == null)
            .Join(db.Courses.Where(c => c.Status == CourseStatus.Published), e => e.CourseId, c => c.Id, (e, c) => c.Id)
            .ToListAsync(ct);
        var deadlines = await db.Courses.AsNoTracking()
            .Where(c => courseIds.Contains(c.Id) && c.CompleteByUtc >= since)
            .ToDictionaryAsync(c => c.Id, c => c.CompleteByUtc!.Value, ct);
        var courses = await publisher.CurrentAsync(courseIds, ct);
        var quizActivities = courses.Values.SelectMany(c => c.Activities.Where(a => a.Quiz is not null).Select(a => (Course: c, Activity: a)))
            .ToDictionary(x => x.Activity.Quiz!.Value);
        var quizIds = quizActivities.Keys.ToList();
        var closing = await db.Quizzes.AsNoTracking()
            .Where(q => quizIds.Contains(q.Id) && q.ClosesAtUtc >= since
                        && !db.QuizAttempts.Any(a => a.QuizId == q.Id && a.PersonId == personId && a.State != AttemptState.InProgress))
            .Select(q => new { q.Id, ClosesAt = q.ClosesAtUtc!.Value })
            .ToListAsync(ct);

        var plcMeetings = await db.PlcMeetings.AsNoTracking()
            .Where(m => m.StartsAtUtc >= since
                        && db.PlcMembers.Any(mb => mb.GroupId == m.GroupId && mb.PersonId == personId && mb.RemovedAtUtc == null))
            .Join(db.PlcGroups, m => m.GroupId, g => g.Id, (m, g) => new { m.Id, m.GroupId, m.Topic, m.StartsAtUtc, m.DurationMinutes, Group = g.Name })
            .ToListAsync(ct);

        var calendar = new Ical.Net.Calendar { ProductId = "-//Lms//Teacher professional development//TH", Method = "PUBLISH" };
        calendar.AddProperty("X-WR-CALNAME", "กำหนดการเรียนของฉัน");
        foreach (var (courseId, completeBy) in deadlines)
        {
            if (!courses.TryGetValue(courseId, out var course)) continue;
            // The whole last day, Thailand time: from its 00:00 to the deadline (the next 00:00), in UTC.
            var lastDayStart = ThaiDays.StartUtc(ThaiDays.LastDayBefore(completeBy));
            calendar.Events.Add(Event($"course-{courseId}-complete-by", $"ต้องเรียนจบ: {course.TitleTh}",
                $"วันสุดท้ายที่ต้องเรียนรายวิชา “{course.TitleTh}” ให้จบ", lastDayStart, completeBy, $"{siteUrl}/Learn/Course/{courseId}", now));
        }
        foreach (var quiz in closing)
        {
            var (course, activity) = quizActivities[quiz.Id];
            // Half an hour that ends when the quiz closes: calendars show it at the close time.
            calendar.Events.Add(Event($"quiz-{quiz.Id}-closes", $"แบบทดสอบปิด: {activity.Title}",
                $"แบบทดสอบ “{activity.Title}” ในรายวิชา “{course.TitleTh}” ปิดเวลานี้", quiz.ClosesAt.AddMinutes(-30), quiz.ClosesAt,
                $"{siteUrl}/Learn/Activity/{course.Id}/{activity.Id}", now));
        }
        foreach (var meeting in plcMeetings)
        {
            calendar.Events.Add(Event($"plc-meeting-{meeting.Id}", $"ประชุม PLC: {meeting.Topic}",
                $"การประชุม PLC ของกลุ่ม “{meeting.Group}” เรื่อง “{meeting.Topic}”", meeting.StartsAtUtc,
                meeting.StartsAtUtc.AddMinutes(meeting.DurationMinutes), $"{siteUrl}/Plc/Logbook/{meeting.GroupId}/Meeting/{meeting.Id}", now));
        }
        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }

    private static CalendarEvent Event(string uid, string summary, string description, DateTime startUtc, DateTime endUtc, string url,
        DateTime nowUtc) => new()
    {
        // Stable ids: a moved deadline updates the event in the phone's calendar instead of adding another.
        Uid = $"{uid}@lms", Summary = summary, Description = $"{description}\n{url}", Url = new Uri(url),
        DtStart = Utc(startUtc), DtEnd = Utc(endUtc), DtStamp = Utc(nowUtc),
    };

    private static CalDateTime Utc(DateTime utc) => new(DateTime.SpecifyKind(utc, DateTimeKind.Utc), "UTC", true);

    private static byte[] Hash(string token) => SHA256.HashData(Encoding.ASCII.GetBytes(token));

    private DateTime Now => clock.GetUtcNow().UtcDateTime;
}
