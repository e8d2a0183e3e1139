using Lms.Domain.Notifications;
using Lms.Domain.Notifications.Reminders;
using Lms.Domain.Plc;
using Lms.Infrastructure.Notifications;
using Lms.Infrastructure.Notifications.Reminders;
using Lms.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using static Lms.Infrastructure.Notifications.Reminders.SqlRows;

namespace Lms.Infrastructure.Plc;

/// <summary>
/// "PLC meeting tomorrow": a planned meeting (a draft dated in the future) starting on the next Thai day is reminded to
/// the group's active members from <see cref="PlcMeetingRule.LocalHour"/> the day before until it starts. The occasion
/// key holds the start time, so a meeting moved to another day is reminded again for its new date, and once per person
/// per date otherwise (the ledger and the notifier's key).
/// </summary>
public sealed class PlcMeetingReminders(LmsDbContext db, ReminderDelivery delivery) : IReminderRule
{
    private const string Members = """
        SELECT mb.person_id
        FROM plc_members mb JOIN people p ON p.id = mb.person_id
        WHERE mb.group_id = $1 AND mb.removed_at_utc IS NULL AND p.is_active
          AND NOT EXISTS (SELECT 1 FROM sent_reminders r WHERE r.person_id = mb.person_id AND r.kind = $2 AND r.occasion_key = $3)
        """;

    public NotificationKind Kind => NotificationKind.PlcMeetingTomorrow;

    public async Task<int> RunAsync(ReminderSettings settings, DateTime nowUtc, CancellationToken ct)
    {
        // Anything due is at most two days ahead (the day before starts at 00:00 local; the hour is 0–23).
        var horizon = nowUtc.AddDays(2);
        var meetings = await db.PlcMeetings.AsNoTracking()
            .Where(m => m.Status == PlcMeetingStatus.Draft && m.StartsAtUtc > nowUtc && m.StartsAtUtc <= horizon)
            .Join(db.PlcGroups, m => m.GroupId, g => g.Id, (m, g) => new { m.Id, m.GroupId, m.Topic, m.StartsAtUtc, Group = g.Name })
            .ToListAsync(ct);
        var sent = 0;
        foreach (var meeting in meetings)
        {
            if (!PlcMeetingReminder.IsDue(meeting.StartsAtUtc, nowUtc, settings.PlcMeeting.LocalHour)) continue;
            var key = PlcMeetingReminder.OccasionKey(meeting.Id, meeting.StartsAtUtc);
            var people = await ReadAsync(db, Members, r => r.GetGuid(0), ct, P(meeting.GroupId), P((int)Kind), P(key));
            var title = ReminderTexts.Title($"พรุ่งนี้มีประชุม PLC: {meeting.Topic}");
            var body = $"กลุ่ม “{meeting.Group}” นัดประชุม PLC เรื่อง “{meeting.Topic}” {ReminderTexts.DateAndTime(meeting.StartsAtUtc)}";
            var link = $"/Plc/Logbook/{meeting.GroupId}/Meeting/{meeting.Id}";
            sent += await delivery.SendAllAsync(people.Select(p => (new NotificationRequest(p, Kind, key, title, body, link), meeting.Id)), nowUtc, ct);
        }
        return sent;
    }
}

/// <summary>
/// Asked again before a delayed e-mail about tomorrow's meeting leaves: only while the meeting is still planned for that
/// time (not moved, not yet started, not deleted) and the person is still a member of the group.
/// </summary>
public sealed class PlcMeetingRelevance(LmsDbContext db, TimeProvider clock) : INotificationRelevance
{
    public async Task<bool> IsStillRelevantAsync(Guid personId, NotificationKind kind, string occasionKey, CancellationToken ct)
    {
        if (kind != NotificationKind.PlcMeetingTomorrow) return true;
        if (occasionKey.Split(':') is not ["plc-meeting", var id, _] || !Guid.TryParse(id, out var meetingId)) return true;
        var now = clock.GetUtcNow().UtcDateTime;
        var meeting = await db.PlcMeetings.AsNoTracking().Where(m => m.Id == meetingId)
            .Select(m => new { m.GroupId, m.StartsAtUtc, m.Status }).FirstOrDefaultAsync(ct);
        return meeting is not null && meeting.Status == PlcMeetingStatus.Draft && meeting.StartsAtUtc > now
               && PlcMeetingReminder.OccasionKey(meetingId, meeting.StartsAtUtc) == occasionKey
               && await db.PlcMembers.AnyAsync(m => m.GroupId == meeting.GroupId && m.PersonId == personId && m.RemovedAtUtc == null, ct);
    }
}
