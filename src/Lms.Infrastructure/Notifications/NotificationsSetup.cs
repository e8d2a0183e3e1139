using Hangfire;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Lms.Infrastructure.Notifications;

public static class NotificationsSetup
{
    /// <summary>The notifier, its jobs' helpers and settings. The web app adds the live push (<see cref="INotificationPush"/>).</summary>
    public static IServiceCollection AddNotifications(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<NotificationOptions>().Bind(config.GetSection(NotificationOptions.Section))
            .Validate(o => TimeOnly.TryParseExact(o.QuietHoursStart, "HH:mm", out _) && TimeOnly.TryParseExact(o.QuietHoursEnd, "HH:mm", out _),
                "Notifications:QuietHoursStart and QuietHoursEnd must be times like 21:00 and 07:00 (Thailand time).")
            .Validate(o => o.PageSize is > 0 and <= 200, "Notifications:PageSize must be between 1 and 200.")
            .ValidateOnStart();
        services.AddOptions<AppLinks>().Bind(config.GetSection(AppLinks.Section))
            .Validate(o => Uri.TryCreate(o.PublicBaseUrl, UriKind.Absolute, out var u) && u.Scheme is "http" or "https",
                "App:PublicBaseUrl must be the absolute http(s) address people reach the app at, e.g. https://lms.example.go.th.")
            .ValidateOnStart();
        services.AddScoped<INotifier, Notifier>();
        services.AddScoped<RelevanceChecks>();
        return services;
    }

    /// <summary>The recurring jobs of the notification centre (registered once at start-up, in Hangfire's storage).</summary>
    public static void RegisterRecurringJobs(IRecurringJobManager recurring, NotificationOptions options)
    {
        var utc = new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc };
        recurring.AddOrUpdate<NotificationDigestJob>(NotificationDigestJob.RecurringId,
            j => j.RunAsync(CancellationToken.None), options.DigestCron, utc);
        recurring.AddOrUpdate<NotificationEmailJob>("notifications:email-sweep",
            j => j.SweepAsync(CancellationToken.None), options.EmailSweepCron, utc);
    }
}
