using Microsoft.Extensions.Configuration;

namespace Lms.Infrastructure.Realtime;

/// <summary>
/// Section <c>Redis</c>. With <see cref="Connection"/> set, every app instance shares its SignalR users and groups
/// through Redis (the backplane), so a push made on one instance reaches pages connected to another. Empty (the
/// default, and ./run.sh): one instance, pushes stay in the process.
/// </summary>
public sealed class RedisSettings
{
    public const string Section = "Redis";

    /// <summary>StackExchange.Redis configuration, e.g. <c>redis:6379</c> or <c>host:6380,password=…,ssl=true</c>.</summary>
    public string? Connection { get; set; }

    /// <summary>
    /// Put before every channel name, so two deployments (say, a training copy and the real one) on one Redis never
    /// hear each other's messages. Each deployment sharing rooms must use the same prefix.
    /// </summary>
    public string ChannelPrefix { get; set; } = "lms";

    public bool Enabled => !string.IsNullOrWhiteSpace(Connection);

    public static RedisSettings From(IConfiguration config) =>
        config.GetSection(Section).Get<RedisSettings>() ?? new RedisSettings();
}
