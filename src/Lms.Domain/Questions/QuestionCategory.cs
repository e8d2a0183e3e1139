using Lms.Domain.Common;

namespace Lms.Domain.Questions;

/// <summary>
/// A folder of a question bank. A bank is either a course's own (<see cref="CourseId"/> set) or the office's shared
/// bank (null), which every designer can draw from. Categories nest (Moodle's "Iota/Kappa/Lambda").
/// </summary>
public sealed class QuestionCategory
{
    public Guid Id { get; private set; }
    public Guid? CourseId { get; private set; }
    public Guid? ParentId { get; private set; }
    public string Name { get; private set; } = "";
    public string Info { get; private set; } = "";
    public string? IdNumber { get; private set; }

    private QuestionCategory() { }

    public QuestionCategory(Guid id, Guid? courseId, Guid? parentId, string name, string info = "", string? idNumber = null)
    {
        if (id == Guid.Empty) throw new DomainException("category.id_required", "A category needs an id.");
        if (parentId == id) throw new DomainException("category.parent_self", "A category cannot contain itself.");
        Id = id;
        CourseId = courseId;
        ParentId = parentId;
        Rename(name, info);
        IdNumber = string.IsNullOrWhiteSpace(idNumber) ? null : Text.Optional(idNumber, 100);
    }

    public void Rename(string name, string info)
    {
        Name = Text.Required(name, "category.name_required", 255);
        Info = (info ?? "").Trim();
        if (Info.Length > 20_000) throw new DomainException("text.too_long", "Category description too long.");
    }

    public void MoveUnder(Guid? parentId)
    {
        if (parentId == Id) throw new DomainException("category.parent_self", "A category cannot contain itself.");
        ParentId = parentId;
    }
}
