using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;
using Lms.E2E.Support;
using Npgsql;

namespace Lms.E2E.Journeys;

/// <summary>
/// "Exactly one certificate per person, even when the process is killed in the middle." A real app process issues a
/// batch for every person of the demo office; it is killed (SIGKILL) while the batch is half done, started again,
/// and Hangfire hands the cut-off job to the new process. In the end: one certificate each, numbers 1…N without a gap
/// or a repeat, every PDF stored.
/// </summary>
[Collection(LiveAppCollection.Name)]
public sealed partial class CertificateCrashTests : IAsyncLifetime
{
    private readonly LiveApp app = new();

    public Task InitializeAsync()
    {
        // A dead worker's job is taken again after 5 s instead of 5 minutes; two workers, as on a small server.
        app.Settings["Jobs__InvisibilityTimeout"] = "00:00:05";
        app.Settings["Jobs__WorkerCount"] = "2";
        return app.InitializeAsync();
    }

    public Task DisposeAsync() => app.DisposeAsync();

    [Fact]
    public async Task A_batch_killed_half_way_finishes_after_a_restart_with_one_certificate_each_and_no_gap_in_the_numbers()
    {
        using var admin = await SignInAsync("admin");
        var logins = await QueryAsync("SELECT user_name FROM users WHERE user_name IS NOT NULL ORDER BY user_name", r => r.GetString(0));
        var eventId = await CreateEventAsync(admin);
        var started = await PostFormAsync(admin, $"/Admin/Certificates/Batch/{eventId}", new() { ["People"] = string.Join('\n', logins) });
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        var batchId = Guid.Parse(started.Headers.Location!.OriginalString.Split('/').Last());

        // Kill it at the worst moment: numbers taken and rows committed, their PDFs not yet stored.
        var clock = Stopwatch.StartNew();
        int drawnAtKill, recordedAtKill;
        while (true)
        {
            var counts = await QueryAsync($"SELECT count(*), count(file_key) FROM certificates WHERE batch_id = '{batchId}'",
                r => (Recorded: (int)r.GetInt64(0), Drawn: (int)r.GetInt64(1)));
            (recordedAtKill, drawnAtKill) = counts[0];
            if (recordedAtKill > drawnAtKill) break;
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), "the batch recorded nothing in 60 s");
            await Task.Delay(10);
        }
        await app.KillAsync();
        Assert.True(drawnAtKill < logins.Count, $"the batch had already finished ({drawnAtKill} of {logins.Count}) before the kill");

        await app.RestartAsync();
        clock.Restart();
        while (await CountAsync($"SELECT count(*) FROM certificate_batches WHERE id = '{batchId}' AND finished_at_utc IS NOT NULL") == 0)
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(120), $"the batch did not finish after the restart\n{app.Output[^Math.Min(app.Output.Length, 4000)..]}");
            await Task.Delay(200);
        }

        var rows = await QueryAsync($"SELECT person_id, running_number, file_key FROM certificates WHERE subject_id = '{eventId}'",
            r => (Person: r.GetGuid(0), Number: r.GetInt32(1), File: r.IsDBNull(2) ? null : r.GetString(2)));
        Assert.Equal(logins.Count, rows.Count);
        Assert.Equal(logins.Count, rows.Select(r => r.Person).Distinct().Count());
        Assert.Equal(Enumerable.Range(1, logins.Count), rows.Select(r => r.Number).Order());
        Assert.All(rows, r => Assert.True(r.File is not null && File.Exists(Path.Combine(app.FilesFolder, r.File)), $"no PDF for {r.Person}"));
        // Reported in the test log: how far the first process got.
        Console.WriteLine($"killed with {drawnAtKill} drawn and {recordedAtKill} recorded of {logins.Count}; finished {clock.Elapsed.TotalSeconds:0.0} s after the restart");
    }

    private async Task<Guid> CreateEventAsync(HttpClient admin)
    {
        var saved = await PostFormAsync(admin, "/Admin/Certificates/Events", new()
        {
            ["Input.Name"] = "ประชุมเชิงปฏิบัติการทั้งเขตพื้นที่", ["Input.HeldOn"] = "2026-11-20", ["Input.CreditHours"] = "6",
            ["Input.TemplateId"] = "5eed0c00-0000-4000-8000-00000000c001", // the demo office's standard design
        });
        Assert.True(saved.StatusCode == HttpStatusCode.Redirect, await saved.Content.ReadAsStringAsync());
        return Guid.Parse(saved.Headers.Location!.OriginalString.Split('/').Last());
    }

    private async Task<HttpClient> SignInAsync(string login)
    {
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new() })
        {
            BaseAddress = new Uri(app.BaseUrl),
        };
        var response = await PostFormAsync(client, "/Account/Login", new() { ["Input.Login"] = login, ["Input.Password"] = Demo.Password });
        Assert.True(response.StatusCode == HttpStatusCode.Redirect,
            $"sign-in of {login}: {(int)response.StatusCode} {Regex.Match(await response.Content.ReadAsStringAsync(), "class=\"notice error\"[^<]*<[^>]*>?[^<]*").Value}");
        return client;
    }

    /// <summary>GETs the page for its antiforgery token, then posts the fields with it, as the browser's form would.</summary>
    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string url, Dictionary<string, string> fields)
    {
        var html = await client.GetStringAsync(url);
        fields["__RequestVerificationToken"] = TokenField().Match(html).Groups[1].Value;
        return await client.PostAsync(url, new FormUrlEncodedContent(fields));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();

    private async Task<int> CountAsync(string sql) => (await QueryAsync(sql, r => (int)r.GetInt64(0)))[0];

    private async Task<List<T>> QueryAsync<T>(string sql, Func<NpgsqlDataReader, T> read)
    {
        await using var conn = new NpgsqlConnection(app.ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        await using var reader = await cmd.ExecuteReaderAsync();
        var list = new List<T>();
        while (await reader.ReadAsync()) list.Add(read(reader));
        return list;
    }
}
