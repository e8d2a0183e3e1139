using Lms.Domain.Common;

namespace Lms.Domain.Courses;

/// <summary>A catalogue category (e.g. "การจัดการเรียนรู้", "ครูผู้ช่วย"), optionally inside another.</summary>
public sealed class CourseCategory
{
    public Guid Id { get; private set; }
    public Guid? ParentId { get; private set; }
    public string NameTh { get; private set; } = "";
    public string NameEn { get; private set; } = "";
    public int SortOrder { get; private set; }

    private CourseCategory() { }

    public CourseCategory(Guid id, string nameTh, string nameEn, Guid? parentId, int sortOrder)
    {
        if (id == Guid.Empty) throw new DomainException("category.id_required", "A category needs an id.");
        if (parentId == id) throw new DomainException("category.parent_self", "A category cannot contain itself.");
        Id = id;
        ParentId = parentId;
        SortOrder = sortOrder;
        Rename(nameTh, nameEn);
    }

    public void Rename(string nameTh, string nameEn)
    {
        var th = Text.Required(nameTh, "category.name_required", 200);
        NameEn = Text.Optional(nameEn, 200);
        NameTh = th;
    }
}
