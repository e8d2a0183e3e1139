using Lms.Infrastructure.Persistence;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Lms.Web.Tests.Support;

/// <summary>
/// The real app on a real PostgreSQL database of its own, seeded with the Sukhothai demo office.
/// Runs with the deployed cookie settings (HTTPS-only, __Host- names): clients talk https://localhost.
/// Use one per test class (IClassFixture) or create one in a test that needs special settings.
/// </summary>
public class LmsAppFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string DemoPassword = "Demo@2569";
    private string? database;
    private bool sharesDatabase;
    private readonly Dictionary<string, string?> settings = new();

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 24, 3, 0, 0, TimeSpan.Zero));
    public bool UseFakeClock { get; init; }
    public string ConnectionString { get; private set; } = "";

    /// <summary>Overrides one configuration value (call before the first client is created).</summary>
    public LmsAppFactory With(string key, string? value)
    {
        settings[key] = value;
        return this;
    }

    /// <summary>
    /// Another app instance on the same database as <paramref name="first"/> (the scale-out tests run two, as two
    /// servers behind a load balancer do). The first one owns the database and drops it.
    /// </summary>
    public static LmsAppFactory SharingDatabaseWith(LmsAppFactory first) =>
        new() { ConnectionString = first.ConnectionString, sharesDatabase = true };

    public async Task InitializeAsync()
    {
        if (sharesDatabase) return;
        database = await TestPostgres.CreateDatabaseAsync(PrepareTemplateAsync);
        ConnectionString = TestPostgres.ConnectionStringFor(database);
    }

    /// <summary>Migrates and seeds the template once by starting the app on it.</summary>
    private static async Task PrepareTemplateAsync(string connectionString)
    {
        await using var seeder = new LmsAppFactory { ConnectionString = connectionString };
        using var scope = seeder.Services.CreateScope(); // building the host runs migrations and the seed
        await Task.CompletedTask;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:Lms", ConnectionString);
        builder.UseSetting("Seed:DemoData", "true");
        builder.UseSetting("Seed:DemoPassword", DemoPassword);
        builder.UseSetting("Security:HttpsOnly", "true");
        builder.UseSetting("RateLimits:SignInPostsPerWindow", "1000");
        builder.UseSetting("Email:Mode", "Folder");
        builder.UseSetting("Email:FolderPath", Path.Combine(Path.GetTempPath(), "lms-test-mail"));
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        // Hangfire: a couple of workers per app under test (dozens of apps run at once) that look at the
        // queue often, and delayed jobs moved to their queue within a second.
        builder.UseSetting("Jobs:WorkerCount", "2");
        builder.UseSetting("Jobs:QueuePollInterval", "00:00:00.200");
        builder.UseSetting("Jobs:SchedulePollingInterval", "00:00:01");
        builder.UseSetting("Jobs:ShutdownTimeout", "00:00:02");
        foreach (var (k, v) in settings) builder.UseSetting(k, v);
        builder.ConfigureTestServices(services =>
        {
            if (UseFakeClock) services.AddSingleton<TimeProvider>(Clock);
        });
    }

    /// <summary>A browser-like client: https, cookies kept, redirects not followed (tests assert them).</summary>
    public HttpClient NewClient() => CreateClient(new WebApplicationFactoryClientOptions
    {
        BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false, HandleCookies = true,
    });

    public T Db<T>(Func<LmsDbContext, T> query)
    {
        using var scope = Services.CreateScope();
        return query(scope.ServiceProvider.GetRequiredService<LmsDbContext>());
    }

    public async Task<T> DbAsync<T>(Func<LmsDbContext, Task<T>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<LmsDbContext>());
    }

    public async Task ScopeAsync(Func<IServiceProvider, Task> work)
    {
        await using var scope = Services.CreateAsyncScope();
        await work(scope.ServiceProvider);
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        if (database is not null) await TestPostgres.DropDatabaseAsync(database);
    }
}
