using Npgsql;

namespace Lms.Infrastructure.Persistence;

/// <summary>PostgreSQL answers the app relies on, named.</summary>
public static class PostgresErrors
{
    /// <summary>A unique index refused a second row: the "exactly once" rules (one enrolment, one submission…).</summary>
    public static bool IsUniqueViolation(Exception e) =>
        (e as PostgresException ?? e.InnerException as PostgresException)?.SqlState == PostgresErrorCodes.UniqueViolation;
}
