using Lms.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Lms.Infrastructure.Learning;

/// <summary>
/// The learner pages' snapshot reads, grouped as <see cref="GroupCommitWriter{TWrite,TResult}"/> groups writes: the
/// reads that arrive while one batch is being read go together in the next, one statement for all of them. Each page
/// needs one such read; on a small machine PostgreSQL's per-statement work (a backend woken for each, its executor
/// started for each) cost more than the rows, as it did for writes. A read that arrives when nothing is being read goes
/// at once, alone. A read sees everything committed before it started, so a request reads its own saved view.
/// <para>Several reads of one (course, person) in a batch (tabs, or one person's many requests) are read once, and each
/// gets an enrolment object of its own, which its page may then change.</para>
/// </summary>
public sealed class LearnerSnapshotBatcher(IDbContextFactory<LmsDbContext> contexts, ILogger<LearnerSnapshotBatcher> log)
    : GroupCommitWriter<(Guid CourseId, Guid PersonId), LearnerSnapshotReader.Rows?>(log)
{
    /// <summary>Null when the course has no published version (or does not exist).</summary>
    public Task<LearnerSnapshotReader.Rows?> ReadAsync(Guid courseId, Guid personId, CancellationToken ct) =>
        WriteAsync((courseId, personId), ct);

    protected override async Task<IReadOnlyList<LearnerSnapshotReader.Rows?>> WriteBatchAsync(IReadOnlyList<(Guid CourseId, Guid PersonId)> batch)
    {
        await using var db = await contexts.CreateDbContextAsync();
        await db.Database.OpenConnectionAsync();
        await using var cmd = new NpgsqlCommand(LearnerSnapshotReader.SqlForPeople, (NpgsqlConnection)db.Database.GetDbConnection());
        var distinct = batch.Distinct().ToList();
        cmd.Parameters.Add(new NpgsqlParameter<Guid[]> { TypedValue = distinct.Select(b => b.CourseId).ToArray() });
        cmd.Parameters.Add(new NpgsqlParameter<Guid[]> { TypedValue = distinct.Select(b => b.PersonId).ToArray() });
        await using var r = await cmd.ExecuteReaderAsync();
        var rows = await LearnerSnapshotReader.RowsBuilder.ReadByPairAsync(r, CancellationToken.None);
        return batch.Select(k => rows.TryGetValue(k, out var b) ? b.Build(k.CourseId, k.PersonId) : null).ToList();
    }
}
