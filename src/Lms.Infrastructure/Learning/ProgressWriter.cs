using System.Threading.Channels;
using Lms.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;

namespace Lms.Infrastructure.Learning;

/// <summary>
/// Saves learners' views (and the completions they make) by group commit: the changes that arrive while
/// one batch is being written are written together in the next one, as a single statement, i.e. one
/// transaction and one WAL flush for many people. Each caller awaits its own batch's commit, so nothing is
/// acknowledged before it is durable (synchronous_commit stays on). One transaction per view, with 4 round
/// trips, was what capped completions on a small machine: PostgreSQL's per-transaction and per-statement
/// work, not the rows.
/// <para>Per change the batch does what <c>SaveChanges</c> did: update the enrolment only if its row
/// version is still the one read (else the caller re-reads and applies again, as <c>RecordAsync</c> does),
/// insert the progress row or update its changed columns, and add the outbox rows of its events — all or
/// nothing. If the batch fails as a whole (e.g. a parallel first view inserted the same progress row), each
/// change is written again on its own, so one failing change does not fail the others.</para>
/// </summary>
public sealed class ProgressWriter(IDbContextFactory<LmsDbContext> contexts, ILogger<ProgressWriter> log) : BackgroundService
{
    /// <summary>Changes per statement at most; more wait for the next batch.</summary>
    public const int MaxBatch = 256;

    private readonly Channel<Pending> queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });

    private sealed record Pending(ViewChange Change)
    {
        public TaskCompletionSource<bool> Saved { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    /// <summary>
    /// Queues the change and waits until its batch is committed. True when saved; false when the enrolment
    /// changed since it was read (re-read, apply again, save again). Throws what PostgreSQL threw for it.
    /// </summary>
    public Task<bool> SaveAsync(ViewChange change, CancellationToken ct = default)
    {
        var pending = new Pending(change);
        if (!queue.Writer.TryWrite(pending)) throw new InvalidOperationException("The progress writer has stopped.");
        return pending.Saved.Task.WaitAsync(ct);
    }

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
            // Shutting down (after the server has finished its requests): write what is still queued.
            queue.Writer.TryComplete();
            while (waiting.Count > 0 || queue.Reader.TryPeek(out _)) waiting = await WriteNextBatchAsync(waiting);
        }
    }

    /// <summary>Writes one batch of the waiting and queued changes; returns those left for the next batch.</summary>
    private async Task<List<Pending>> WriteNextBatchAsync(List<Pending> waiting)
    {
        var batch = new List<Pending>();
        var later = new List<Pending>();
        var enrolments = new HashSet<Guid>();
        // One change per enrolment per statement: a second one for the same enrolment would meet the row the
        // first just updated. It goes into the next batch, where its row version check fails and its caller
        // applies it again to the saved state (two tabs of one person).
        void Take(Pending p)
        {
            if (batch.Count < MaxBatch && enrolments.Add(p.Change.EnrolmentId)) batch.Add(p);
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
            var saved = await ExecuteAsync(batch.Select(p => p.Change).ToList());
            foreach (var p in batch) p.Saved.TrySetResult(saved.Contains(p.Change.EnrolmentId));
            return;
        }
        catch (Exception e) when (batch.Count > 1)
        {
            log.LogWarning(e, "A batch of {Count} progress changes failed; writing each on its own", batch.Count);
        }
        catch (Exception e)
        {
            batch[0].Saved.TrySetException(e);
            return;
        }
        foreach (var p in batch)
        {
            try
            {
                var saved = await ExecuteAsync([p.Change]);
                p.Saved.TrySetResult(saved.Contains(p.Change.EnrolmentId));
            }
            catch (Exception e)
            {
                p.Saved.TrySetException(e);
            }
        }
    }

    /// <summary>Runs the statement for the changes (one transaction); returns the enrolments that were saved.</summary>
    private async Task<HashSet<Guid>> ExecuteAsync(IReadOnlyList<ViewChange> changes)
    {
        await using var db = await contexts.CreateDbContextAsync();
        await db.Database.OpenConnectionAsync();
        await using var cmd = new NpgsqlCommand(ProgressWriterSql.Statement, (NpgsqlConnection)db.Database.GetDbConnection());
        ProgressWriterSql.AddParameters(cmd, changes);
        var saved = new HashSet<Guid>();
        await using var r = await cmd.ExecuteReaderAsync();
        while (await r.ReadAsync()) saved.Add(r.GetGuid(0));
        return saved;
    }
}
