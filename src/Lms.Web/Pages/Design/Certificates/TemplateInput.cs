using System.ComponentModel.DataAnnotations;
using Lms.Domain.Certificates;

namespace Lms.Web.Pages.Design.Certificates;

/// <summary>The template form as the browser sends it: details, one row per field, three signature rows.</summary>
public sealed class TemplateInput
{
    [Required(ErrorMessage = "Please enter the template's name.")]
    [StringLength(CertificateTemplate.MaxNameLength, ErrorMessage = "The name may have at most 200 characters.")]
    public string Name { get; set; } = "";
    public CertificateOrientation Orientation { get; set; } = CertificateOrientation.Landscape;
    /// <summary>Only when creating: null = office-wide.</summary>
    public Guid? CourseId { get; set; }
    [StringLength(Domain.Certificates.SerialNumberFormat.MaxLength, ErrorMessage = "The text is too long.")]
    public string? SerialNumberFormat { get; set; } = Domain.Certificates.SerialNumberFormat.Default;
    public bool ThaiDigits { get; set; }
    public bool RemoveBackground { get; set; }
    public List<FieldRow> Fields { get; set; } = [];
    public List<SignatureRow> Signatures { get; set; } = [];
    public uint Version { get; set; }
}

/// <summary>One field of the layout table. A row without a kind is an unused "add a field" row; ticking Remove drops the row.</summary>
public sealed class FieldRow
{
    public CertificateFieldKind? Kind { get; set; }
    /// <summary>The text of a fixed-text field, or the words printed before any other value (e.g. "เลขที่").</summary>
    [StringLength(CertificateField.MaxTextLength, ErrorMessage = "The text is too long.")]
    public string? Text { get; set; }
    [Range(0, 297, ErrorMessage = "Positions are between 0 and 297 mm.")]
    public decimal XMm { get; set; }
    [Range(0, 297, ErrorMessage = "Positions are between 0 and 297 mm.")]
    public decimal YMm { get; set; }
    public FieldAlignment Align { get; set; } = FieldAlignment.Centre;
    [Range(4, 144, ErrorMessage = "A font size must be between 4 and 144 points.")]
    public decimal FontSizePt { get; set; } = 16;
    public bool Bold { get; set; }
    public string? Colour { get; set; } = "#000000";
    public decimal? MaxWidthMm { get; set; }
    public decimal SizeMm { get; set; } = 25;
    public bool Remove { get; set; }

    public bool IsUsed => Kind is not null && !Remove;

    public CertificateField ToField() => new()
    {
        Kind = Kind ?? CertificateFieldKind.FreeText, XMm = XMm, YMm = YMm, Align = Align, FontSizePt = FontSizePt, Bold = Bold,
        Colour = Colour ?? "#000000", MaxWidthMm = MaxWidthMm, SizeMm = SizeMm,
        Text = Kind == CertificateFieldKind.FreeText ? Text ?? "" : "",
        Prefix = Kind == CertificateFieldKind.FreeText ? "" : Text ?? "",
    };

    public static FieldRow From(CertificateField f) => new()
    {
        Kind = f.Kind, Text = f.Kind == CertificateFieldKind.FreeText ? f.Text : f.Prefix, XMm = f.XMm, YMm = f.YMm, Align = f.Align,
        FontSizePt = f.FontSizePt, Bold = f.Bold, Colour = f.Colour, MaxWidthMm = f.MaxWidthMm, SizeMm = f.SizeMm,
    };
}

public sealed class SignatureRow
{
    [StringLength(CertificateSignature.MaxNameLength, ErrorMessage = "The name may have at most 150 characters.")]
    public string? Name { get; set; }
    [StringLength(CertificateSignature.MaxPositionLength, ErrorMessage = "The text is too long.")]
    public string? Position { get; set; }
    public bool RemoveImage { get; set; }
    /// <summary>Shown, not posted back as truth: whether the saved signature has a picture.</summary>
    public bool HasImage { get; set; }
}
