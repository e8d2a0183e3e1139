using Lms.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;

namespace Lms.Infrastructure.Learning;

/// <summary>
/// Saves learners' views (and the completions they make) by group commit (<see cref="GroupCommitWriter{TWrite,TResult}"/>):
/// the changes that arrive while one batch is being written are written together in the next one, as a single
/// statement. One transaction per view, with 4 round trips, was what capped completions on a small machine.
/// <para>Per change the batch does what <c>SaveChanges</c> did: update the enrolment only if its row
/// version is still the one read (else the caller re-reads and applies again, as <c>RecordAsync</c> does),
/// insert the progress row or update its changed columns, and add the outbox rows of its events — all or
/// nothing (a parallel first view inserting the same progress row fails the batch; each change is then written
/// on its own).</para>
/// </summary>
public sealed class ProgressWriter(IDbContextFactory<LmsDbContext> contexts, ILogger<ProgressWriter> log)
    : GroupCommitWriter<ViewChange, bool>(log)
{
    /// <summary>
    /// Queues the change and waits until its batch is committed. True when saved; false when the enrolment
    /// changed since it was read (re-read, apply again, save again). Throws what PostgreSQL threw for it.
    /// </summary>
    public Task<bool> SaveAsync(ViewChange change, CancellationToken ct = default) => WriteAsync(change, ct);

    /// <summary>
    /// One change per enrolment per statement: a second one for the same enrolment would meet the row the first just
    /// updated. It goes into the next batch, where its row version check fails and its caller applies it again to the
    /// saved state (two tabs of one person).
    /// </summary>
    protected override object? OnePerBatchKey(ViewChange change) => change.EnrolmentId;

    /// <summary>Runs the statement for the changes (one transaction); each is saved or found stale.</summary>
    protected override async Task<IReadOnlyList<bool>> WriteBatchAsync(IReadOnlyList<ViewChange> changes)
    {
        await using var db = await contexts.CreateDbContextAsync();
        await db.Database.OpenConnectionAsync();
        await using var cmd = new NpgsqlCommand(ProgressWriterSql.Statement, (NpgsqlConnection)db.Database.GetDbConnection());
        ProgressWriterSql.AddParameters(cmd, changes);
        var saved = new HashSet<Guid>();
        await using var r = await cmd.ExecuteReaderAsync();
        while (await r.ReadAsync()) saved.Add(r.GetGuid(0));
        return changes.Select(c => saved.Contains(c.EnrolmentId)).ToList();
    }
}
