namespace Lms.Domain.Organisation;

/// <summary>Roles in the system (what a person may use). Names are stored as Identity role names.</summary>
public static class SystemRole
{
    public const string Administrator = nameof(Administrator);
    public const string CourseDesigner = nameof(CourseDesigner);
    public const string Trainer = nameof(Trainer);
    public const string Supervisor = nameof(Supervisor);
    public const string SchoolDirector = nameof(SchoolDirector);
    public const string Learner = nameof(Learner);

    public static readonly IReadOnlyList<string> All =
        [Administrator, CourseDesigner, Trainer, Supervisor, SchoolDirector, Learner];

    public static bool IsKnown(string role) => All.Contains(role, StringComparer.Ordinal);
}
