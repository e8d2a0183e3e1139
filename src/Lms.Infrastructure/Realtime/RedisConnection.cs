using StackExchange.Redis;

namespace Lms.Infrastructure.Realtime;

/// <summary>
/// The instance's one connection to Redis, shared by the SignalR backplane and the health check. Made on first use
/// and kept; when Redis is away it reconnects by itself (AbortOnConnectFail off), so the app starts and serves pages
/// without it and the backplane resumes when it is back.
/// </summary>
public sealed class RedisConnection(RedisSettings settings) : IAsyncDisposable
{
    private readonly Lazy<Task<ConnectionMultiplexer>> connection = new(() => ConnectAsync(settings));

    public Task<ConnectionMultiplexer> GetAsync() => connection.Value;

    public static ConfigurationOptions Options(RedisSettings settings)
    {
        var options = ConfigurationOptions.Parse(settings.Connection!);
        options.ChannelPrefix = RedisChannel.Literal(settings.ChannelPrefix + ":");
        options.AbortOnConnectFail = false;
        options.ClientName ??= $"lms-{Environment.MachineName}-{Environment.ProcessId}";
        return options;
    }

    private static async Task<ConnectionMultiplexer> ConnectAsync(RedisSettings settings) =>
        await ConnectionMultiplexer.ConnectAsync(Options(settings));

    public async ValueTask DisposeAsync()
    {
        if (connection.IsValueCreated) await (await connection.Value).DisposeAsync();
    }
}
