using Hangfire;
using Lms.Domain.Certificates;
using Lms.Domain.Common;
using Lms.Infrastructure.Jobs;
using Lms.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Lms.Infrastructure.Certificates.Issuing;

/// <summary>What administrators do to issued certificates: revoke, reissue, and issue in batches.</summary>
public sealed class CertificateAdministration(LmsDbContext db, CertificateRecorder recorder, IBackgroundJobClient jobs, TimeProvider clock)
{
    public async Task RevokeAsync(Guid certificateId, string reason, Guid by, CancellationToken ct)
    {
        var c = await db.Certificates.FirstOrDefaultAsync(x => x.Id == certificateId, ct)
                ?? throw new DomainException("certificate.not_found", "No such certificate.");
        c.Revoke(reason, by, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// A new certificate with a new number for the same person and subject (e.g. after correcting the person's name);
    /// the old one is revoked with the reason and kept. The name and the course's name are read again; the completion
    /// date and hours stay those of the original. The PDF is drawn by a job.
    /// </summary>
    public async Task<Certificate> ReissueAsync(Guid certificateId, string reason, Guid by, CancellationToken ct)
    {
        var old = await db.Certificates.AsNoTracking().FirstOrDefaultAsync(x => x.Id == certificateId, ct)
                  ?? throw new DomainException("certificate.not_found", "No such certificate.");
        if (old.SupersededAtUtc is not null) throw new DomainException("certificate.already_reissued", "This certificate was already reissued.");
        Text.Required(reason, "certificate.revoke_reason_required", Certificate.MaxReasonLength);
        var (name, templateId) = await SubjectAsync(old.SubjectKind, old.SubjectId, ct);
        var request = new IssueRequest(old.PersonId, old.SubjectKind, old.SubjectId, templateId ?? old.TemplateId,
            name ?? old.SubjectName, old.CompletedOn, old.CreditHours);
        var current = await recorder.RecordAsync([request], ct, new Reissue(old.Id, reason, by));
        var replacement = current.Single(c => c.PersonId == old.PersonId && c.SubjectId == old.SubjectId);
        jobs.Enqueue<CertificateJobs>(j => j.DrawAsync(replacement.Id, CancellationToken.None));
        return replacement;
    }

    /// <summary>Records the batch (the list of people survives a restart) and queues its job on the bulk queue.</summary>
    public async Task<CertificateBatch> StartBatchAsync(CertificateSubjectKind kind, Guid subjectId, IEnumerable<Guid> people, Guid by,
        CancellationToken ct)
    {
        var (name, templateId) = await SubjectAsync(kind, subjectId, ct);
        if (name is null) throw new DomainException("certificate.subject_invalid", "No such course or event.");
        if (templateId is null) throw new DomainException("certificate.no_template", "Choose the course's certificate design first.");
        var batch = new CertificateBatch(Guid.NewGuid(), kind, subjectId, people, by, clock.GetUtcNow().UtcDateTime);
        db.CertificateBatches.Add(batch);
        await db.SaveChangesAsync(ct);
        jobs.Enqueue<CertificateJobs>(j => j.RunBatchAsync(batch.Id, CancellationToken.None));
        return batch;
    }

    /// <summary>How far a batch is: people in it, certificates drawn, finished or not.</summary>
    public async Task<BatchProgress?> ProgressAsync(Guid batchId, CancellationToken ct)
    {
        var batch = await db.CertificateBatches.AsNoTracking().FirstOrDefaultAsync(b => b.Id == batchId, ct);
        if (batch is null) return null;
        var drawn = await db.Certificates.CountAsync(c => c.BatchId == batchId && c.FileKey != null, ct);
        // People who already held a certificate for the subject count as done (they keep the one they have).
        var alreadyHeld = await db.Certificates.CountAsync(c => c.SubjectId == batch.SubjectId && c.SupersededAtUtc == null
            && c.BatchId != batchId && batch.PersonIds.Contains(c.PersonId), ct);
        return new BatchProgress(batch.Id, batch.Total, drawn, alreadyHeld, batch.FinishedAtUtc);
    }

    private async Task<(string? Name, Guid? TemplateId)> SubjectAsync(CertificateSubjectKind kind, Guid subjectId, CancellationToken ct)
    {
        if (kind == CertificateSubjectKind.TrainingEvent)
        {
            var e = await db.TrainingEvents.AsNoTracking().Where(x => x.Id == subjectId).Select(x => new { x.Name, x.TemplateId }).FirstOrDefaultAsync(ct);
            return (e?.Name, e?.TemplateId);
        }
        var c = await db.Courses.AsNoTracking().Where(x => x.Id == subjectId).Select(x => new { x.TitleTh, x.CertificateTemplateId }).FirstOrDefaultAsync(ct);
        return (c?.TitleTh, c?.CertificateTemplateId);
    }
}

public sealed record BatchProgress(Guid BatchId, int Total, int Drawn, int AlreadyHeld, DateTime? FinishedAtUtc)
{
    public int Done => Math.Min(Total, Drawn + AlreadyHeld);
    public int Percent => Total == 0 ? 100 : FinishedAtUtc is not null ? 100 : Done * 100 / Total;
}
