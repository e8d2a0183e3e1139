using Lms.Domain.Common;

namespace Lms.Domain.Certificates;

/// <summary>What a certificate is for: a course completed online, or a face-to-face training event.</summary>
public enum CertificateSubjectKind
{
    Course = 1,
    TrainingEvent = 2,
}

/// <summary>
/// One issued certificate (เกียรติบัตร): who, for what, its number, and what was printed — a snapshot, so renaming the
/// course or the person later never changes a certificate already given. <b>Exactly one current certificate per
/// person and subject</b> is a unique index in PostgreSQL (rows whose <see cref="SupersededAtUtc"/> is null); a reissue
/// supersedes the old certificate (kept, revoked) before the new one is written.
/// The PDF is drawn after the row is committed; <see cref="FileKey"/> is null until then, and a job that died in
/// between draws it when it runs again.
/// </summary>
public sealed class Certificate
{
    public const int MaxReasonLength = 500;

    public Guid Id { get; private set; }
    /// <summary>The unguessable code in the public verification address (and its QR code).</summary>
    public string VerificationCode { get; private set; } = "";
    public Guid PersonId { get; private set; }
    public CertificateSubjectKind SubjectKind { get; private set; }
    /// <summary>The course's or the training event's id.</summary>
    public Guid SubjectId { get; private set; }
    public Guid TemplateId { get; private set; }
    /// <summary>The batch that issued it, for the batch's progress bar; null for one issued on completion.</summary>
    public Guid? BatchId { get; private set; }
    /// <summary>Fiscal year (Buddhist Era) of the running number.</summary>
    public int FiscalYear { get; private set; }
    public int RunningNumber { get; private set; }
    public string SerialNumber { get; private set; } = "";
    public string RecipientName { get; private set; } = "";
    public string SubjectName { get; private set; } = "";
    /// <summary>Thailand's local date of completion, as printed.</summary>
    public DateOnly CompletedOn { get; private set; }
    public decimal CreditHours { get; private set; }
    public DateTime IssuedAtUtc { get; private set; }
    /// <summary>File-store key of the PDF; null until it is drawn.</summary>
    public string? FileKey { get; private set; }
    public DateTime? RevokedAtUtc { get; private set; }
    public string? RevokedReason { get; private set; }
    public Guid? RevokedBy { get; private set; }
    /// <summary>Set when a reissue replaced this certificate; it is then revoked as well.</summary>
    public DateTime? SupersededAtUtc { get; private set; }
    /// <summary>The certificate this one replaces (a reissue), if any.</summary>
    public Guid? ReplacesId { get; private set; }

    private Certificate() { }

    public Certificate(Guid id, string verificationCode, Guid personId, CertificateSubjectKind subjectKind, Guid subjectId,
        Guid templateId, Guid? batchId, int fiscalYear, int runningNumber, string serialNumber, string recipientName,
        string subjectName, DateOnly completedOn, decimal creditHours, DateTime issuedAtUtc, Guid? replacesId = null)
    {
        if (id == Guid.Empty || personId == Guid.Empty || subjectId == Guid.Empty || templateId == Guid.Empty)
            throw new DomainException("certificate.ids_required", "A certificate needs its id, person, subject and template.");
        if (!Enum.IsDefined(subjectKind)) throw new DomainException("certificate.subject_invalid", "Unknown subject kind.");
        if (runningNumber < 1) throw new DomainException("certificate.serial_running_invalid", "Running numbers start at 1.");
        if (verificationCode.Length < 16) throw new DomainException("certificate.code_invalid", "The verification code is too short.");
        if (creditHours < 0) throw new DomainException("course.hours_invalid", "Credit hours cannot be negative.");
        (Id, VerificationCode, PersonId, SubjectKind, SubjectId, TemplateId, BatchId) =
            (id, verificationCode, personId, subjectKind, subjectId, templateId, batchId);
        (FiscalYear, RunningNumber, SerialNumber) = (fiscalYear, runningNumber, Text.Required(serialNumber, "certificate.serial_required", 100));
        RecipientName = Text.Required(recipientName, "certificate.recipient_required", 300);
        SubjectName = Text.Required(subjectName, "certificate.subject_name_required", 400);
        (CompletedOn, CreditHours, IssuedAtUtc, ReplacesId) = (completedOn, creditHours, issuedAtUtc, replacesId);
    }

    public bool IsRevoked => RevokedAtUtc is not null;
    public bool IsReady => FileKey is not null;

    /// <summary>What the public verification page shows (and nothing more).</summary>
    public CertificateContent Content(string verificationUrl) =>
        new(RecipientName, SubjectName, CompletedOn, CreditHours, SerialNumber, verificationUrl);

    public void Rendered(string fileKey)
    {
        if (string.IsNullOrWhiteSpace(fileKey)) throw new DomainException("certificate.file_required", "A rendered certificate needs its file.");
        FileKey = fileKey;
    }

    /// <summary>An administrator withdraws the certificate; the verification page then says it is revoked.</summary>
    public void Revoke(string reason, Guid by, DateTime nowUtc)
    {
        if (IsRevoked) throw new DomainException("certificate.already_revoked", "The certificate is already revoked.");
        RevokedReason = Text.Required(reason, "certificate.revoke_reason_required", MaxReasonLength);
        RevokedBy = by;
        RevokedAtUtc = nowUtc;
    }

    /// <summary>
    /// PDPA erasure of the person: the name goes from the record and the verification page, the certificate is revoked
    /// (a certificate without a holder proves nothing) and its PDF must be deleted — the returned key, if any.
    /// Number, course and date stay, so the office's register keeps no gap.
    /// </summary>
    public string? ErasePersonalData(DateTime nowUtc)
    {
        if (!IsRevoked) (RevokedAtUtc, RevokedReason) = (nowUtc, ErasedReason);
        RecipientName = ErasedName;
        var file = FileKey;
        FileKey = null;
        return file;
    }

    public const string ErasedName = "(ลบข้อมูลส่วนบุคคลแล้ว)";
    public const string ErasedReason = "ลบข้อมูลส่วนบุคคลตามคำขอ (PDPA)";

    /// <summary>Makes room for a reissue: revoked (if not already) and no longer the person's current certificate.</summary>
    public void Supersede(string reason, Guid by, DateTime nowUtc)
    {
        if (SupersededAtUtc is not null) throw new DomainException("certificate.already_reissued", "This certificate was already reissued.");
        if (!IsRevoked) Revoke(reason, by, nowUtc);
        SupersededAtUtc = nowUtc;
    }
}
