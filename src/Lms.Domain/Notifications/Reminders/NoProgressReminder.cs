namespace Lms.Domain.Notifications.Reminders;

/// <summary>
/// "No progress for N days": a learner idle since <c>idleSinceUtc</c> (their last activity in the course, or their
/// enrolment when they never started) is reminded after <see cref="NoProgressRule.AfterDays"/> days, then again every
/// <see cref="NoProgressRule.RepeatEveryDays"/> days while they stay idle. Each reminder is a numbered round of that
/// idle spell; any progress starts a new spell (a new idle-since), and so a fresh count.
/// </summary>
public static class NoProgressReminder
{
    /// <summary>The round due at <paramref name="nowUtc"/> (0 = the first reminder), or null while the learner is not idle long enough.</summary>
    public static int? Round(DateTime idleSinceUtc, DateTime nowUtc, int afterDays, int repeatEveryDays)
    {
        var overdue = nowUtc - idleSinceUtc - TimeSpan.FromDays(afterDays);
        if (overdue < TimeSpan.Zero) return null;
        if (repeatEveryDays <= 0) return 0;
        return (int)(overdue.Ticks / TimeSpan.FromDays(repeatEveryDays).Ticks);
    }

    /// <summary>The idle spell (to the second, as stored) and the round: the same round is never sent twice.</summary>
    public static string OccasionKey(Guid enrolmentId, DateTime idleSinceUtc, int round) =>
        FormattableString.Invariant($"enrolment:{enrolmentId}:idle:{idleSinceUtc:yyyyMMddTHHmmss}:{round}");
}
