using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Lms.Infrastructure.Persistence;

/// <summary>
/// Group commit: writes that arrive while one batch is being written go together in the next one — one round trip,
/// one transaction and one WAL flush for many people. On a small machine PostgreSQL's per-transaction and per-statement
/// work, not the rows, is what caps writes, and sharing it is what lifts the cap. There is no timer: a write that
/// arrives when nothing is being written goes at once, alone, so a quiet system pays no delay.
/// <para>Each caller awaits its own batch's commit, so nothing is acknowledged before it is durable (synchronous_commit
/// stays on). If a batch fails as a whole, each of its writes is tried again on its own, so one failing write does not
/// fail the others; the caller of the failing one gets what PostgreSQL threw. On shutdown (after the server has
/// finished its requests) what is still queued is written.</para>
/// </summary>
/// <typeparam name="TWrite">One caller's write.</typeparam>
/// <typeparam name="TResult">What the caller is told about it.</typeparam>
public abstract class GroupCommitWriter<TWrite, TResult>(ILogger log) : BackgroundService
{
    /// <summary>Writes per batch at most; more wait for the next batch.</summary>
    protected virtual int MaxBatch => 256;

    /// <summary>A batch taking longer than this is logged: every write queued behind it waited as long.</summary>
    public static readonly TimeSpan SlowBatch = TimeSpan.FromMilliseconds(50);

    private readonly Channel<Pending> queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });

    private sealed record Pending(TWrite Write)
    {
        public TaskCompletionSource<TResult> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    /// <summary>Queues the write and waits until its batch is committed.</summary>
    protected Task<TResult> WriteAsync(TWrite write, CancellationToken ct)
    {
        var pending = new Pending(write);
        if (!queue.Writer.TryWrite(pending)) throw new InvalidOperationException($"{GetType().Name} has stopped.");
        return pending.Done.Task.WaitAsync(ct);
    }

    /// <summary>
    /// Writes these in one transaction and answers each one's result, in the same order. Throwing fails the batch
    /// (it is then written again one by one).
    /// </summary>
    protected abstract Task<IReadOnlyList<TResult>> WriteBatchAsync(IReadOnlyList<TWrite> batch);

    /// <summary>
    /// A key two writes of one batch must not share (null: no rule). The second waits for the next batch, e.g. two
    /// changes of one row, where the second must see the first committed.
    /// </summary>
    protected virtual object? OnePerBatchKey(TWrite write) => null;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var waiting = new List<Pending>();
        try
        {
            while (true)
            {
                if (waiting.Count == 0 && !await queue.Reader.WaitToReadAsync(stoppingToken)) return;
                waiting = await WriteNextBatchAsync(waiting);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            queue.Writer.TryComplete();
            while (waiting.Count > 0 || queue.Reader.TryPeek(out _)) waiting = await WriteNextBatchAsync(waiting);
        }
    }

    /// <summary>Writes one batch of the waiting and queued writes; returns those left for the next batch.</summary>
    private async Task<List<Pending>> WriteNextBatchAsync(List<Pending> waiting)
    {
        var batch = new List<Pending>();
        var later = new List<Pending>();
        var keys = new HashSet<object>();
        void Take(Pending p)
        {
            if (batch.Count < MaxBatch && (OnePerBatchKey(p.Write) is not { } key || keys.Add(key))) batch.Add(p);
            else later.Add(p);
        }
        foreach (var p in waiting) Take(p);
        while (batch.Count < MaxBatch && queue.Reader.TryRead(out var p)) Take(p);
        if (batch.Count > 0) await WriteAsync(batch);
        return later;
    }

    private async Task WriteAsync(List<Pending> batch)
    {
        try
        {
            var started = Stopwatch.GetTimestamp();
            var results = await WriteBatchAsync(batch.Select(p => p.Write).ToList());
            for (var i = 0; i < batch.Count; i++) batch[i].Done.TrySetResult(results[i]);
            var took = Stopwatch.GetElapsedTime(started);
            if (took > SlowBatch)
                log.LogInformation("{Writer}: a batch of {Count} writes took {Milliseconds:0} ms", GetType().Name, batch.Count, took.TotalMilliseconds);
            return;
        }
        catch (Exception e) when (batch.Count > 1)
        {
            log.LogWarning(e, "A batch of {Count} writes of {Writer} failed; writing each on its own", batch.Count, GetType().Name);
        }
        catch (Exception e)
        {
            batch[0].Done.TrySetException(e);
            return;
        }
        foreach (var p in batch)
        {
            try
            {
                p.Done.TrySetResult((await WriteBatchAsync([p.Write]))[0]);
            }
            catch (Exception e)
            {
                p.Done.TrySetException(e);
            }
        }
    }
}
