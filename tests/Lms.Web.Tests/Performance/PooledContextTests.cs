using Lms.Domain.Organisation;
using Lms.Infrastructure.Auditing;
using Lms.Infrastructure.Persistence;
using Lms.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lms.Web.Tests.Performance;

/// <summary>
/// Database contexts are pooled (Lms.Infrastructure.DependencyInjection). Who is acting must travel
/// with each lease and never stay on a context that goes back to the pool.
/// </summary>
public sealed class PooledContextTests(LmsAppFactory app) : IClassFixture<LmsAppFactory>
{
    private sealed class Someone : IAuditActor
    {
        public Guid? Id => Guid.Parse("00000000-0000-0000-0000-0000000000aa");
        public string Name => "someone-else";
    }

    [Fact]
    public async Task A_leased_context_carries_its_scope_actor_and_forgets_it_when_returned()
    {
        LmsDbContext? first = null;
        await app.ScopeAsync(sp =>
        {
            first = sp.GetRequiredService<LmsDbContext>();
            Assert.Same(sp.GetRequiredService<IAuditActor>(), first.AuditActor);
            first.AuditActor = new Someone(); // as if a request had acted through it
            return Task.CompletedTask;
        });
        Assert.Null(first!.AuditActor); // back in the pool without it

        await app.ScopeAsync(sp =>
        {
            var next = sp.GetRequiredService<LmsDbContext>();
            Assert.Same(sp.GetRequiredService<IAuditActor>(), next.AuditActor);
            return Task.CompletedTask;
        });
    }

    [Fact]
    public async Task A_change_saved_outside_a_request_is_recorded_as_system_even_on_a_reused_context()
    {
        var schoolId = app.Db(db => db.Schools.OrderBy(s => s.Code).Select(s => s.Id).First());
        await app.ScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<LmsDbContext>();
            db.AuditActor = new Someone();
            await db.Schools.FirstAsync(s => s.Id == schoolId); // used, then returned to the pool
        });

        await app.ScopeAsync(async sp =>
        {
            await using var db = await sp.GetRequiredService<IDbContextFactory<LmsDbContext>>().CreateDbContextAsync();
            Assert.Null(db.AuditActor);
            var school = await db.Schools.FirstAsync(s => s.Id == schoolId);
            school.Update(school.Code, school.NameTh + " (ทดสอบ)", school.NameEn, school.District, school.Province);
            await db.SaveChangesAsync();
        });

        var entry = await app.DbAsync(db => db.AuditEntries
            .Where(a => a.EntityType == nameof(School) && a.EntityId == schoolId.ToString() && a.Action == "Modified")
            .OrderByDescending(a => a.Id).FirstAsync());
        Assert.Equal("system", entry.ActorName);
        Assert.Null(entry.ActorId);
    }
}
