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
}
