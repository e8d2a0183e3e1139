using Lms.Domain.Enrolments;
using Lms.Infrastructure.Events;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Lms.Infrastructure.Notifications.Reminders;

public static class ReminderSetup
{
    /// <summary>
    /// The reminder rules, their scan, the send-time relevance check, the "assignment graded" notice and the settings.
    /// The notifier they call (<see cref="INotifier"/>) is the notification centre's; until that is merged a log-only
    /// stand-in keeps the app starting (development validates every registration at start-up).
    /// </summary>
    public static IServiceCollection AddReminders(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<ReminderOptions>().Bind(config.GetSection(ReminderOptions.Section));
        services.AddScoped<ReminderSettingsStore>();
        services.AddScoped<ReminderDelivery>();
        services.AddScoped<IReminderRule, DeadlineReminders>();
        services.AddScoped<IReminderRule, NoProgressReminders>();
        services.AddScoped<IReminderRule, QuizClosingReminders>();
        services.AddScoped<ReminderScanner>();
        services.AddScoped<INotificationRelevance, ReminderRelevance>();
        services.AddDomainEventHandler<AssignmentGraded, AssignmentGradedNotice>();
        services.TryAddScoped<INotifier, LogOnlyNotifier>();
        return services;
    }
}
