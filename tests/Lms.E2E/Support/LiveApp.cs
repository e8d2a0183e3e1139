using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Npgsql;

namespace Lms.E2E.Support;

/// <summary>
/// The real application, started once for the whole E2E run as a child process (the built
/// Lms.Web.dll, Release if built, else Debug) on a free local port, against a fresh PostgreSQL
/// database on the server named by LMS_TEST_PG. The app migrates and seeds the demo data itself.
/// Disposing kills the process tree and drops the database.
/// </summary>
public sealed class LiveApp : IAsyncLifetime
{
    /// <summary>Extra settings (environment variables, e.g. <c>Jobs__InvisibilityTimeout</c>) for an app of a test's own.</summary>
    public Dictionary<string, string> Settings { get; } = new();

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);
    private const int MaxCapturedChars = 200_000;

    private readonly StringBuilder output = new();
    private Process? process;
    private string? database;
    private string? mailFolder;
    private string? filesFolder;
    private string? appConnection;
    private ProcessStartInfo? startInfo;

    /// <summary>The app's own database (for tests that check what was stored).</summary>
    public string ConnectionString => appConnection ?? throw new InvalidOperationException("not started");

    /// <summary>Where the app keeps uploaded and generated files (a folder of its own).</summary>
    public string FilesFolder => filesFolder ?? throw new InvalidOperationException("not started");

    /// <summary>E.g. http://127.0.0.1:41234 (no trailing slash).</summary>
    public string BaseUrl { get; private set; } = "";

    /// <summary>Everything the app wrote to stdout/stderr so far (for failure messages).</summary>
    public string Output
    {
        get { lock (output) return output.ToString(); }
    }

    public async Task InitializeAsync()
    {
        try
        {
            await StartAsync();
        }
        catch
        {
            await DisposeAsync();
            throw;
        }
    }

    private async Task StartAsync()
    {
        var repo = RepoRoot();
        var web = Path.Combine(repo, "src", "Lms.Web");
        var dll = new[] { "Release", "Debug" }
            .Select(c => Path.Combine(web, "bin", c, "net10.0", "Lms.Web.dll"))
            .FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException(
                $"Lms.Web.dll is not built under {web}/bin/(Release|Debug)/net10.0. Run `dotnet build Lms.sln -c Release` first.");

        database = $"lms_e2e_{Guid.NewGuid():N}";
        await AdminSqlAsync($"CREATE DATABASE \"{database}\"");
        appConnection = new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = database }.ToString();

        mailFolder = Directory.CreateTempSubdirectory("lms-e2e-mail-").FullName;
        filesFolder = Directory.CreateTempSubdirectory("lms-e2e-files-").FullName;
        var port = FreePort();
        BaseUrl = $"http://127.0.0.1:{port}";

        var start = new ProcessStartInfo(DotnetHost())
        {
            WorkingDirectory = web,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        start.ArgumentList.Add(dll);
        start.ArgumentList.Add("--contentRoot");
        start.ArgumentList.Add(web);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["DOTNET_ENVIRONMENT"] = "Development";
        start.Environment["ConnectionStrings__Lms"] = appConnection;
        start.Environment["ASPNETCORE_URLS"] = BaseUrl;
        start.Environment["Email__Mode"] = "Folder";
        start.Environment["Email__FolderPath"] = mailFolder;
        start.Environment["FileStore__LocalPath"] = filesFolder;
        start.Environment["App__PublicBaseUrl"] = BaseUrl;
        foreach (var (key, value) in Settings) start.Environment[key] = value;
        // Launched from `dotnet test`, which sets variables meant for the test host, not for the app.
        start.Environment.Remove("ASPNETCORE_HOSTINGSTARTUPASSEMBLIES");
        start.Environment.Remove("DOTNET_STARTUP_HOOKS");

        startInfo = start;
        await LaunchAsync();
    }

    private async Task LaunchAsync()
    {
        process = new Process { StartInfo = startInfo!, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => Capture(e.Data);
        process.ErrorDataReceived += (_, e) => Capture(e.Data);
        if (!process.Start()) throw new InvalidOperationException($"Could not start {startInfo!.FileName}");
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        await WaitUntilHealthyAsync();
    }

    /// <summary>SIGKILL, as a crash or an out-of-memory kill would: no shutdown, jobs cut off mid-way.</summary>
    public async Task KillAsync()
    {
        if (process is null || process.HasExited) return;
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(15));
        process.Dispose();
        process = null;
    }

    /// <summary>Starts the app again on the same database, files and address (after <see cref="KillAsync"/>).</summary>
    public Task RestartAsync() => LaunchAsync();

    private async Task WaitUntilHealthyAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var clock = Stopwatch.StartNew();
        var last = "no answer yet";
        while (clock.Elapsed < StartTimeout)
        {
            if (process!.HasExited)
                throw new InvalidOperationException(
                    $"The app exited with code {process.ExitCode} before /health answered.\n--- app output ---\n{Output}");
            try
            {
                using var response = await http.GetAsync($"{BaseUrl}/health");
                if (response.StatusCode == HttpStatusCode.OK) return;
                last = $"HTTP {(int)response.StatusCode}";
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                last = e.Message;
            }
            await Task.Delay(250);
        }
        throw new TimeoutException(
            $"GET {BaseUrl}/health did not answer 200 within {StartTimeout.TotalSeconds:0} s (last: {last}).\n--- app output ---\n{Output}");
    }

    public async Task DisposeAsync()
    {
        if (process is not null)
        {
            try
            {
                if (!process.HasExited)
                {
                    process.Kill(entireProcessTree: true);
                    await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(15));
                }
            }
            catch (Exception e) when (e is InvalidOperationException or TimeoutException)
            {
                // Already gone, or refuses to die: nothing more we can do here.
            }
            process.Dispose();
            process = null;
        }
        if (database is not null)
        {
            await AdminSqlAsync($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)");
            database = null;
        }
        foreach (var folder in new[] { mailFolder, filesFolder })
            if (folder is not null)
                try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        (mailFolder, filesFolder) = (null, null);
    }

    private void Capture(string? line)
    {
        if (line is null) return;
        lock (output)
        {
            if (output.Length < MaxCapturedChars) output.AppendLine(line);
        }
    }

    private static string ServerConnectionString =>
        Environment.GetEnvironmentVariable("LMS_TEST_PG")
        ?? throw new InvalidOperationException(
            "LMS_TEST_PG is not set: give an Npgsql connection string to a PostgreSQL server where the user may " +
            "CREATE DATABASE, e.g. Host=127.0.0.1;Port=5544;Username=lms;Password=lms;Database=lms");

    private static async Task AdminSqlAsync(string sql)
    {
        await using var conn = new NpgsqlConnection(
            new NpgsqlConnectionStringBuilder(ServerConnectionString) { Pooling = false }.ToString());
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        await cmd.ExecuteNonQueryAsync();
    }

    private static string RepoRoot()
    {
        var fromEnv = Environment.GetEnvironmentVariable("LMS_REPO_ROOT");
        if (!string.IsNullOrWhiteSpace(fromEnv)) return Path.GetFullPath(fromEnv);
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Lms.sln"))) return dir.FullName;
        throw new InvalidOperationException($"No Lms.sln above {AppContext.BaseDirectory}; set LMS_REPO_ROOT.");
    }

    /// <summary>The dotnet host that runs the tests (set by `dotnet test`), else `dotnet` on the PATH.</summary>
    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
