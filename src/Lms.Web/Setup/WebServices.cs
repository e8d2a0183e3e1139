using Lms.Infrastructure.Auditing;
using Lms.Infrastructure.Realtime;
using Lms.Web.Localization;
using Lms.Web.Security;

namespace Lms.Web.Setup;

public static class WebServices
{
    /// <summary>Razor Pages with their authorisation conventions, identity, localisation and request limits.</summary>
    public static IServiceCollection AddWeb(this IServiceCollection services, IConfiguration config, IHostEnvironment env)
    {
        var cookies = CookiePolicy.From(config);
        services.AddSingleton(cookies);
        services.AddHttpContextAccessor();
        // Thai stays Thai in the HTML (not &#xE19; entities): a third of the bytes, same safety.
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddScoped<IAuditActor, HttpAuditActor>();
        services.AddScoped<Learning.LearnerContext>();
        services.AddSingleton<Quizzes.QuestionText>();
        services.AddScoped<Quizzes.AttemptAccess>();
        services.AddSingleton<Learning.EnrolmentLocks>();
        services.AddLmsIdentity(config, cookies);
        services.AddLmsLocalization(cookies);
        services.AddLmsRateLimiting(config);
        services.AddLmsAuthorization();
        // With Redis:Connection set, every hub shares users and groups across app instances (Redis backplane).
        services.AddSignalR().AddRedisBackplane(config);
        services.AddSingleton<Microsoft.AspNetCore.SignalR.IUserIdProvider, Notifications.PersonIdUserIdProvider>();
        services.AddSingleton<Lms.Infrastructure.Notifications.INotificationPush, Notifications.HubNotificationPush>();
        services.AddSingleton<Plc.PlcRoomBroadcaster>();
        services.AddScoped<Plc.PlcMentions>();
        services.AddScoped<Plc.PlcMemberChanges>();
        services.AddSingleton<Plc.PlcConnectionRegistry>();
        services.AddHostedService<Plc.PlcPresenceHeartbeat>();

        services.AddRazorPages(o => AccessConventions.Apply(o.Conventions))
            .AddMvcOptions(o => o.ModelBinderProviders.Insert(0, new IsoDateBinderProvider()))
            .AddViewLocalization()
            .AddDataAnnotationsLocalization(o => o.DataAnnotationLocalizerProvider = (_, f) => f.Create(typeof(SharedResource)));

        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = cookies.Antiforgery;
            o.Cookie.SecurePolicy = cookies.SecurePolicy;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.HeaderName = "X-CSRF-TOKEN";
        });
        services.Configure<ForwardedHeadersOptions>(o => ReverseProxySettings.Apply(o, config));
        services.AddHsts(o =>
        {
            o.MaxAge = TimeSpan.FromDays(365);
            o.IncludeSubDomains = true;
            // Outside Development every host is a deployed one (also when reached as localhost behind a proxy).
            o.ExcludedHosts.Clear();
        });
        return services;
    }
}
