using Hangfire;
using Lms.Domain.Calendar;
using Lms.Domain.Certificates;
using Lms.Infrastructure.Jobs;
using Lms.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Lms.Infrastructure.Certificates.Issuing;

/// <summary>
/// The Hangfire jobs that issue certificates. Each may run more than once (a retry, a worker killed mid-way, a second
/// enqueue of the same completion): the recorder writes a person's certificate for a subject once, and the drawer draws
/// each PDF once, so running again only finishes what the first run left undone.
/// </summary>
public sealed class CertificateJobs(LmsDbContext db, CertificateRecorder recorder, CertificateDrawer drawer, TimeProvider clock)
{
    /// <summary>People handled per transaction in a batch: the progress bar moves per chunk, and a killed worker redoes at most one.</summary>
    public const int ChunkSize = 100;

    /// <summary>A learner completed a course: their certificate, if the course awards one.</summary>
    public async Task IssueForCompletionAsync(Guid enrolmentId, CancellationToken ct)
    {
        var enrolment = await db.Enrolments.AsNoTracking().Where(e => e.Id == enrolmentId)
            .Select(e => new { e.CourseId, e.PersonId, e.CompletedAtUtc }).FirstOrDefaultAsync(ct);
        if (enrolment?.CompletedAtUtc is not { } completedAt) return;
        var course = await db.Courses.AsNoTracking().Where(c => c.Id == enrolment.CourseId)
            .Select(c => new { c.TitleTh, c.CreditHours, c.CertificateTemplateId }).FirstAsync(ct);
        if (course.CertificateTemplateId is not { } templateId) return;
        var certificates = await recorder.RecordAsync([new IssueRequest(enrolment.PersonId, CertificateSubjectKind.Course,
            enrolment.CourseId, templateId, course.TitleTh, ThaiDate(completedAt), course.CreditHours)], ct);
        await drawer.DrawMissingAsync([.. certificates.Select(c => c.Id)], ct);
    }

    /// <summary>An administrator's batch: chunk by chunk, each recorded and drawn before the next.</summary>
    [Queue(JobQueues.Bulk)]
    public async Task RunBatchAsync(Guid batchId, CancellationToken ct)
    {
        var batch = await db.CertificateBatches.FirstOrDefaultAsync(b => b.Id == batchId, ct);
        if (batch is null || batch.IsFinished) return;
        foreach (var chunk in batch.PersonIds.Chunk(ChunkSize))
        {
            var requests = await RequestsAsync(batch, chunk, ct);
            var certificates = await recorder.RecordAsync(requests, ct);
            await drawer.DrawMissingAsync([.. certificates.Select(c => c.Id)], ct);
        }
        db.ChangeTracker.Clear();
        await db.CertificateBatches.Where(b => b.Id == batchId && b.FinishedAtUtc == null)
            .ExecuteUpdateAsync(u => u.SetProperty(b => b.FinishedAtUtc, clock.GetUtcNow().UtcDateTime), ct);
    }

    /// <summary>Draws one certificate's PDF (after a reissue).</summary>
    public Task DrawAsync(Guid certificateId, CancellationToken ct) => drawer.DrawMissingAsync([certificateId], ct);

    private async Task<IReadOnlyList<IssueRequest>> RequestsAsync(CertificateBatch batch, Guid[] people, CancellationToken ct)
    {
        if (batch.SubjectKind == CertificateSubjectKind.TrainingEvent)
        {
            var e = await db.TrainingEvents.AsNoTracking().FirstAsync(x => x.Id == batch.SubjectId, ct);
            return [.. people.Select(p => new IssueRequest(p, CertificateSubjectKind.TrainingEvent, e.Id, e.TemplateId, e.Name,
                e.HeldOn, e.CreditHours, batch.Id))];
        }
        // A course's batch: only the people who completed it, each with their own completion date.
        var course = await db.Courses.AsNoTracking().Where(c => c.Id == batch.SubjectId)
            .Select(c => new { c.Id, c.TitleTh, c.CreditHours, c.CertificateTemplateId }).FirstAsync(ct);
        if (course.CertificateTemplateId is not { } templateId) return [];
        var completed = await db.Enrolments.AsNoTracking()
            .Where(e => e.CourseId == course.Id && people.Contains(e.PersonId) && e.CompletedAtUtc != null)
            .Select(e => new { e.PersonId, e.CompletedAtUtc }).ToListAsync(ct);
        return [.. completed.Select(e => new IssueRequest(e.PersonId, CertificateSubjectKind.Course, course.Id, templateId,
            course.TitleTh, ThaiDate(e.CompletedAtUtc!.Value), course.CreditHours, batch.Id))];
    }

    public static DateOnly ThaiDate(DateTime utc) => DateOnly.FromDateTime(utc + FiscalYear.ThailandOffset);
}
