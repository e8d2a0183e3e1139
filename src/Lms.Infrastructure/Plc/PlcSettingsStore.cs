using Lms.Domain.Plc;
using Lms.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Lms.Infrastructure.Plc;

/// <summary>The target as read, with the row version an edit is saved against (0: never saved, the default applies).</summary>
public sealed record StoredPlcSettings(PlcSettings Settings, uint Version, DateTime? UpdatedAtUtc);

/// <summary>Reads and saves the office's PLC settings (one row; absent = <see cref="PlcSettings.Default"/>).</summary>
public sealed class PlcSettingsStore(LmsDbContext db)
{
    public async Task<PlcSettings> CurrentAsync(CancellationToken ct)
    {
        var target = await db.PlcSettings.AsNoTracking().Where(r => r.Id == PlcSettingsRow.SingleId)
            .Select(r => (decimal?)r.YearlyTargetHours).FirstOrDefaultAsync(ct);
        return target is { } t ? new PlcSettings(t) : PlcSettings.Default;
    }

    public async Task<StoredPlcSettings> ReadAsync(CancellationToken ct)
    {
        // Tracked: the row version is a shadow property, which a no-tracking query does not keep.
        var row = await db.PlcSettings.FirstOrDefaultAsync(r => r.Id == PlcSettingsRow.SingleId, ct);
        return row is null
            ? new StoredPlcSettings(PlcSettings.Default, 0, null)
            : new StoredPlcSettings(new PlcSettings(row.YearlyTargetHours), ConcurrencyToken.Get(db, row), row.UpdatedAtUtc);
    }

    /// <exception cref="Lms.Domain.Common.DomainException">when the target is out of range (nothing is saved).</exception>
    /// <exception cref="DbUpdateConcurrencyException">when another administrator saved since the form was shown.</exception>
    public async Task SaveAsync(decimal yearlyTargetHours, uint expectedVersion, Guid by, DateTime nowUtc, CancellationToken ct)
    {
        var settings = PlcSettings.Create(yearlyTargetHours);
        var row = await db.PlcSettings.FirstOrDefaultAsync(r => r.Id == PlcSettingsRow.SingleId, ct);
        if (row is null)
        {
            if (expectedVersion != 0) throw new DbUpdateConcurrencyException("The PLC settings changed meanwhile.");
            db.PlcSettings.Add(new PlcSettingsRow { YearlyTargetHours = settings.YearlyTargetHours, UpdatedAtUtc = nowUtc, UpdatedBy = by });
        }
        else
        {
            ConcurrencyToken.Expect(db, row, expectedVersion);
            (row.YearlyTargetHours, row.UpdatedAtUtc, row.UpdatedBy) = (settings.YearlyTargetHours, nowUtc, by);
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        // Two first saves at once: the second one's insert meets the first one's row.
        catch (DbUpdateException e) when (PostgresErrors.IsUniqueViolation(e))
        {
            throw new DbUpdateConcurrencyException("The PLC settings changed meanwhile.", e);
        }
    }
}
