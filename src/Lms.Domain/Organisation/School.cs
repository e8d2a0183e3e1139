using Lms.Domain.Common;

namespace Lms.Domain.Organisation;

/// <summary>A school (สถานศึกษา) under the office. Schools are deactivated, never deleted:
/// people and learning records keep pointing at them.</summary>
public sealed class School
{
    public Guid Id { get; private set; }
    public Guid OfficeId { get; private set; }
    /// <summary>The ministry's 8- or 10-digit school code, or the office's own short code.</summary>
    public string Code { get; private set; } = "";
    public string NameTh { get; private set; } = "";
    public string NameEn { get; private set; } = "";
    /// <summary>อำเภอ, used to group schools in reports.</summary>
    public string District { get; private set; } = "";
    public string Province { get; private set; } = "";
    public bool IsActive { get; private set; } = true;

    private School() { }

    public School(Guid id, Guid officeId, string code, string nameTh, string nameEn, string district, string province)
    {
        if (officeId == Guid.Empty) throw new DomainException("school.office_required", "A school belongs to an office.");
        Id = id;
        OfficeId = officeId;
        Update(code, nameTh, nameEn, district, province);
    }

    public void Update(string code, string nameTh, string nameEn, string district, string province)
    {
        // Check everything before changing anything: a refused update leaves the school as it was.
        var c = Text.Required(code, "school.code_required", 20);
        var th = Text.Required(nameTh, "school.name_required", 200);
        var en = Text.Optional(nameEn, 200);
        var d = Text.Optional(district, 100);
        var p = Text.Optional(province, 100);
        (Code, NameTh, NameEn, District, Province) = (c, th, en, d, p);
    }

    public void Deactivate() => IsActive = false;
    public void Reactivate() => IsActive = true;
}
