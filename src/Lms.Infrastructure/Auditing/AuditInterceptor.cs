using System.Text.Encodings.Web;
using System.Text.Json;
using Lms.Domain.Auditing;
using Lms.Domain.Organisation;
using Lms.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Lms.Infrastructure.Auditing;

/// <summary>
/// Writes an <see cref="AuditEntry"/> for every change to the organisation's records in the same
/// transaction as the change itself, so the log can never miss a change or record one that was
/// rolled back. Secrets (password hashes, security stamps) and sign-in counters are never logged.
/// </summary>
public sealed class AuditInterceptor(TimeProvider clock) : SaveChangesInterceptor
{
    private static readonly IAuditActor SystemActor = new SystemAuditActor();

    /// <summary>The actor set on the (pooled) context by the scope that leased it; "system" when none is.</summary>
    private static IAuditActor ActorOf(DbContext db) => (db as Persistence.LmsDbContext)?.AuditActor ?? SystemActor;

    private static readonly HashSet<Type> Audited =
        [typeof(ServiceAreaOffice), typeof(School), typeof(Person), typeof(LmsUser),
         // PLC groups and memberships: who created a group, added, re-roled, removed or muted whom, who closed a room.
         typeof(Lms.Domain.Plc.PlcGroup), typeof(Lms.Domain.Plc.PlcMember)];

    private static readonly HashSet<string> NeverLogged = new(StringComparer.Ordinal)
    {
        nameof(LmsUser.PasswordHash), nameof(LmsUser.SecurityStamp), nameof(LmsUser.ConcurrencyStamp),
        nameof(LmsUser.AccessFailedCount), nameof(LmsUser.LockoutEnd), nameof(LmsUser.NormalizedEmail),
        nameof(LmsUser.NormalizedUserName), nameof(LmsUser.PreferredCulture),
    };

    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is { } db) Record(db);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } db) Record(db);
        return ValueTask.FromResult(result);
    }

    private void Record(DbContext db)
    {
        var actor = ActorOf(db);
        var now = clock.GetUtcNow().UtcDateTime;
        var entries = new List<AuditEntry>();
        foreach (var e in db.ChangeTracker.Entries().ToList())
        {
            if (e.State is EntityState.Unchanged or EntityState.Detached) continue;
            if (e.Entity is IdentityUserRole<Guid> link)
            {
                if (e.State is EntityState.Added or EntityState.Deleted)
                    entries.Add(RoleChange(db, e, link, now));
                continue;
            }
            if (!Audited.Contains(e.Entity.GetType())) continue;

            var (before, after) = Snapshot(e);
            if (e.State == EntityState.Modified && before.Count == 0) continue; // only unlogged fields changed
            var id = string.Join(",", e.Metadata.FindPrimaryKey()!.Properties.Select(p => e.Property(p.Name).CurrentValue));
            entries.Add(new AuditEntry(now, actor.Id, actor.Name, e.State.ToString(), e.Metadata.ClrType.Name, id,
                e.State == EntityState.Added ? null : JsonSerializer.Serialize(before, Json),
                e.State == EntityState.Deleted ? null : JsonSerializer.Serialize(after, Json)));
        }
        db.Set<AuditEntry>().AddRange(entries);
    }

    private AuditEntry RoleChange(DbContext db, EntityEntry e, IdentityUserRole<Guid> link, DateTime now)
    {
        var role = db.Set<IdentityRole<Guid>>().Local.FirstOrDefault(r => r.Id == link.RoleId)?.Name
                   ?? db.Set<IdentityRole<Guid>>().AsNoTracking().Where(r => r.Id == link.RoleId).Select(r => r.Name).FirstOrDefault()
                   ?? link.RoleId.ToString();
        var payload = JsonSerializer.Serialize(new Dictionary<string, object?> { ["Role"] = role }, Json);
        var granted = e.State == EntityState.Added;
        var actor = ActorOf(db);
        return new AuditEntry(now, actor.Id, actor.Name, granted ? "RoleGranted" : "RoleRevoked", nameof(LmsUser),
            link.UserId.ToString(), granted ? null : payload, granted ? payload : null);
    }

    private static (Dictionary<string, object?> Before, Dictionary<string, object?> After) Snapshot(EntityEntry e)
    {
        var before = new Dictionary<string, object?>();
        var after = new Dictionary<string, object?>();
        foreach (var p in e.Properties)
        {
            var name = p.Metadata.Name;
            if (NeverLogged.Contains(name) || p.Metadata.IsShadowProperty()) continue;
            switch (e.State)
            {
                case EntityState.Added:
                    after[name] = Plain(p.CurrentValue);
                    break;
                case EntityState.Deleted:
                    before[name] = Plain(p.OriginalValue);
                    break;
                case EntityState.Modified when p.IsModified && !Equals(p.OriginalValue, p.CurrentValue):
                    before[name] = Plain(p.OriginalValue);
                    after[name] = Plain(p.CurrentValue);
                    break;
            }
        }
        return (before, after);
    }

    private static object? Plain(object? v) => v is Enum en ? en.ToString() : v;
}
