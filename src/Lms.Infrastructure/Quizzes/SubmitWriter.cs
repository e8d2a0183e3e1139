using Lms.Infrastructure.Courses;
using Lms.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Lms.Infrastructure.Quizzes;

/// <summary>
/// Quiz submits by group commit (<see cref="GroupCommitWriter{TWrite,TResult}"/>): the submits that arrive while one batch
/// is being written are finished together in the next, with <see cref="SubmitBatch"/>'s statements — one transaction, two
/// round trips and one WAL flush for the whole batch. One transaction per submit, four statements each, was what capped
/// sustained submits on a small machine (PostgreSQL's per-statement start-up and commit, not the rows).
/// <para>One submit per person per batch: two of one person's submits would read the same enrolment. A batch in which an
/// enrolment changed since it was read (or a parallel first view inserted the quiz's progress row) fails as a whole and
/// each submit is tried on its own; one that fails again is left to <see cref="AttemptService"/>'s own path, which
/// retries.</para>
/// </summary>
public sealed class SubmitWriter(IServiceScopeFactory scopes, ILogger<SubmitWriter> log)
    : GroupCommitWriter<SubmitBatch.Request, SubmitBatch.Outcome>(log)
{
    /// <summary>Queues the submit and waits until its batch is committed; what happened to the attempt.</summary>
    internal Task<SubmitBatch.Outcome> SubmitAsync(SubmitBatch.Request request, CancellationToken ct) => WriteAsync(request, ct);

    protected override object? OnePerBatchKey(SubmitBatch.Request request) => request.PersonId;

    protected override async Task<IReadOnlyList<SubmitBatch.Outcome>> WriteBatchAsync(IReadOnlyList<SubmitBatch.Request> batch)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LmsDbContext>();
        var publisher = scope.ServiceProvider.GetRequiredService<CoursePublisher>();
        await db.Database.OpenConnectionAsync();
        await using var tx = await ((NpgsqlConnection)db.Database.GetDbConnection()).BeginTransactionAsync();
        var results = await SubmitBatch.FinishAsync(tx, batch, publisher, CancellationToken.None);
        var passes = results.Where(r => r.Pass is not null).Select(r => r.Pass!).ToList();
        if (!await SubmitBatch.RecordPassesAsync(tx, passes, CancellationToken.None)) throw new EnrolmentChangedException();
        await tx.CommitAsync();
        return results.Select(r => r.Outcome).ToList();
    }

    /// <summary>An enrolment of the batch changed since it was read; nothing of the batch was saved.</summary>
    public sealed class EnrolmentChangedException() : Exception("An enrolment changed while its quiz submit was being saved.");
}
