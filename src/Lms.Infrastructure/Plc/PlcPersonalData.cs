using Lms.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Lms.Infrastructure.Plc;

/// <summary>
/// PDPA for PLC: what "my data" shows of a person's PLC life, and what erasing them changes. Their memberships and the
/// meetings they attended stay as rows (the group's logbook and its approved hours are the school's record, and the
/// attendance count of a meeting must not change); their name goes with the person record. The messages they wrote lose
/// their text and attachments, since a message can say anything about anyone.
/// </summary>
public static class PlcPersonalData
{
    /// <summary>What replaces the text of an erased person's messages.</summary>
    public const string ErasedMessageText = "ข้อความนี้ถูกลบตามคำขอของเจ้าของข้อมูลส่วนบุคคล";

    public static async Task<object> ExportAsync(LmsDbContext db, PlcHoursQueries hours, Guid personId, CancellationToken ct)
    {
        var memberships = await db.PlcMembers.AsNoTracking().Where(m => m.PersonId == personId)
            .Join(db.PlcGroups, m => m.GroupId, g => g.Id, (m, g) => new
            {
                Group = g.Name, g.FiscalYear, Role = m.Role.ToString(), m.JoinedAtUtc, m.RemovedAtUtc, m.MutedUntilUtc,
            })
            .ToListAsync(ct);
        var attended = await hours.Attended(personId)
            .Join(db.PlcGroups, m => m.GroupId, g => g.Id, (m, g) => new { Group = g.Name, Meeting = m })
            .OrderBy(x => x.Meeting.StartsAtUtc).ToListAsync(ct);
        var recorded = await db.PlcMeetings.AsNoTracking().Where(m => m.RecordedBy == personId)
            .Select(m => new { m.Id, m.Topic, m.StartsAtUtc }).ToListAsync(ct);
        var messages = await db.PlcMessages.AsNoTracking().Where(m => m.AuthorId == personId)
            .Join(db.PlcGroups, m => m.GroupId, g => g.Id, (m, g) => new
            {
                Group = g.Name, m.Sequence, m.SentAtUtc, m.Body, Attachments = m.Attachments, m.HiddenAtUtc,
            })
            .OrderBy(m => m.SentAtUtc).ToListAsync(ct);
        var reactions = await db.PlcReactions.AsNoTracking().Where(r => r.PersonId == personId)
            .Select(r => new { r.MessageId, r.Emoji, r.CreatedAtUtc }).ToListAsync(ct);
        return new
        {
            Memberships = memberships,
            MeetingsAttended = attended.Select(x => new
            {
                x.Group, x.Meeting.Topic, x.Meeting.StartsAtUtc, x.Meeting.DurationMinutes, x.Meeting.Hours,
                FiscalYear = x.Meeting.FiscalYear.BuddhistYear, Step = x.Meeting.Step.ToString(), Status = x.Meeting.Status.ToString(),
                HoursCount = x.Meeting.CountsHours,
            }),
            MeetingsRecorded = recorded,
            Messages = messages.Select(m => new
            {
                m.Group, m.Sequence, m.SentAtUtc, m.Body, Attachments = m.Attachments.Select(a => a.FileName), Hidden = m.HiddenAtUtc is not null,
            }),
            Reactions = reactions,
        };
    }

    /// <summary>Erasure of the person's PLC data: see <see cref="PlcErasure"/> (one implementation for both erasure paths).</summary>
    public static Task<List<string>> EraseAsync(LmsDbContext db, Guid personId, CancellationToken ct) => PlcErasure.EraseAsync(db, personId, ct);
}
