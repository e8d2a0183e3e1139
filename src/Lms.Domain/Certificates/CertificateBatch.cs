using Lms.Domain.Common;

namespace Lms.Domain.Certificates;

/// <summary>
/// An administrator's request to issue certificates to a list of people for one subject (a training event, or a course
/// for people who completed it before it had a design). The people are kept with the batch so that a job that is
/// killed and runs again works from the same list; progress is counted from the certificates themselves.
/// </summary>
public sealed class CertificateBatch
{
    public const int MaxPeople = 5000;

    public Guid Id { get; private set; }
    public CertificateSubjectKind SubjectKind { get; private set; }
    public Guid SubjectId { get; private set; }
    private Guid[] personIds = [];
    public IReadOnlyList<Guid> PersonIds => personIds;
    public Guid RequestedBy { get; private set; }
    public DateTime RequestedAtUtc { get; private set; }
    public DateTime? FinishedAtUtc { get; private set; }

    private CertificateBatch() { }

    public CertificateBatch(Guid id, CertificateSubjectKind kind, Guid subjectId, IEnumerable<Guid> personIds, Guid requestedBy, DateTime nowUtc)
    {
        var people = personIds.Where(p => p != Guid.Empty).Distinct().ToList();
        if (people.Count == 0) throw new DomainException("batch.nobody", "Choose at least one person.");
        if (people.Count > MaxPeople) throw new DomainException("batch.too_many", $"At most {MaxPeople} people in one batch.");
        if (!Enum.IsDefined(kind)) throw new DomainException("certificate.subject_invalid", "Unknown subject kind.");
        (Id, SubjectKind, SubjectId, this.personIds, RequestedBy, RequestedAtUtc) = (id, kind, subjectId, [.. people], requestedBy, nowUtc);
    }

    public int Total => PersonIds.Count;
    public bool IsFinished => FinishedAtUtc is not null;

    public void Finish(DateTime nowUtc) => FinishedAtUtc ??= nowUtc;
}
