using Lms.Domain.Common;

namespace Lms.Domain.Notifications.Reminders;

/// <summary>Completion-deadline reminders (ต้องเรียนจบภายใน): on each of these many local days before the last day.</summary>
public sealed record DeadlineRule(bool Enabled, IReadOnlyList<int> DaysBefore);

/// <summary>"You have not studied for a while": after this many days without progress, then at most every so many days (0 = once).</summary>
public sealed record NoProgressRule(bool Enabled, int AfterDays, int RepeatEveryDays);

/// <summary>A quiz the teacher has not finished closes within this many hours.</summary>
public sealed record QuizClosingRule(bool Enabled, int HoursBefore);

/// <summary>
/// A PLC meeting tomorrow: reminded on the local day before the meeting at this hour (Thailand time). A rule slot for
/// the PLC feature: the settings and the pure rule (<see cref="PlcMeetingReminder"/>) are here, the meetings come with PLC.
/// </summary>
public sealed record PlcMeetingRule(bool Enabled, int LocalHour);

/// <summary>
/// What administrators decide about reminders and notices, one rule per kind. The numbers are settings, not constants:
/// offices differ. <see cref="Problems"/> lists what is wrong as domain error codes; an invalid value is never stored.
/// </summary>
public sealed record ReminderSettings(
    DeadlineRule Deadline, NoProgressRule NoProgress, QuizClosingRule QuizClosing, bool AssignmentGraded, bool CertificateIssued,
    PlcMeetingRule PlcMeeting)
{
    public const int MaxDeadlineReminders = 5;
    public const int MaxDaysBefore = 90;
    public const int MaxIdleDays = 365;
    public const int MaxQuizHours = 168;

    public static readonly ReminderSettings Default = new(
        new DeadlineRule(true, [7, 1]), new NoProgressRule(true, 14, 14), new QuizClosingRule(true, 24),
        AssignmentGraded: true, CertificateIssued: true, new PlcMeetingRule(true, 16));

    /// <summary>The same settings with the deadline days sorted from the earliest reminder (most days) and without repeats.</summary>
    public ReminderSettings Normalised() =>
        this with { Deadline = Deadline with { DaysBefore = Deadline.DaysBefore.Distinct().OrderDescending().ToList() } };

    public bool IsEnabled(NotificationKind kind) => kind switch
    {
        NotificationKind.EnrolmentDeadline => Deadline.Enabled,
        NotificationKind.NoProgress => NoProgress.Enabled,
        NotificationKind.QuizClosing => QuizClosing.Enabled,
        NotificationKind.AssignmentGraded => AssignmentGraded,
        NotificationKind.CertificateIssued => CertificateIssued,
        NotificationKind.PlcMeetingTomorrow => PlcMeeting.Enabled,
        _ => true,
    };

    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (Deadline.Enabled && Deadline.DaysBefore.Count == 0) problems.Add("reminders.deadline_days_required");
        if (Deadline.DaysBefore.Any(d => d is < 0 or > MaxDaysBefore)) problems.Add("reminders.deadline_days_invalid");
        if (Deadline.DaysBefore.Distinct().Count() > MaxDeadlineReminders) problems.Add("reminders.deadline_days_too_many");
        if (NoProgress.AfterDays is < 1 or > MaxIdleDays) problems.Add("reminders.no_progress_days_invalid");
        if (NoProgress.RepeatEveryDays is < 0 or > MaxIdleDays) problems.Add("reminders.repeat_days_invalid");
        if (QuizClosing.HoursBefore is < 1 or > MaxQuizHours) problems.Add("reminders.quiz_hours_invalid");
        if (PlcMeeting.LocalHour is < 0 or > 23) problems.Add("reminders.plc_hour_invalid");
        return problems;
    }

    /// <summary>The normalised settings, or a <see cref="DomainException"/> with the first problem.</summary>
    public ReminderSettings Checked()
    {
        var problems = Problems();
        if (problems.Count > 0) throw new DomainException(problems[0], $"Invalid reminder settings: {string.Join(", ", problems)}");
        return Normalised();
    }
}
