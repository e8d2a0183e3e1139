namespace Lms.Infrastructure.Courses;

/// <summary>One published version of a course: the JSON of its <see cref="Lms.Domain.Courses.PublishedCourse"/>.</summary>
public sealed class CourseVersion
{
    public Guid CourseId { get; set; }
    public int Version { get; set; }
    public DateTime PublishedAtUtc { get; set; }
    public Guid PublishedBy { get; set; }
    public string Content { get; set; } = "";
}
