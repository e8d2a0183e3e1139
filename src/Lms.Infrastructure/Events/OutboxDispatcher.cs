using System.Text.Json;
using Lms.Domain.Common;
using Lms.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Lms.Infrastructure.Events;

public sealed class OutboxOptions
{
    public const string Section = "Outbox";
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);
    /// <summary>Messages per transaction. A burst of completions queues over a thousand events a second.</summary>
    public int BatchSize { get; set; } = 500;
    public int MaxAttempts { get; set; } = 10;
    /// <summary>How often the dispatcher looks at the whole queue rather than only past the last message it took.</summary>
    public TimeSpan FullScanInterval { get; set; } = TimeSpan.FromSeconds(1);
}

/// <summary>
/// Hands saved domain events to their handlers. Several app instances may run it: each claims rows with
/// FOR UPDATE SKIP LOCKED, so a message is handled by one instance at a time. A failing handler is
/// retried with a growing delay; after MaxAttempts the row stays unprocessed with its error for an operator.
/// </summary>
/// <remarks>
/// Between full scans the query starts after the highest id it has taken. A handled row is updated, so its entry in
/// the pending index stays until vacuum: a scan from the start would step over every message handled since then on
/// each poll. Rows the cursor passes over — a retry that is due, a row another instance had locked, an id whose
/// transaction committed after a higher one — are taken by the next full scan, at most
/// <see cref="OutboxOptions.FullScanInterval"/> later.
/// </remarks>
public sealed class OutboxDispatcher(IServiceScopeFactory scopes, IOptions<OutboxOptions> options, TimeProvider clock,
    ILogger<OutboxDispatcher> log) : BackgroundService
{
    private static readonly Dictionary<string, Type> EventTypes = typeof(IDomainEvent).Assembly.GetTypes()
        .Where(t => typeof(IDomainEvent).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false })
        .ToDictionary(t => t.FullName!);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await DispatchBatchAsync(stoppingToken) == 0)
                    await Task.Delay(options.Value.PollInterval, clock, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { }
            catch (Exception e)
            {
                log.LogError(e, "Outbox dispatch failed; retrying");
                await Task.Delay(TimeSpan.FromSeconds(5), clock, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    /// <summary>Handles one batch; returns how many messages it took. Public for tests.</summary>
    public async Task<int> DispatchBatchAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LmsDbContext>();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var after = StartAfter(now);
        // The queue grows faster than ANALYZE runs: with statistics that say "15 pending rows" PostgreSQL read all of
        // a backlog of 8,700 with a bitmap scan and sorted it to return 50 (33 ms a poll, slower the longer the queue).
        // Walking the pending index in id order stops after one batch whatever the statistics say.
        await db.Database.ExecuteSqlRawAsync("SET LOCAL enable_bitmapscan = off", ct);
        var batch = await db.Set<OutboxMessage>()
            .FromSqlInterpolated($@"SELECT * FROM outbox_messages
                WHERE processed_at_utc IS NULL AND id > {after} AND attempts < {options.Value.MaxAttempts}
                  AND (next_attempt_at_utc IS NULL OR next_attempt_at_utc <= {now})
                ORDER BY id LIMIT {options.Value.BatchSize} FOR UPDATE SKIP LOCKED")
            .ToListAsync(ct);
        if (batch.Count > 0) MoveCursorTo(batch[^1].Id);
        var handled = new List<(long Id, DateTime At)>(batch.Count);
        foreach (var message in batch)
        {
            try
            {
                await HandleAsync(scope.ServiceProvider, message, ct);
                handled.Add((message.Id, clock.GetUtcNow().UtcDateTime));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                message.Attempts++;
                message.LastError = e.Message.Length > 2000 ? e.Message[..2000] : e.Message;
                message.NextAttemptAtUtc = now.AddSeconds(Math.Min(3600, Math.Pow(2, message.Attempts)));
                log.LogWarning(e, "Handling {Type} #{Id} failed (attempt {Attempt})", message.Type, message.Id, message.Attempts);
            }
        }
        // The handled messages in one statement (a completion burst queues thousands of events); the
        // failed ones, with their error and next attempt, through the change tracker.
        if (handled.Count > 0)
        {
            long[] ids = [.. handled.Select(h => h.Id)];
            DateTime[] times = [.. handled.Select(h => h.At)];
            await db.Database.ExecuteSqlInterpolatedAsync($@"UPDATE outbox_messages m SET processed_at_utc = d.at
                FROM unnest({ids}, {times}) AS d(id, at) WHERE m.id = d.id", ct);
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return batch.Count;
    }

    private long cursor;
    private long nextFullScanTicks;

    /// <summary>0 (the whole queue) when a full scan is due, else the highest id taken so far.</summary>
    private long StartAfter(DateTime now)
    {
        var due = Interlocked.Read(ref nextFullScanTicks);
        if (now.Ticks >= due && Interlocked.CompareExchange(ref nextFullScanTicks, now.Add(options.Value.FullScanInterval).Ticks, due) == due)
            return 0;
        return Interlocked.Read(ref cursor);
    }

    private void MoveCursorTo(long id)
    {
        for (var seen = Interlocked.Read(ref cursor); id > seen; seen = Interlocked.Read(ref cursor))
            if (Interlocked.CompareExchange(ref cursor, id, seen) == seen) return;
    }

    private static async Task HandleAsync(IServiceProvider services, OutboxMessage message, CancellationToken ct)
    {
        if (!EventTypes.TryGetValue(message.Type, out var type))
            throw new InvalidOperationException($"Unknown event type {message.Type}");
        var domainEvent = JsonSerializer.Deserialize(message.Payload, type, OutboxInterceptor.Json)!;
        var handlerType = typeof(IDomainEventHandler<>).MakeGenericType(type);
        foreach (var handler in services.GetServices(handlerType))
            await (Task)handlerType.GetMethod(nameof(IDomainEventHandler<IDomainEvent>.HandleAsync))!
                .Invoke(handler, [domainEvent, ct])!;
    }
}

public static class DomainEventRegistration
{
    public static IServiceCollection AddDomainEventHandler<TEvent, THandler>(this IServiceCollection services)
        where TEvent : IDomainEvent where THandler : class, IDomainEventHandler<TEvent> =>
        services.AddScoped<IDomainEventHandler<TEvent>, THandler>();
}
