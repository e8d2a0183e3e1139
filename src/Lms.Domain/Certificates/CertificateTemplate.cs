using Lms.Domain.Calendar;
using Lms.Domain.Common;

namespace Lms.Domain.Certificates;

/// <summary>
/// A certificate design (แม่แบบเกียรติบัตร): an A4 page with an optional background picture, positioned fields,
/// up to three signatures and the office's serial number format. Office-wide when <see cref="CourseId"/> is null,
/// otherwise the design of one course. Issuing (who gets which number) is not part of the template: it only says
/// how a certificate looks and how its number is written.
/// </summary>
public sealed class CertificateTemplate
{
    public const int MaxFields = 40;
    public const int MaxSignatures = 3;
    public const int MaxNameLength = 200;

    public Guid Id { get; private set; }
    public string Name { get; private set; } = "";
    /// <summary>Null: an office-wide template any course may use.</summary>
    public Guid? CourseId { get; private set; }
    public CertificateOrientation Orientation { get; private set; }
    /// <summary>File-store key of the background picture (PNG or JPEG, drawn over the whole page), or null for plain white.</summary>
    public string? BackgroundImageKey { get; private set; }
    private List<CertificateField> fields = [];
    public IReadOnlyList<CertificateField> Fields => fields;
    private List<CertificateSignature> signatures = [];
    public IReadOnlyList<CertificateSignature> Signatures => signatures;
    /// <summary>E.g. "สพม.สท {n:0000}/{fy}" (see <see cref="Certificates.SerialNumberFormat"/>).</summary>
    public string SerialNumberFormat { get; private set; } = Certificates.SerialNumberFormat.Default;
    /// <summary>Print numbers in dates, hours and the serial number with Thai digits (๒๕ พฤศจิกายน พ.ศ. ๒๕๖๙), as official letters do.</summary>
    public bool ThaiDigits { get; private set; }
    public Guid CreatedBy { get; private set; }
    public DateTime CreatedAtUtc { get; private set; }
    public DateTime UpdatedAtUtc { get; private set; }

    private CertificateTemplate() { }

    public CertificateTemplate(Guid id, string name, Guid? courseId, CertificateOrientation orientation, Guid createdBy, DateTime nowUtc)
    {
        if (id == Guid.Empty) throw new DomainException("certificate.id_required", "A template needs an id.");
        if (courseId == Guid.Empty) throw new DomainException("certificate.course_invalid", "Use null for an office-wide template.");
        Id = id;
        CourseId = courseId;
        CreatedBy = createdBy;
        CreatedAtUtc = nowUtc;
        Design(name, orientation, DefaultFields(orientation), [], Certificates.SerialNumberFormat.Default, thaiDigits: false, nowUtc);
    }

    public bool IsOfficeWide => CourseId is null;
    public (decimal WidthMm, decimal HeightMm) PageSize => A4.Size(Orientation);

    /// <summary>
    /// Replaces the whole design as the designer's form sends it. Everything is checked before anything changes,
    /// so a refused design leaves the template as it was.
    /// </summary>
    public void Design(string name, CertificateOrientation orientation, IEnumerable<CertificateField> newFields,
        IEnumerable<CertificateSignature> newSignatures, string serialNumberFormat, bool thaiDigits, DateTime nowUtc)
    {
        var cleanName = Text.Required(name, "certificate.name_required", MaxNameLength);
        if (!Enum.IsDefined(orientation)) throw new DomainException("certificate.orientation_invalid", "Unknown orientation.");
        var checkedSignatures = newSignatures.Select(s => s.Checked()).ToList();
        if (checkedSignatures.Count > MaxSignatures) throw new DomainException("certificate.too_many_signatures", "At most three signatures.");
        var checkedFields = newFields.Select(f => f.Checked(orientation)).ToList();
        if (checkedFields.Count > MaxFields) throw new DomainException("certificate.too_many_fields", $"At most {MaxFields} fields.");
        if (checkedFields.Any(f => f.IsSignature && f.SignatureIndex >= checkedSignatures.Count))
            throw new DomainException("certificate.signature_missing", "A signature block is placed but that signature is not filled in.");
        var format = Certificates.SerialNumberFormat.Validate(serialNumberFormat);
        (Name, Orientation, fields, signatures, SerialNumberFormat, ThaiDigits, UpdatedAtUtc) =
            (cleanName, orientation, checkedFields, checkedSignatures, format, thaiDigits, nowUtc);
    }

    public void ChangeBackground(string? imageKey, DateTime nowUtc)
    {
        BackgroundImageKey = string.IsNullOrWhiteSpace(imageKey) ? null : imageKey;
        UpdatedAtUtc = nowUtc;
    }

    /// <summary>Sets (or with null removes) the image of signature <paramref name="index"/> (0–2).</summary>
    public void ChangeSignatureImage(int index, string? imageKey, DateTime nowUtc)
    {
        if (index < 0 || index >= signatures.Count) throw new DomainException("certificate.signature_missing", "No such signature.");
        signatures = signatures.Select((s, i) => i == index ? s with { ImageKey = string.IsNullOrWhiteSpace(imageKey) ? null : imageKey } : s).ToList();
        UpdatedAtUtc = nowUtc;
    }

    /// <summary>Every file the template draws (background and signature images), for loading before rendering.</summary>
    public IEnumerable<string> ImageKeys =>
        new[] { BackgroundImageKey }.Concat(signatures.Select(s => s.ImageKey)).OfType<string>().Distinct();

    /// <summary>This template's number for running number <paramref name="running"/> of <paramref name="fiscalYear"/>.</summary>
    public string FormatSerial(int running, FiscalYear fiscalYear) =>
        Certificates.SerialNumberFormat.Format(SerialNumberFormat, running, fiscalYear.BuddhistYear);

    /// <summary>A usable starting layout: title, name, course, date, hours, number and QR code, centred on the page.</summary>
    public static IReadOnlyList<CertificateField> DefaultFields(CertificateOrientation orientation)
    {
        var (w, h) = A4.Size(orientation);
        var cx = w / 2;
        var top = orientation == CertificateOrientation.Landscape ? 45m : 70m;
        return
        [
            new() { Kind = CertificateFieldKind.FreeText, Text = "เกียรติบัตรฉบับนี้ให้ไว้เพื่อแสดงว่า", XMm = cx, YMm = top, FontSizePt = 20 },
            new() { Kind = CertificateFieldKind.RecipientName, XMm = cx, YMm = top + 20, FontSizePt = 32, Bold = true, MaxWidthMm = w - 60 },
            new() { Kind = CertificateFieldKind.CourseName, Prefix = "ได้ผ่านการอบรมหลักสูตร", XMm = cx, YMm = top + 38, FontSizePt = 20, MaxWidthMm = w - 50 },
            new() { Kind = CertificateFieldKind.CreditHours, Prefix = "จำนวน", XMm = cx, YMm = top + 50, FontSizePt = 18 },
            new() { Kind = CertificateFieldKind.CompletionDate, Prefix = "ให้ไว้ ณ วันที่", XMm = cx, YMm = top + 62, FontSizePt = 18 },
            new() { Kind = CertificateFieldKind.SerialNumber, Prefix = "เลขที่", XMm = w - 15, YMm = 15, Align = FieldAlignment.Right, FontSizePt = 12 },
            new() { Kind = CertificateFieldKind.QrCode, XMm = 15, YMm = h - 40, Align = FieldAlignment.Left, SizeMm = 25 },
        ];
    }
}
