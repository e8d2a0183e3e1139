using Lms.Domain.Certificates;

namespace Lms.Infrastructure.Certificates.Issuing;

/// <summary>One person's certificate for one course or event, as it will be printed (names are read from the person).</summary>
public sealed record IssueRequest(Guid PersonId, CertificateSubjectKind Kind, Guid SubjectId, Guid TemplateId,
    string SubjectName, DateOnly CompletedOn, decimal CreditHours, Guid? BatchId = null);

/// <summary>Where certificates point to: the public address the QR code holds (section "App").</summary>
public sealed class PublicAddressOptions
{
    public const string Section = "App";
    /// <summary>The site's address as people reach it, e.g. https://lms.sukhothai.go.th (no trailing slash needed).</summary>
    public string PublicBaseUrl { get; set; } = "http://localhost:5000";

    public string VerificationUrl(string code) => $"{PublicBaseUrl.TrimEnd('/')}/verify/{code}";
}
