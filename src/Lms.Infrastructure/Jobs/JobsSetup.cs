using Hangfire;
using Hangfire.PostgreSql;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Lms.Infrastructure.Jobs;

/// <summary>
/// Hangfire runs all deferred and recurring work (certificates, e-mail, reminders) with its jobs in the
/// same PostgreSQL as the data, schema <c>hangfire</c>. Hangfire creates and upgrades that schema itself
/// (it is not part of the EF migrations) the first time the storage is used.
/// Job classes must be idempotent: Hangfire runs a job at least once — again after a crash or a timeout.
/// </summary>
public static class JobsSetup
{
    public const string Schema = "hangfire";

    public static IServiceCollection AddJobs(this IServiceCollection services, IConfiguration config, string connectionString)
    {
        var options = config.GetSection(JobsOptions.Section).Get<JobsOptions>() ?? new JobsOptions();
        services.AddSingleton(options);
        var own = new HostJobStorage();
        services.AddHangfire(cfg => own.Storage = cfg
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UsePostgreSqlStorage(c => c.UseNpgsqlConnection(connectionString), new PostgreSqlStorageOptions
            {
                SchemaName = Schema,
                PrepareSchemaIfNecessary = true,
                QueuePollInterval = options.QueuePollInterval,
                // Workers LISTEN for new jobs instead of waiting a whole poll interval.
                EnableLongPolling = true,
                // A running job keeps its claim fresh; one whose worker died (process killed) is given to another
                // worker once its claim is older than InvisibilityTimeout.
                UseSlidingInvisibilityTimeout = true,
                InvisibilityTimeout = options.InvisibilityTimeout,
                DistributedLockTimeout = TimeSpan.FromMinutes(1),
            }).Entry);
        // Hangfire's defaults give a host the process-wide JobStorage.Current and JobActivator.Current as they are
        // when it resolves them, and every configured host overwrites them: with several hosts in one process (the
        // integration tests run many at once), a host's workers could run its jobs with another host's services and
        // database. Each host keeps its own storage and activates jobs from its own container.
        services.AddSingleton<JobStorage>(sp =>
        {
            sp.GetRequiredService<IGlobalConfiguration>(); // runs the configuration above once
            return own.Storage!;
        });
        services.AddSingleton<JobActivator>(sp => new Hangfire.AspNetCore.AspNetCoreJobActivator(sp.GetRequiredService<IServiceScopeFactory>()));
        if (options.RunServer)
            services.AddHangfireServer(o =>
            {
                o.WorkerCount = options.WorkerCount;
                o.SchedulePollingInterval = options.SchedulePollingInterval;
                o.ShutdownTimeout = options.ShutdownTimeout;
                o.Queues = JobQueues.All;
            });
        return services;
    }
}

internal sealed class HostJobStorage
{
    public JobStorage? Storage { get; set; }
}

/// <summary>Queues in the order workers take from them: certificates a person waits for before bulk work.</summary>
public static class JobQueues
{
    public const string Default = "default";
    /// <summary>Batch issue of hundreds of certificates: must not hold up the single ones and e-mails.</summary>
    public const string Bulk = "bulk";
    public static readonly string[] All = [Default, Bulk];
}
