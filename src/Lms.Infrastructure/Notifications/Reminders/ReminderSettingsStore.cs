using System.Text.Json;
using Lms.Domain.Notifications.Reminders;
using Lms.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Lms.Infrastructure.Notifications.Reminders;

/// <summary>The one stored row of reminder settings (table <c>reminder_settings</c>), as JSON. Absent = the defaults.</summary>
public sealed class ReminderSettingsRow
{
    public const int SingleId = 1;
    public int Id { get; set; } = SingleId;
    public string Settings { get; set; } = "{}";
    public DateTime UpdatedAtUtc { get; set; }
    public Guid? UpdatedBy { get; set; }
}

/// <summary>The settings as read, with the row version to save an edit against.</summary>
public sealed record StoredReminderSettings(ReminderSettings Settings, uint Version, DateTime? UpdatedAtUtc);

/// <summary>
/// Reads and saves <see cref="ReminderSettings"/>. A part missing from the stored JSON (a rule added in a later
/// release) takes its default, so an upgrade never needs a data migration for a new reminder kind.
/// </summary>
public sealed class ReminderSettingsStore(LmsDbContext db)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private sealed record Stored(DeadlineRule? Deadline, NoProgressRule? NoProgress, QuizClosingRule? QuizClosing, bool? AssignmentGraded,
        bool? CertificateIssued, PlcMeetingRule? PlcMeeting);

    /// <summary>The settings in force (a read only: the row is not tracked in the caller's context).</summary>
    public async Task<ReminderSettings> CurrentAsync(CancellationToken ct)
    {
        var json = await db.Set<ReminderSettingsRow>().AsNoTracking().Where(r => r.Id == ReminderSettingsRow.SingleId)
            .Select(r => r.Settings).FirstOrDefaultAsync(ct);
        return json is null ? ReminderSettings.Default : Parse(json);
    }

    public async Task<StoredReminderSettings> ReadAsync(CancellationToken ct)
    {
        // Tracked: the row version is a shadow property, which a no-tracking query does not keep.
        var row = await db.Set<ReminderSettingsRow>().FirstOrDefaultAsync(r => r.Id == ReminderSettingsRow.SingleId, ct);
        if (row is null) return new StoredReminderSettings(ReminderSettings.Default, 0, null);
        var version = ConcurrencyToken.Get(db, row);
        return new StoredReminderSettings(Parse(row.Settings), version, row.UpdatedAtUtc);
    }

    /// <summary>
    /// Saves checked settings against the version the administrator's form showed.
    /// </summary>
    /// <exception cref="Lms.Domain.Common.DomainException">when a value is invalid (nothing is saved).</exception>
    /// <exception cref="DbUpdateConcurrencyException">when another administrator saved in between.</exception>
    public async Task SaveAsync(ReminderSettings settings, uint expectedVersion, Guid by, DateTime nowUtc, CancellationToken ct)
    {
        var json = JsonSerializer.Serialize(settings.Checked(), Json);
        var row = await db.Set<ReminderSettingsRow>().FirstOrDefaultAsync(r => r.Id == ReminderSettingsRow.SingleId, ct);
        if (row is null)
        {
            if (expectedVersion != 0) throw new DbUpdateConcurrencyException("The reminder settings changed meanwhile.");
            db.Add(new ReminderSettingsRow { Settings = json, UpdatedAtUtc = nowUtc, UpdatedBy = by });
        }
        else
        {
            ConcurrencyToken.Expect(db, row, expectedVersion);
            (row.Settings, row.UpdatedAtUtc, row.UpdatedBy) = (json, nowUtc, by);
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        // Two first saves at once: the second one's insert meets the first one's row.
        catch (DbUpdateException e) when (PostgresErrors.IsUniqueViolation(e))
        {
            throw new DbUpdateConcurrencyException("The reminder settings changed meanwhile.", e);
        }
    }

    private static ReminderSettings Parse(string json)
    {
        var d = ReminderSettings.Default;
        var s = JsonSerializer.Deserialize<Stored>(json, Json);
        if (s is null) return d;
        return new ReminderSettings(s.Deadline ?? d.Deadline, s.NoProgress ?? d.NoProgress, s.QuizClosing ?? d.QuizClosing,
            s.AssignmentGraded ?? d.AssignmentGraded, s.CertificateIssued ?? d.CertificateIssued, s.PlcMeeting ?? d.PlcMeeting);
    }
}
