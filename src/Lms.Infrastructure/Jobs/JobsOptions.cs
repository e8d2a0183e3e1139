namespace Lms.Infrastructure.Jobs;

/// <summary>How Hangfire runs here (section "Jobs").</summary>
public sealed class JobsOptions
{
    public const string Section = "Jobs";

    /// <summary>
    /// Runs a Hangfire server (the workers) in this process. Every app instance may run one; they share the
    /// queues in PostgreSQL. Off for a web-only instance when a separate worker process serves the jobs.
    /// </summary>
    public bool RunServer { get; set; } = true;

    /// <summary>
    /// How often an idle worker looks at the queue. Hangfire.PostgreSql's default is 15 s; workers are also
    /// woken by PostgreSQL LISTEN/NOTIFY when a job is enqueued, so this is only the fallback.
    /// </summary>
    public TimeSpan QueuePollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How often delayed jobs whose time has come are moved to their queue (Hangfire's default 15 s).</summary>
    public TimeSpan SchedulePollingInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Workers in this process. Jobs here mostly wait on PostgreSQL, SMTP or the file store.</summary>
    public int WorkerCount { get; set; } = Math.Min(Environment.ProcessorCount * 4, 16);

    /// <summary>
    /// How long a job claimed by a worker that has died (the process was killed) stays invisible before another worker
    /// takes it again. Running jobs renew their claim (sliding), so long jobs are not taken twice.
    /// </summary>
    public TimeSpan InvisibilityTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long a stopping server waits for running jobs; a job cut off is retried (jobs are idempotent).</summary>
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(10);
}
