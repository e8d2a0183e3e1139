using Lms.Domain.Common;

namespace Lms.Domain.Courses;

/// <summary>
/// An image or video uploaded into a course's Markdown. Recorded per course so the media address only
/// serves it to people of that course (designers, and learners enrolled in it).
/// </summary>
public sealed class CourseMedia
{
    public Guid CourseId { get; private set; }
    public string FileKey { get; private set; } = "";
    public string FileName { get; private set; } = "";
    public DateTime UploadedAtUtc { get; private set; }

    private CourseMedia() { }

    public CourseMedia(Guid courseId, string fileKey, string fileName, DateTime nowUtc)
    {
        if (courseId == Guid.Empty || string.IsNullOrWhiteSpace(fileKey)) throw new DomainException("media.invalid", "Media needs a course and a file.");
        (CourseId, FileKey, FileName, UploadedAtUtc) = (courseId, fileKey, Text.Optional(fileName, 260), nowUtc);
    }
}
