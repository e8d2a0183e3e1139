using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Lms.Infrastructure.Realtime;

public static class RealtimeSetup
{
    /// <summary>The Redis connection and its health check, when <c>Redis:Connection</c> is set; nothing otherwise.</summary>
    public static IServiceCollection AddRedis(this IServiceCollection services, IConfiguration config)
    {
        var settings = RedisSettings.From(config);
        if (!settings.Enabled) return services;
        services.AddSingleton(settings);
        services.AddSingleton<RedisConnection>();
        services.AddHealthChecks().AddCheck<RedisHealthCheck>("redis", HealthStatus.Degraded);
        return services;
    }

    /// <summary>
    /// Every hub of the app (notifications, PLC rooms) over the Redis backplane when <c>Redis:Connection</c> is set:
    /// <c>Clients.User(…)</c> and <c>Clients.Group(…)</c> then reach connections on every instance. Channels are
    /// named by the hub's type under <c>Redis:ChannelPrefix</c>. Without Redis: single instance, as before.
    /// </summary>
    public static ISignalRServerBuilder AddRedisBackplane(this ISignalRServerBuilder signalR, IConfiguration config)
    {
        var settings = RedisSettings.From(config);
        if (!settings.Enabled) return signalR;
        signalR.AddStackExchangeRedis();
        // The backplane uses the instance's shared connection (made with the channel prefix) instead of its own.
        signalR.Services.AddOptions<Microsoft.AspNetCore.SignalR.StackExchangeRedis.RedisOptions>()
            .Configure<RedisConnection>((o, redis) =>
            {
                o.Configuration = RedisConnection.Options(settings);
                o.ConnectionFactory = async _ => await redis.GetAsync();
            });
        return signalR;
    }
}
