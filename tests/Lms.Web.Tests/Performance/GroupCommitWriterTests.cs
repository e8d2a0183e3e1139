using Lms.Infrastructure.Persistence;
using Microsoft.Extensions.Logging.Abstractions;

namespace Lms.Web.Tests.Performance;

/// <summary>
/// The group-commit queue behind room messages and course progress, with a stand-in for PostgreSQL so the batches can
/// be watched: what arrives while a batch is written goes in the next one together, one failing write fails only its
/// own caller, writes sharing a key never share a batch, and a stop writes what is still queued.
/// </summary>
public sealed class GroupCommitWriterTests
{
    private sealed class Recorder : GroupCommitWriter<string, string>
    {
        public Recorder() : base(NullLogger.Instance) { }
        public readonly List<string[]> Batches = [];
        public TaskCompletionSource FirstBatchMayFinish { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public TaskCompletionSource FirstBatchStarted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task<string> Write(string value) => WriteAsync(value, CancellationToken.None);

        protected override object? OnePerBatchKey(string write) => write.StartsWith("row:") ? write.Split('#')[0] : null;

        protected override async Task<IReadOnlyList<string>> WriteBatchAsync(IReadOnlyList<string> batch)
        {
            lock (Batches) Batches.Add([.. batch]);
            if (FirstBatchStarted.TrySetResult()) await FirstBatchMayFinish.Task;
            if (batch.Contains("bad")) throw new InvalidOperationException("refused by the database");
            return batch.Select(w => "saved " + w).ToList();
        }
    }

    [Fact]
    public async Task Writes_arriving_while_a_batch_is_written_go_together_in_the_next_one()
    {
        var writer = new Recorder();
        await writer.StartAsync(CancellationToken.None);
        var first = writer.Write("a");
        await writer.FirstBatchStarted.Task;
        var queued = Enumerable.Range(1, 5).Select(i => writer.Write("b" + i)).ToList();
        writer.FirstBatchMayFinish.SetResult();

        Assert.Equal("saved a", await first);
        Assert.Equal(["saved b1", "saved b2", "saved b3", "saved b4", "saved b5"], await Task.WhenAll(queued));
        Assert.Equal([["a"], ["b1", "b2", "b3", "b4", "b5"]], writer.Batches);
        await writer.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task A_failing_write_fails_only_its_own_caller()
    {
        var writer = new Recorder();
        await writer.StartAsync(CancellationToken.None);
        var first = writer.Write("a");
        await writer.FirstBatchStarted.Task;
        var good1 = writer.Write("x");
        var bad = writer.Write("bad");
        var good2 = writer.Write("y");
        writer.FirstBatchMayFinish.SetResult();

        Assert.Equal("saved x", await good1);
        Assert.Equal("saved y", await good2);
        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => bad);
        Assert.Equal("refused by the database", e.Message);
        await first;
        // The batch of three failed, then each was written alone.
        Assert.Equal([["a"], ["x", "bad", "y"], ["x"], ["bad"], ["y"]], writer.Batches);
        await writer.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Two_writes_of_one_row_never_share_a_batch()
    {
        var writer = new Recorder();
        await writer.StartAsync(CancellationToken.None);
        var first = writer.Write("a");
        await writer.FirstBatchStarted.Task;
        var writes = new[] { writer.Write("row:1#first"), writer.Write("row:2#first"), writer.Write("row:1#second"), writer.Write("free") };
        writer.FirstBatchMayFinish.SetResult();
        await Task.WhenAll(writes);
        await first;

        Assert.Equal([["a"], ["row:1#first", "row:2#first", "free"], ["row:1#second"]], writer.Batches);
        await writer.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Stopping_writes_what_is_still_queued()
    {
        var writer = new Recorder();
        await writer.StartAsync(CancellationToken.None);
        var first = writer.Write("a");
        await writer.FirstBatchStarted.Task;
        var queued = writer.Write("b");
        var stopping = writer.StopAsync(CancellationToken.None);
        writer.FirstBatchMayFinish.SetResult();
        await stopping;

        Assert.Equal("saved a", await first);
        Assert.Equal("saved b", await queued);
    }
}
