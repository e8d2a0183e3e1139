using Lms.Domain.Courses;
using Lms.Domain.Organisation;

namespace Lms.Web.Localization;

/// <summary>English names of domain values; pass them through the localizer for Thai.</summary>
public static class DomainNames
{
    public static string Of(Position p) => p switch
    {
        Position.AssistantTeacher => "Assistant teacher",
        Position.Teacher => "Teacher",
        Position.EducationalPersonnel => "Educational personnel",
        Position.SchoolDirector => "School director",
        Position.Supervisor => "Supervisor",
        Position.External => "External expert",
        _ => p.ToString(),
    };

    public static string Of(SubjectArea s) => s switch
    {
        SubjectArea.Thai => "Thai language",
        SubjectArea.Mathematics => "Mathematics",
        SubjectArea.ScienceAndTechnology => "Science and technology",
        SubjectArea.SocialStudies => "Social studies, religion and culture",
        SubjectArea.HealthAndPhysicalEducation => "Health and physical education",
        SubjectArea.Arts => "Arts",
        SubjectArea.CareerEducation => "Occupations",
        SubjectArea.ForeignLanguages => "Foreign languages",
        SubjectArea.LearnerDevelopment => "Learner development activities",
        SubjectArea.Guidance => "Guidance",
        _ => s.ToString(),
    };

    public static string OfRole(string role) => role switch
    {
        SystemRole.Administrator => "Administrator",
        SystemRole.CourseDesigner => "Course designer",
        SystemRole.Trainer => "Trainer",
        SystemRole.Supervisor => "Supervisor (role)",
        SystemRole.SchoolDirector => "School director (role)",
        SystemRole.Learner => "Learner",
        _ => role,
    };

    public static string Of(CourseStatus s) => s switch
    {
        CourseStatus.Draft => "Draft",
        CourseStatus.Published => "Published",
        CourseStatus.Archived => "Archived",
        _ => s.ToString(),
    };

    public static string Of(ActivityKind k) => k switch
    {
        ActivityKind.Page => "Page",
        ActivityKind.File => "File",
        ActivityKind.Link => "Link",
        ActivityKind.Assignment => "Assignment",
        ActivityKind.Quiz => "Quiz",
        _ => k.ToString(),
    };

    public static string Of(CompletionCriterion c) => c switch
    {
        CompletionCriterion.None => "Not tracked",
        CompletionCriterion.Viewed => "Viewed",
        CompletionCriterion.Submitted => "Submitted",
        CompletionCriterion.GradedAtLeastPassMark => "Graded at or above the pass mark",
        CompletionCriterion.QuizPassed => "Quiz passed",
        _ => c.ToString(),
    };
}
