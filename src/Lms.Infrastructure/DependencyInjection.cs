using Lms.Infrastructure.Auditing;
using Lms.Infrastructure.Email;
using Lms.Infrastructure.Markdown;
using Lms.Infrastructure.Files;
using Lms.Infrastructure.Events;
using Lms.Infrastructure.Jobs;
using Lms.Infrastructure.Notifications;
using Lms.Infrastructure.Notifications.Reminders;
using Lms.Infrastructure.Persistence;
using Lms.Infrastructure.Realtime;
using Lms.Infrastructure.Seeding;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Lms.Infrastructure;

public static class DependencyInjection
{
    private static readonly Events.OutboxInterceptor OutboxInterceptorInstance = new();

    /// <summary>Everything outside the process: PostgreSQL, Data Protection keys, e-mail, files, seeding; and the Markdown renderer.</summary>
    public static IServiceCollection AddInfrastructure(this IServiceCollection services, IConfiguration config)
    {
        var connectionString = config.GetConnectionString("Lms")
            ?? throw new InvalidOperationException("ConnectionStrings:Lms is not set. ./run.sh sets it for a local cluster.");
        // Hangfire gets the connection string as given, in a pool of its own: its LISTEN connections and
        // transaction locks must not meet the tuned pool, which skips the reset between uses.
        var jobsConnectionString = new Npgsql.NpgsqlConnectionStringBuilder(connectionString) { ApplicationName = "lms-jobs" }.ConnectionString;
        connectionString = NpgsqlTuning.Apply(connectionString);

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddScoped<IAuditActor, SystemAuditActor>();
        // Pooled contexts: a request leases a ready context (options, model lookup and EF's internal
        // services already built) instead of building them again for every request. The audit
        // interceptor is shared; who is acting travels on the leased context (LmsDbContext.AuditActor),
        // set here from the scope's IAuditActor and cleared when the context goes back to the pool.
        services.AddPooledDbContextFactory<LmsDbContext>((sp, o) => o
            .UseNpgsql(connectionString, npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history"))
            .UseSnakeCaseNamingConvention()
            .AddInterceptors(new AuditInterceptor(sp.GetRequiredService<TimeProvider>()), OutboxInterceptorInstance));
        services.AddScoped(sp =>
        {
            var db = sp.GetRequiredService<IDbContextFactory<LmsDbContext>>().CreateDbContext();
            db.AuditActor = sp.GetRequiredService<IAuditActor>();
            return db;
        });

        services.AddDataProtection()
            .SetApplicationName("Lms")
            .PersistKeysToDbContext<LmsDbContext>();

        services.AddOptions<EmailOptions>().Bind(config.GetSection(EmailOptions.Section));
        services.AddSingleton<IEmailSender>(sp =>
            sp.GetRequiredService<IOptions<EmailOptions>>().Value.Mode.Equals("Smtp", StringComparison.OrdinalIgnoreCase)
                ? ActivatorUtilities.CreateInstance<SmtpEmailSender>(sp)
                : ActivatorUtilities.CreateInstance<FolderEmailSender>(sp));

        services.AddMarkdown();
        services.AddFileStore(config);

        services.AddOptions<SeedOptions>().Bind(config.GetSection(SeedOptions.Section));
        services.AddScoped<DemoDataSeeder>();
        services.AddScoped<DemoCourseSeeder>();
        services.AddScoped<Identity.PersonAccounts>();
        services.AddMemoryCache();
        services.AddScoped<Courses.CoursePublisher>();
        services.AddScoped<Learning.LearnerSnapshotReader>();
        services.AddSingleton<Learning.LearnerSnapshotBatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<Learning.LearnerSnapshotBatcher>());
        services.AddSingleton<Learning.ProgressWriter>();
        services.AddHostedService(sp => sp.GetRequiredService<Learning.ProgressWriter>());
        services.AddSingleton<Quizzes.SubmitWriter>();
        services.AddHostedService(sp => sp.GetRequiredService<Quizzes.SubmitWriter>());
        services.AddOptions<Events.OutboxOptions>().Bind(config.GetSection(Events.OutboxOptions.Section));
        services.AddSingleton<Events.OutboxDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<Events.OutboxDispatcher>());
        services.AddSingleton<QuestionFormats.IQuestionFormat, QuestionFormats.MoodleXmlFormat>();
        services.AddScoped<Quizzes.QuestionContents>();
        services.AddSingleton<QuestionFormats.IQuestionFormat, QuestionFormats.GiftFormat>();
        services.AddScoped<QuestionBank.QuestionImportReader>();
        services.AddScoped<QuestionBank.QuestionBankImporter>();
        services.AddScoped<QuestionBank.QuestionBankExporter>();
        services.AddScoped<Quizzes.AttemptService>();
        services.AddScoped<Quizzes.AttemptReader>();
        services.AddOptions<Quizzes.QuizOptions>().Bind(config.GetSection(Quizzes.QuizOptions.Section));
        services.AddSingleton<Quizzes.OverdueAttemptSweeper>();
        services.AddHostedService(sp => sp.GetRequiredService<Quizzes.OverdueAttemptSweeper>());
        // Stateless and thread-safe (fonts and shapers are cached inside): one for the whole app.
        services.AddSingleton<Certificates.ICertificateRenderer, Certificates.SkiaCertificateRenderer>();
        services.AddJobs(config, jobsConnectionString);
        services.AddOptions<Certificates.Issuing.PublicAddressOptions>().Bind(config.GetSection(Certificates.Issuing.PublicAddressOptions.Section));
        services.AddScoped<Certificates.Issuing.CertificateRecorder>();
        services.AddScoped<Certificates.Issuing.CertificateDrawer>();
        services.AddScoped<Certificates.Issuing.CertificateJobs>();
        services.AddScoped<Certificates.Issuing.CertificateAdministration>();
        services.AddDomainEventHandler<Domain.Enrolments.CourseCompleted, Certificates.Issuing.CourseCompletedCertificateHandler>();
        services.AddNotifications(config);
        services.AddReminders(config);
        services.AddScoped<Feeds.CalendarFeeds>();
        AddPlcRooms(services, connectionString);
        services.AddScoped<Plc.PlcSettingsStore>();
        services.AddScoped<Plc.PlcHoursQueries>();
        services.AddScoped<DemoPlcSeeder>();
        services.AddScoped<DatabaseInitializer>();
        services.AddHealthChecks().AddDbContextCheck<LmsDbContext>("postgresql");
        services.AddRedis(config);
        return services;
    }

    /// <summary>PLC rooms: posting, reads, presence and room actions (singletons: each call opens its own connection).</summary>
    private static void AddPlcRooms(IServiceCollection services, string connectionString)
    {
        services.AddSingleton(new Plc.PlcConnections(connectionString));
        services.AddSingleton<ChatMarkdown>();
        services.AddSingleton<Plc.PlcMessageStore>();
        services.AddHostedService(sp => sp.GetRequiredService<Plc.PlcMessageStore>());
        services.AddSingleton<Plc.PlcRoomQueries>();
        services.AddSingleton<Plc.PlcPresence>();
        services.AddSingleton<Plc.PlcRoomActions>();
        services.AddSingleton<Plc.PlcAttachmentUploads>();
        services.AddScoped<Plc.PlcMembership>();
    }
}
