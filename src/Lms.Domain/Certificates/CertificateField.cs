using System.Text.RegularExpressions;
using Lms.Domain.Common;

namespace Lms.Domain.Certificates;

/// <summary>
/// One thing printed on the certificate, at a position measured in millimetres from the page's top-left corner.
/// <para><see cref="XMm"/> is the anchor chosen by <see cref="Align"/> (the left edge, the centre or the right edge).
/// For text <see cref="YMm"/> is the baseline of the line (Thai vowels and tone marks stand above and below it, so the
/// baseline is the only line that does not depend on the name); for the QR code it is the top edge; for a signature
/// block it is the baseline of the "(name)" line, with the signature image above it and the position below.</para>
/// <para>Text larger than <see cref="MaxWidthMm"/> is shrunk until it fits, so a long name stays inside its frame.</para>
/// </summary>
public sealed partial record CertificateField
{
    public const decimal MinFontSizePt = 4m;
    public const decimal MaxFontSizePt = 144m;
    public const decimal MinQrSizeMm = 10m;
    public const decimal MaxQrSizeMm = 100m;
    public const int MaxTextLength = 300;

    public CertificateFieldKind Kind { get; init; }
    public decimal XMm { get; init; }
    public decimal YMm { get; init; }
    public FieldAlignment Align { get; init; } = FieldAlignment.Centre;
    public decimal FontSizePt { get; init; } = 16m;
    public bool Bold { get; init; }
    /// <summary>"#RRGGBB".</summary>
    public string Colour { get; init; } = "#000000";
    /// <summary>Null: no limit.</summary>
    public decimal? MaxWidthMm { get; init; }
    /// <summary>The QR code's side (QR codes only).</summary>
    public decimal SizeMm { get; init; } = 25m;
    /// <summary>The text of a <see cref="CertificateFieldKind.FreeText"/> field.</summary>
    public string Text { get; init; } = "";
    /// <summary>Printed before the value with a space, e.g. "เลขที่" before the serial number or "ให้ไว้ ณ วันที่" before the date.</summary>
    public string Prefix { get; init; } = "";

    public bool IsSignature => Kind is CertificateFieldKind.Signature1 or CertificateFieldKind.Signature2 or CertificateFieldKind.Signature3;

    /// <summary>Signature block 1–3 → index 0–2.</summary>
    public int SignatureIndex => Kind switch
    {
        CertificateFieldKind.Signature1 => 0,
        CertificateFieldKind.Signature2 => 1,
        CertificateFieldKind.Signature3 => 2,
        _ => -1,
    };

    /// <summary>The field with its texts cleaned, or a <see cref="DomainException"/> naming the first problem.</summary>
    public CertificateField Checked(CertificateOrientation orientation)
    {
        if (!Enum.IsDefined(Kind)) throw new DomainException("certificate.field_kind_invalid", "Unknown field kind.");
        if (!Enum.IsDefined(Align)) throw new DomainException("certificate.field_align_invalid", "Unknown alignment.");
        var (width, height) = A4.Size(orientation);
        if (XMm < 0 || XMm > width || YMm < 0 || YMm > height)
            throw new DomainException("certificate.field_off_page", $"A field lies outside the {width} × {height} mm page.");
        if (FontSizePt is < MinFontSizePt or > MaxFontSizePt)
            throw new DomainException("certificate.field_font_size_invalid", "Font size out of range.");
        if (MaxWidthMm is { } max && (max <= 0 || max > width))
            throw new DomainException("certificate.field_max_width_invalid", "Maximum width must be above 0 and at most the page's width.");
        if (Kind == CertificateFieldKind.QrCode && SizeMm is < MinQrSizeMm or > MaxQrSizeMm)
            throw new DomainException("certificate.field_qr_size_invalid", "QR size out of range.");
        var colour = (Colour ?? "").Trim();
        if (!ColourShape().IsMatch(colour)) throw new DomainException("certificate.field_colour_invalid", "Colour must be #RRGGBB.");
        var text = Common.Text.Optional(Text, MaxTextLength);
        if (Kind == CertificateFieldKind.FreeText && text.Length == 0)
            throw new DomainException("certificate.field_text_required", "A free-text field needs its text.");
        return this with
        {
            Colour = colour.ToUpperInvariant(),
            Text = Kind == CertificateFieldKind.FreeText ? text : "",
            Prefix = Kind is CertificateFieldKind.QrCode || IsSignature ? "" : Common.Text.Optional(Prefix, MaxTextLength),
        };
    }

    [GeneratedRegex("^#[0-9A-Fa-f]{6}$", RegexOptions.CultureInvariant)]
    private static partial Regex ColourShape();
}

/// <summary>A person who signs the certificate: name (printed in brackets), position (ตำแหน่ง) and an optional signature image.</summary>
public sealed record CertificateSignature
{
    public const int MaxNameLength = 150;
    public const int MaxPositionLength = 250;

    public string Name { get; init; } = "";
    public string Position { get; init; } = "";
    /// <summary>File-store key of a PNG/JPEG of the signature (transparent PNG looks best), or null.</summary>
    public string? ImageKey { get; init; }

    public CertificateSignature Checked() => this with
    {
        Name = Common.Text.Required(Name, "certificate.signature_name_required", MaxNameLength),
        Position = Common.Text.Optional(Position, MaxPositionLength),
        ImageKey = string.IsNullOrWhiteSpace(ImageKey) ? null : ImageKey,
    };
}
