using Lms.Domain.Common;
using Lms.Domain.Notifications;
using Lms.Domain.Notifications.Reminders;

namespace Lms.Domain.Tests.Notifications;

public sealed class ReminderSettingsTests
{
    private static readonly ReminderSettings D = ReminderSettings.Default;

    [Fact]
    public void The_defaults_are_7_and_1_days_14_idle_days_and_24_hours_and_valid()
    {
        Assert.Equal([7, 1], D.Deadline.DaysBefore);
        Assert.Equal((14, 14), (D.NoProgress.AfterDays, D.NoProgress.RepeatEveryDays));
        Assert.Equal(24, D.QuizClosing.HoursBefore);
        Assert.Empty(D.Problems());
    }

    [Fact]
    public void Deadline_days_are_sorted_and_repeats_dropped()
    {
        var s = (D with { Deadline = new DeadlineRule(true, [1, 7, 3, 7]) }).Checked();
        Assert.Equal([7, 3, 1], s.Deadline.DaysBefore);
    }

    [Theory]
    [InlineData(new[] { 7, 91 }, "reminders.deadline_days_invalid")]
    [InlineData(new[] { -1 }, "reminders.deadline_days_invalid")]
    [InlineData(new[] { 1, 2, 3, 4, 5, 6 }, "reminders.deadline_days_too_many")]
    [InlineData(new int[0], "reminders.deadline_days_required")]
    public void Wrong_deadline_days_are_refused(int[] days, string code)
    {
        var s = D with { Deadline = new DeadlineRule(true, days) };
        Assert.Equal(code, Assert.Throws<DomainException>(() => s.Checked()).Code);
    }

    [Fact]
    public void A_disabled_deadline_rule_may_have_no_days()
    {
        Assert.Empty((D with { Deadline = new DeadlineRule(false, []) }).Problems());
    }

    [Fact]
    public void Each_number_is_checked_and_every_problem_is_listed()
    {
        var s = D with
        {
            NoProgress = new NoProgressRule(true, 0, -1), QuizClosing = new QuizClosingRule(true, 169), PlcMeeting = new PlcMeetingRule(true, 24),
        };
        Assert.Equal(["reminders.no_progress_days_invalid", "reminders.repeat_days_invalid", "reminders.quiz_hours_invalid",
            "reminders.plc_hour_invalid"], s.Problems());
    }

    [Fact]
    public void Each_kind_can_be_switched_off()
    {
        var off = D with { QuizClosing = D.QuizClosing with { Enabled = false }, AssignmentGraded = false };
        Assert.False(off.IsEnabled(NotificationKind.QuizClosing));
        Assert.False(off.IsEnabled(NotificationKind.AssignmentGraded));
        Assert.True(off.IsEnabled(NotificationKind.EnrolmentDeadline));
    }
}
