using System.Text.Json;
using Lms.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Lms.Infrastructure.Events;

/// <summary>Turns the domain events of the entities being saved into outbox rows of the same SaveChanges.</summary>
public sealed class OutboxInterceptor : SaveChangesInterceptor
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is { } db) Collect(db);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } db) Collect(db);
        return ValueTask.FromResult(result);
    }

    private static void Collect(DbContext db)
    {
        foreach (var entity in db.ChangeTracker.Entries<IHasDomainEvents>().Select(e => e.Entity).ToList())
        {
            foreach (var e in entity.DomainEvents)
                db.Set<OutboxMessage>().Add(new OutboxMessage
                {
                    Type = e.GetType().FullName!, Payload = JsonSerializer.Serialize(e, e.GetType(), Json),
                    OccurredAtUtc = e.OccurredAtUtc,
                });
            entity.ClearDomainEvents();
        }
    }
}
