namespace Lms.Domain.Courses;

/// <summary>
/// The published shape of a course as completion sees it: activities in order with their rules,
/// and which of them the course needs. Small and immutable, so it can be cached per version.
/// </summary>
public sealed record CourseOutline(Guid CourseId, int Version, IReadOnlyList<ActivityRules> Activities,
    IReadOnlySet<Guid> RequiredActivityIds)
{
    public static CourseOutline From(Course course)
    {
        var activities = course.AllActivities.Select(a => a.Rules).ToList();
        var required = course.CompletionMode == CourseCompletionMode.ChosenActivities
            ? course.ChosenActivityIds.ToHashSet()
            : activities.Where(a => a.Criterion != CompletionCriterion.None).Select(a => a.Id).ToHashSet();
        return new CourseOutline(course.Id, course.PublishedVersion, activities, required);
    }

    public ActivityRules? Find(Guid activityId) => Activities.FirstOrDefault(a => a.Id == activityId);
}
