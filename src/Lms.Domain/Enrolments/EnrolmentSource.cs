namespace Lms.Domain.Enrolments;

/// <summary>How someone came to be enrolled (reports distinguish self-study from assigned training).</summary>
public enum EnrolmentSource
{
    Self = 1,
    Administrator = 2,
    BySchool = 3,
    ByPosition = 4,
    CsvList = 5,
}
