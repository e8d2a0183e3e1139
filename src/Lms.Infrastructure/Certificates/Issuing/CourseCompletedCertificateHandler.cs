using Hangfire;
using Lms.Domain.Enrolments;
using Lms.Infrastructure.Events;
using Lms.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Lms.Infrastructure.Certificates.Issuing;

/// <summary>
/// Course completed → the certificate job. The event comes from the outbox (saved with the completion), so a crash
/// between the completion and this point only delays the certificate; enqueueing twice is harmless (the job is idempotent).
/// </summary>
public sealed class CourseCompletedCertificateHandler(LmsDbContext db, IBackgroundJobClient jobs) : IDomainEventHandler<CourseCompleted>
{
    public async Task HandleAsync(CourseCompleted e, CancellationToken ct)
    {
        // Most courses in a completion burst award no certificate: don't queue a job that would only find that out.
        var awards = await db.Courses.AsNoTracking().AnyAsync(c => c.Id == e.CourseId && c.CertificateTemplateId != null, ct);
        if (awards) jobs.Enqueue<CertificateJobs>(j => j.IssueForCompletionAsync(e.EnrolmentId, CancellationToken.None));
    }
}
