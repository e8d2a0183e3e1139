using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Lms.Infrastructure.Realtime;

/// <summary>
/// Whether the configured Redis answers. Without it pages still work and live pushes reach the pages on the same
/// instance only, so it reports Degraded (200), not Unhealthy: a load balancer must not take every instance away
/// because the backplane is down.
/// </summary>
public sealed class RedisHealthCheck(RedisConnection redis) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var connection = await redis.GetAsync();
            if (!connection.IsConnected) return new HealthCheckResult(context.Registration.FailureStatus, "Redis is not reachable");
            var rtt = await connection.GetDatabase().PingAsync().WaitAsync(TimeSpan.FromSeconds(2), cancellationToken);
            return HealthCheckResult.Healthy($"Redis answers ({rtt.TotalMilliseconds:0.0} ms)");
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, "Redis is not reachable", e);
        }
    }
}
