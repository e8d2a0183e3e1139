using Npgsql;

namespace Lms.Web.Tests.Support;

/// <summary>
/// The real PostgreSQL that ./test.sh starts (LMS_TEST_PG). Each test class gets its own database,
/// copied from a template that is migrated and seeded once per run (CREATE DATABASE … TEMPLATE
/// takes ~100 ms; migrating and seeding takes seconds).
/// </summary>
public static class TestPostgres
{
    private const string TemplateName = "lms_test_template";
    private static readonly SemaphoreSlim TemplateLock = new(1, 1);
    private static bool templateReady;

    public static string ServerConnectionString =>
        Environment.GetEnvironmentVariable("LMS_TEST_PG")
        ?? throw new InvalidOperationException(
            "LMS_TEST_PG is not set. Run the tests through ./test.sh, which starts a private PostgreSQL, " +
            "or set LMS_TEST_PG to a server where the user may create databases.");

    public static string ConnectionStringFor(string database) =>
        new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = database, Pooling = true, MaxPoolSize = 50 }.ToString();

    /// <summary>Makes a fresh database from the template; <paramref name="prepareTemplate"/> migrates and seeds it the first time.</summary>
    public static async Task<string> CreateDatabaseAsync(Func<string, Task> prepareTemplate)
    {
        await TemplateLock.WaitAsync();
        try
        {
            if (!templateReady)
            {
                await ExecAsync($"DROP DATABASE IF EXISTS {TemplateName} WITH (FORCE)");
                await ExecAsync($"CREATE DATABASE {TemplateName}");
                await prepareTemplate(ConnectionStringFor(TemplateName));
                NpgsqlConnection.ClearAllPools();
                templateReady = true;
            }
            var name = $"lms_test_{Guid.NewGuid():N}";
            await ExecAsync($"CREATE DATABASE {name} TEMPLATE {TemplateName}");
            return name;
        }
        finally
        {
            TemplateLock.Release();
        }
    }

    /// <summary>
    /// Drops a test class's database. A background job abandoned by the host's shutdown (a certificate batch still
    /// rendering on a loaded machine) can open a new connection between FORCE's terminate and the drop, which then fails
    /// with 55006 "being accessed by other users": try again a few times. A database left behind in the test run's
    /// private cluster harms nothing, so the last failure is reported, not thrown (it would abort the whole run).
    /// </summary>
    public static async Task DropDatabaseAsync(string name)
    {
        for (var attempt = 1; ; attempt++)
        {
            NpgsqlConnection.ClearAllPools();
            try
            {
                await ExecAsync($"DROP DATABASE IF EXISTS {name} WITH (FORCE)");
                return;
            }
            catch (PostgresException e)
            {
                if (attempt == 5)
                {
                    await Console.Error.WriteLineAsync($"Test database {name} left behind: {e.SqlState} {e.MessageText}");
                    return;
                }
                await Task.Delay(TimeSpan.FromSeconds(attempt));
            }
        }
    }

    private static async Task ExecAsync(string sql)
    {
        await using var conn = new NpgsqlConnection(
            new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = "postgres", Pooling = false }.ToString());
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        await cmd.ExecuteNonQueryAsync();
    }
}
