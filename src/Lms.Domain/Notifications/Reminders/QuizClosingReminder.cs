namespace Lms.Domain.Notifications.Reminders;

/// <summary>"The quiz closes soon": from <see cref="QuizClosingRule.HoursBefore"/> hours before its close until it closes.</summary>
public static class QuizClosingReminder
{
    public static bool IsDue(DateTime closesAtUtc, DateTime nowUtc, int hoursBefore) =>
        nowUtc < closesAtUtc && closesAtUtc - nowUtc <= TimeSpan.FromHours(hoursBefore);

    /// <summary>The quiz and its close time: a quiz moved to close later is a new occasion.</summary>
    public static string OccasionKey(Guid quizId, DateTime closesAtUtc) =>
        FormattableString.Invariant($"quiz:{quizId}:closes:{closesAtUtc:yyyyMMddTHHmm}");
}
