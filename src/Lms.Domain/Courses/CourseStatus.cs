namespace Lms.Domain.Courses;

public enum CourseStatus
{
    /// <summary>Being written; learners cannot see it.</summary>
    Draft = 1,
    /// <summary>Learners see the last published version; designers may keep editing the draft.</summary>
    Published = 2,
    /// <summary>Closed: kept for records and reports, no new enrolments.</summary>
    Archived = 3,
}
