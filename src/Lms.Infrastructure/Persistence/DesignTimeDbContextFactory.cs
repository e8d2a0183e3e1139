using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Lms.Infrastructure.Persistence;

/// <summary>Lets `dotnet ef migrations add` build the model without starting the web app or a database.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<LmsDbContext>
{
    public LmsDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<LmsDbContext>()
            .UseNpgsql("Host=localhost;Database=lms_design", o => o.MigrationsHistoryTable("__ef_migrations_history"))
            .UseSnakeCaseNamingConvention()
            .Options);
}
