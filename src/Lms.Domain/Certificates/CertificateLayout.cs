using System.Text.Json.Serialization;

namespace Lms.Domain.Certificates;

/// <summary>A4 in landscape (297 × 210 mm, the usual เกียรติบัตร) or portrait (210 × 297 mm).</summary>
public enum CertificateOrientation
{
    Landscape,
    Portrait,
}

/// <summary>What a positioned field prints.</summary>
// Stored by name in the template's jsonb, so adding a kind never renumbers saved designs.
[JsonConverter(typeof(JsonStringEnumConverter<CertificateFieldKind>))]
public enum CertificateFieldKind
{
    /// <summary>The person's name with their title, e.g. "นางสาวกิ่งก้อย ผู้ใฝ่รู้".</summary>
    RecipientName,
    /// <summary>The course's or event's name.</summary>
    CourseName,
    /// <summary>The completion date in Thai with the Buddhist Era, e.g. "25 พฤศจิกายน พ.ศ. 2569".</summary>
    CompletionDate,
    /// <summary>E.g. "12 ชั่วโมง".</summary>
    CreditHours,
    /// <summary>The certificate's number in the office's format, e.g. "สพม.สท 0123/2569".</summary>
    SerialNumber,
    /// <summary>A QR code of the verification address.</summary>
    QrCode,
    /// <summary>Signature block 1 to 3: the signature image (if any), "(name)" and the position below it.</summary>
    Signature1,
    Signature2,
    Signature3,
    /// <summary>Fixed text, e.g. "ขอมอบเกียรติบัตรฉบับนี้ไว้เพื่อแสดงว่า".</summary>
    FreeText,
}

/// <summary>How a field's X position anchors it: its left edge, its centre or its right edge.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<FieldAlignment>))]
public enum FieldAlignment
{
    Left,
    Centre,
    Right,
}

/// <summary>A4 sizes in millimetres.</summary>
public static class A4
{
    public const decimal ShortSideMm = 210m;
    public const decimal LongSideMm = 297m;

    public static (decimal WidthMm, decimal HeightMm) Size(CertificateOrientation orientation) =>
        orientation == CertificateOrientation.Portrait ? (ShortSideMm, LongSideMm) : (LongSideMm, ShortSideMm);
}
