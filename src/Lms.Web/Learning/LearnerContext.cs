using System.Security.Claims;
using Lms.Domain.Common;
using Lms.Domain.Courses;
using Lms.Domain.Enrolments;
using Lms.Domain.Organisation;
using Lms.Infrastructure.Courses;
using Lms.Infrastructure.Learning;
using Lms.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Lms.Web.Learning;

/// <summary>
/// What the learner pages share: who is learning, their enrolment in a course, the published version
/// they see, and recording progress with a retry when two of their requests race.
/// </summary>
public sealed class LearnerContext(LmsDbContext db, CoursePublisher publisher, LearnerSnapshotReader snapshots,
    ProgressWriter writer, EnrolmentLocks locks, TimeProvider clock)
{
    private const int MaxAttempts = 5;

    public static Guid PersonId(ClaimsPrincipal user) => Guid.Parse(user.FindFirstValue(ClaimTypes.NameIdentifier)!);

    public DateTime Now => clock.GetUtcNow().UtcDateTime;

    public Task<Position> PositionOfAsync(Guid personId, CancellationToken ct) =>
        db.People.AsNoTracking().Where(p => p.Id == personId).Select(p => p.Position).SingleAsync(ct);

    public Task<PublishedCourse?> PublishedAsync(Guid courseId, CancellationToken ct) => publisher.CurrentAsync(courseId, ct);

    public Task<IReadOnlyDictionary<Guid, PublishedCourse>> PublishedAsync(IReadOnlyCollection<Guid> courseIds, CancellationToken ct) =>
        publisher.CurrentAsync(courseIds, ct);

    /// <summary>The current published version and the person's enrolment in it, with one query (the learner pages' read).</summary>
    public Task<LearnerSnapshot?> SnapshotAsync(Guid courseId, Guid personId, CancellationToken ct) =>
        snapshots.ReadAsync(courseId, personId, ct);

    /// <summary>The outcome of opening an activity; <see cref="NotOpen"/> when its restriction holds it back (nothing recorded).</summary>
    public sealed record RecordedView(LearnerSnapshot Snapshot, Enrolment Enrolment, PublishedActivity Activity, bool WasComplete,
        bool NotOpen);

    /// <summary>
    /// Records that the person opened the activity (see <see cref="Enrolment.RecordView"/>): for "viewed" activities that is
    /// the completion, and the course completes in the same save when it was the last one needed. Null when there is
    /// nothing to show (course not published, no such activity, not enrolled). The save goes through the
    /// <see cref="ProgressWriter"/> (group commit) and is durable when this returns; if another request of the same
    /// person saved the enrolment in between, the view is applied again to what that one saved, as in RecordAsync.
    /// A repeat view within the view resolution changes nothing and writes nothing.
    /// </summary>
    public async Task<RecordedView?> RecordViewAsync(Guid courseId, Guid personId, Guid activityId, CancellationToken ct)
    {
        using var _ = await locks.EnterAsync(courseId, personId, ct);
        for (var attempt = 1; ; attempt++)
        {
            var snapshot = await snapshots.ReadAsync(courseId, personId, ct);
            var activity = snapshot?.Course.Find(activityId);
            if (snapshot is null || activity is null || snapshot.Enrolment is not { } enrolment) return null;
            var wasComplete = enrolment.IsComplete;
            ViewChange? change;
            try
            {
                change = ViewChange.RecordView(enrolment, snapshot.EnrolmentVersion, snapshot.Course.Outline(), activityId, Now);
            }
            catch (DomainException e) when (e.Code == "activity.not_open")
            {
                return new RecordedView(snapshot, enrolment, activity, wasComplete, NotOpen: true);
            }
            try
            {
                if (change is null || await writer.SaveAsync(change, ct))
                    return new RecordedView(snapshot, enrolment, activity, wasComplete, NotOpen: false);
            }
            // A parallel first view of the same activity inserted its progress row first: read it and apply again.
            catch (Exception e) when (attempt < MaxAttempts && PostgresErrors.IsUniqueViolation(e)) { continue; }
            if (attempt == MaxAttempts)
                throw new DbUpdateConcurrencyException($"The enrolment changed under each of {MaxAttempts} attempts to record a view.");
        }
    }

    public Task<Enrolment?> EnrolmentAsync(Guid courseId, Guid personId, CancellationToken ct, bool track = false)
    {
        var q = db.Enrolments.Include(e => e.Progress).Where(e => e.CourseId == courseId && e.PersonId == personId);
        return (track ? q : q.AsNoTracking()).FirstOrDefaultAsync(ct);
    }

    /// <summary>
    /// Enrols the person (idempotent: a double click or a second tab finds the first enrolment, because
    /// PostgreSQL allows one per person and course).
    /// </summary>
    public async Task<Enrolment> EnrolAsync(Guid courseId, Guid personId, EnrolmentSource source, Guid? by, CancellationToken ct)
    {
        if (await EnrolmentAsync(courseId, personId, ct) is { } existing) return existing;
        var enrolment = new Enrolment(Guid.NewGuid(), courseId, personId, source, by, Now);
        db.Enrolments.Add(enrolment);
        try
        {
            await db.SaveChangesAsync(ct);
            return enrolment;
        }
        catch (DbUpdateException e) when (PostgresErrors.IsUniqueViolation(e))
        {
            db.Entry(enrolment).State = EntityState.Detached;
            return (await EnrolmentAsync(courseId, personId, ct))!;
        }
    }

    /// <summary>
    /// Applies a progress change and saves it. If another request of the same person saved the enrolment
    /// in between (row version), reload and apply again, so neither change nor a completion is lost.
    /// </summary>
    public Task<Enrolment> RecordAsync(Guid courseId, Guid personId, Action<Enrolment> change, CancellationToken ct) =>
        RecordAsync(courseId, personId, e => { change(e); return Task.CompletedTask; }, ct);

    /// <summary>As above, for a change that also reads or adds other rows (re-run in full on a retry).</summary>
    public async Task<Enrolment> RecordAsync(Guid courseId, Guid personId, Func<Enrolment, Task> change, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            var enrolment = await EnrolmentAsync(courseId, personId, ct, track: true)
                            ?? throw new DomainException("enrolment.missing", "Not enrolled in this course.");
            await change(enrolment);
            try
            {
                await db.SaveChangesAsync(ct);
                return enrolment;
            }
            // The row version changed, or a parallel first view inserted the same progress row.
            catch (DbUpdateException e) when (attempt < MaxAttempts && (e is DbUpdateConcurrencyException
                                                               || PostgresErrors.IsUniqueViolation(e)))
            {
                db.ChangeTracker.Clear();
            }
        }
    }
}
