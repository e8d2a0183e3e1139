using Lms.Domain.Enrolments;
using Lms.Infrastructure.Events;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Lms.Infrastructure.Notifications.Reminders;

public static class ReminderSetup
{
    /// <summary>
    /// The reminder rules, their scan, the send-time relevance check, the "assignment graded" notice and the settings.
    /// The notifier they call (<see cref="INotifier"/>) is the notification centre's.
    /// </summary>
    public static IServiceCollection AddReminders(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<ReminderOptions>().Bind(config.GetSection(ReminderOptions.Section));
        services.AddScoped<ReminderSettingsStore>();
        services.AddScoped<ReminderDelivery>();
        services.AddScoped<IReminderRule, DeadlineReminders>();
        services.AddScoped<IReminderRule, NoProgressReminders>();
        services.AddScoped<IReminderRule, QuizClosingReminders>();
        services.AddScoped<IReminderRule, Plc.PlcMeetingReminders>();
        services.AddScoped<ReminderScanner>();
        services.AddScoped<INotificationRelevance, ReminderRelevance>();
        services.AddScoped<INotificationRelevance, Plc.PlcMeetingRelevance>();
        services.AddDomainEventHandler<AssignmentGraded, AssignmentGradedNotice>();
        return services;
    }
}
