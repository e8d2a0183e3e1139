using Lms.Domain.Common;

namespace Lms.Domain.Organisation;

/// <summary>An education service area office (สพม./สพป.), the tenant that runs the programme.</summary>
public sealed class ServiceAreaOffice
{
    public Guid Id { get; private set; }
    public string NameTh { get; private set; } = "";
    public string NameEn { get; private set; } = "";
    /// <summary>The short code printed on documents, e.g. "สพม.สท".</summary>
    public string ShortCode { get; private set; } = "";

    private ServiceAreaOffice() { }

    public ServiceAreaOffice(Guid id, string nameTh, string nameEn, string shortCode)
    {
        Id = id;
        Rename(nameTh, nameEn, shortCode);
    }

    public void Rename(string nameTh, string nameEn, string shortCode)
    {
        // Check everything before changing anything: a refused rename leaves the office as it was.
        var th = Text.Required(nameTh, "office.name_required", 200);
        var en = Text.Optional(nameEn, 200);
        var code = Text.Required(shortCode, "office.code_required", 40);
        (NameTh, NameEn, ShortCode) = (th, en, code);
    }
}
