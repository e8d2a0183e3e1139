using Microsoft.EntityFrameworkCore;

namespace Lms.Infrastructure.Persistence;

/// <summary>The row version (PostgreSQL xmin) of entities edited in forms, carried through the form and checked on save.</summary>
public static class ConcurrencyToken
{
    public const string PropertyName = "Version";

    public static uint Get(DbContext db, object entity) => (uint)db.Entry(entity).Property(PropertyName).CurrentValue!;

    /// <summary>Makes the update fail with <see cref="DbUpdateConcurrencyException"/> if the row changed since the form was shown.</summary>
    public static void Expect(DbContext db, object entity, uint version) =>
        db.Entry(entity).Property(PropertyName).OriginalValue = version;
}
