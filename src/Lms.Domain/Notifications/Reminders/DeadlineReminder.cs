namespace Lms.Domain.Notifications.Reminders;

/// <summary>
/// The one deadline reminder of a course that is due now: <paramref name="DaysBefore"/> is the configured offset it
/// stands for, <paramref name="LastDay"/> the deadline's last local day, and only learners enrolled before
/// <paramref name="EnrolledBeforeUtc"/> get it (they were already enrolled on the day that reminder belongs to).
/// </summary>
public sealed record DeadlineOccasion(int DaysBefore, DateOnly LastDay, int DaysLeft, DateTime EnrolledBeforeUtc)
{
    /// <summary>
    /// Names the occasion for "never twice": the course, the deadline's last day (a moved deadline is a new occasion)
    /// and the offset.
    /// </summary>
    public string OccasionKey(Guid courseId) =>
        FormattableString.Invariant($"course:{courseId}:due:{LastDay:yyyy-MM-dd}:{DaysBefore}d");
}

/// <summary>
/// Which completion-deadline reminder is due, counted in Thai local days (<see cref="ThaiDays"/>).
/// <para>With offsets [7, 1] and the last day on the 10th: the 7-day reminder belongs to the 3rd–8th, the 1-day one
/// to the 9th–10th. On any day only the smallest offset not yet behind us is due, so a scanner that missed days
/// catches up with one reminder, not a burst, and a stale "7 days left" is never sent when 1 day is left.
/// A learner who enrolled after an offset's day (on the 5th, say) does not get that offset's reminder at all — only
/// the later ones.</para>
/// </summary>
public static class DeadlineReminder
{
    /// <summary>
    /// The reminder due at <paramref name="nowUtc"/> for a course whose deadline is the exclusive instant
    /// <paramref name="deadlineUtc"/>; null when none is (too early, or the deadline has passed).
    /// </summary>
    public static DeadlineOccasion? Due(DateTime deadlineUtc, DateTime nowUtc, IEnumerable<int> daysBefore)
    {
        if (nowUtc >= deadlineUtc) return null;
        var lastDay = ThaiDays.LastDayBefore(deadlineUtc);
        var daysLeft = lastDay.DayNumber - ThaiDays.LocalDate(nowUtc).DayNumber;
        var offsets = daysBefore.Where(d => d >= daysLeft).ToList();
        if (offsets.Count == 0) return null;
        var offset = offsets.Min();
        // Enrolled on or before the offset's own day: before the start of the day after it.
        var enrolledBefore = ThaiDays.StartUtc(lastDay.AddDays(-offset + 1));
        return new DeadlineOccasion(offset, lastDay, daysLeft, enrolledBefore);
    }

    /// <summary>The reminder due for one learner enrolled at <paramref name="enrolledAtUtc"/>, or null.</summary>
    public static DeadlineOccasion? DueFor(DateTime deadlineUtc, DateTime enrolledAtUtc, DateTime nowUtc, IEnumerable<int> daysBefore) =>
        Due(deadlineUtc, nowUtc, daysBefore) is { } due && enrolledAtUtc < due.EnrolledBeforeUtc ? due : null;
}
