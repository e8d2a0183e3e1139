using System.Collections.Concurrent;
using Lms.Infrastructure.Plc;

namespace Lms.Web.Plc;

/// <summary>The room connections this instance holds, whose presence rows it keeps alive.</summary>
public sealed class PlcConnectionRegistry
{
    private readonly ConcurrentDictionary<string, byte> connections = new();

    public void Add(string connectionId) => connections.TryAdd(connectionId, 0);
    public void Remove(string connectionId) => connections.TryRemove(connectionId, out _);
    public IReadOnlyCollection<string> Current => connections.Keys.ToList();
}

/// <summary>
/// Refreshes this instance's presence rows every <see cref="PlcPresence.RefreshEvery"/> and clears expired ones (of an
/// instance that stopped without closing its connections). Presence is thus right within
/// <see cref="PlcPresence.Lifetime"/> with any number of instances.
/// </summary>
public sealed class PlcPresenceHeartbeat(PlcConnectionRegistry registry, PlcPresence presence, ILogger<PlcPresenceHeartbeat> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(PlcPresence.RefreshEvery);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await presence.RefreshAsync(registry.Current, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning(e, "PLC presence refresh failed; trying again in {Interval}", PlcPresence.RefreshEvery);
            }
        }
    }
}
