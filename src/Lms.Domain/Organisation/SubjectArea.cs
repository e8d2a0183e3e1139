namespace Lms.Domain.Organisation;

/// <summary>
/// The eight learning areas of the Thai basic-education core curriculum (กลุ่มสาระการเรียนรู้, 2551)
/// plus learner-development activities and guidance, which schools staff separately.
/// </summary>
public enum SubjectArea
{
    Thai = 1,
    Mathematics = 2,
    ScienceAndTechnology = 3,
    SocialStudies = 4,
    HealthAndPhysicalEducation = 5,
    Arts = 6,
    CareerEducation = 7,
    ForeignLanguages = 8,
    LearnerDevelopment = 9,
    Guidance = 10,
}
