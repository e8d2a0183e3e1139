using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Hangfire;
using Lms.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lms.Web.Tests.Jobs;

/// <summary>A job the tests enqueue: records that it ran, in this process, with a scoped service resolved.</summary>
public sealed class ProbeJob(Lms.Infrastructure.Persistence.LmsDbContext db)
{
    public static readonly ConcurrentDictionary<string, TaskCompletionSource<int>> Runs = new();

    public async Task RunAsync(string key)
    {
        var schools = await db.Schools.CountAsync();
        Runs.GetOrAdd(key, _ => new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult(schools);
    }
}

public sealed class HangfireTests(LmsAppFactory app) : IClassFixture<LmsAppFactory>
{
    [Fact]
    public async Task An_enqueued_job_runs_in_the_app_with_its_database_and_is_kept_in_PostgreSQL()
    {
        var key = Guid.NewGuid().ToString("N");
        var ran = ProbeJob.Runs.GetOrAdd(key, _ => new(TaskCreationOptions.RunContinuationsAsynchronously));
        var jobs = app.Services.GetRequiredService<IBackgroundJobClient>();
        var clock = Stopwatch.StartNew();
        var id = jobs.Enqueue<ProbeJob>(j => j.RunAsync(key));

        var schools = await ran.Task.WaitAsync(TimeSpan.FromSeconds(20));
        Assert.Equal(27, schools); // the job's own scope saw the seeded office
        // LISTEN/NOTIFY wakes a worker at once; the poll interval is only the fallback.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"the job started after {clock.Elapsed}");

        var state = await WaitForStateAsync(id, "Succeeded");
        Assert.Equal("Succeeded", state);
    }

    [Fact]
    public async Task A_delayed_job_waits_for_its_time()
    {
        var key = Guid.NewGuid().ToString("N");
        var ran = ProbeJob.Runs.GetOrAdd(key, _ => new(TaskCreationOptions.RunContinuationsAsynchronously));
        var jobs = app.Services.GetRequiredService<IBackgroundJobClient>();
        var clock = Stopwatch.StartNew();
        jobs.Schedule<ProbeJob>(j => j.RunAsync(key), TimeSpan.FromSeconds(3));

        await ran.Task.WaitAsync(TimeSpan.FromSeconds(20));
        // Hangfire keeps due times in whole seconds (a Unix-time score), so a job may start up to a second early.
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(1.9), $"ran after {clock.Elapsed}, long before its time");
    }

    [Fact]
    public async Task The_dashboard_is_for_administrators_and_shows_no_connection_string()
    {
        var admin = app.NewClient();
        await admin.SignInOkAsync("admin");
        var page = await admin.GetAsync("/admin/jobs");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("Lms jobs", html);
        Assert.DoesNotContain("Password", html, StringComparison.OrdinalIgnoreCase);

        var teacher = app.NewClient();
        await teacher.SignInOkAsync("s02p06");
        var refused = await teacher.GetAsync("/admin/jobs");
        Assert.Contains("/Account/AccessDenied", refused.Headers.Location?.OriginalString ?? ((int)refused.StatusCode).ToString());
    }

    private async Task<string?> WaitForStateAsync(string id, string wanted)
    {
        string? state = null;
        for (var i = 0; i < 100 && state != wanted; i++)
        {
            state = await app.DbAsync(db => db.Database
                .SqlQueryRaw<string>("SELECT statename AS \"Value\" FROM hangfire.job WHERE id = {0}", long.Parse(id))
                .FirstOrDefaultAsync());
            if (state != wanted) await Task.Delay(100);
        }
        return state;
    }
}
