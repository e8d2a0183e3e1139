namespace Lms.Domain.Courses;

/// <summary>What an activity in a course section is.</summary>
public enum ActivityKind
{
    /// <summary>Markdown text with images, tables and embedded video.</summary>
    Page = 1,
    /// <summary>An uploaded document (PDF, slides, …), shown inline where the browser can.</summary>
    File = 2,
    /// <summary>A link to another site.</summary>
    Link = 3,
    /// <summary>The teacher submits text and/or files as evidence; a trainer grades it with a rubric.</summary>
    Assignment = 4,
    /// <summary>A quiz (question bank and attempts come with the quiz feature).</summary>
    Quiz = 5,
}
