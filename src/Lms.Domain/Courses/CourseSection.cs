using Lms.Domain.Common;

namespace Lms.Domain.Courses;

/// <summary>A section (module, หน่วยการเรียนรู้) of a course: an ordered list of activities.</summary>
public sealed class CourseSection
{
    public Guid Id { get; private set; }
    public Guid CourseId { get; internal set; }
    public string Title { get; private set; } = "";
    public int SortOrder { get; internal set; }
    private readonly List<Activity> activities = [];
    public IReadOnlyList<Activity> Activities => activities.OrderBy(a => a.SortOrder).ToList();

    private CourseSection() { }

    internal CourseSection(Guid id, string title)
    {
        if (id == Guid.Empty) throw new DomainException("section.id_required", "A section needs an id.");
        Id = id;
        Rename(title);
    }

    public void Rename(string title) => Title = Text.Required(title, "section.title_required", 200);

    internal void Insert(Activity activity, int index)
    {
        var ordered = Activities.ToList();
        ordered.Insert(Math.Clamp(index, 0, ordered.Count), activity);
        activity.SectionId = Id;
        if (!activities.Contains(activity)) activities.Add(activity);
        Renumber(ordered);
    }

    internal void Remove(Activity activity)
    {
        activities.Remove(activity);
        Renumber(Activities.ToList());
    }

    private static void Renumber(List<Activity> ordered)
    {
        for (var i = 0; i < ordered.Count; i++) ordered[i].SortOrder = i;
    }

    internal CourseSection CopyAs(Guid newId, Func<Guid> newActivityId, Dictionary<Guid, Guid> activityIds)
    {
        var copy = new CourseSection(newId, Title) { SortOrder = SortOrder };
        foreach (var a in Activities)
        {
            var id = newActivityId();
            activityIds[a.Id] = id;
            var activityCopy = a.CopyAs(id, newId);
            copy.activities.Add(activityCopy);
        }
        return copy;
    }
}
