using Lms.Infrastructure.Seeding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Lms.Infrastructure.Persistence;

/// <summary>Applies migrations (the only way the schema changes), then seeds the demo data once if asked.</summary>
public sealed class DatabaseInitializer(LmsDbContext db, DemoDataSeeder seeder, DemoCourseSeeder courses, DemoPlcSeeder plc,
    IOptions<SeedOptions> seed,
    ILogger<DatabaseInitializer> log)
{
    public async Task InitialiseAsync(CancellationToken ct = default)
    {
        var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
        if (pending.Count > 0)
        {
            log.LogInformation("Applying {Count} migration(s): {Migrations}", pending.Count, pending);
            await db.Database.MigrateAsync(ct);
        }
        await DemoDataSeeder.EnsureRolesAsync(db, ct);
        if (seed.Value.DemoData) await seeder.SeedAsync(ct);
        if (seed.Value.DemoData && seed.Value.DemoCourses) await courses.SeedAsync(ct);
        if (seed.Value.DemoData && seed.Value.DemoPlc) await plc.SeedAsync(ct);
    }
}
