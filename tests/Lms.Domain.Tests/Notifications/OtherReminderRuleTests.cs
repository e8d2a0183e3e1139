using Lms.Domain.Notifications.Reminders;

namespace Lms.Domain.Tests.Notifications;

public sealed class NoProgressReminderTests
{
    private static readonly DateTime Idle = new(2026, 11, 1, 3, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Not_due_until_the_learner_has_been_idle_the_whole_number_of_days()
    {
        Assert.Null(NoProgressReminder.Round(Idle, Idle.AddDays(14).AddSeconds(-1), 14, 7));
        Assert.Equal(0, NoProgressReminder.Round(Idle, Idle.AddDays(14), 14, 7));
    }

    [Fact]
    public void Repeats_every_so_many_days_while_idle_as_numbered_rounds()
    {
        Assert.Equal(0, NoProgressReminder.Round(Idle, Idle.AddDays(20), 14, 7));
        Assert.Equal(1, NoProgressReminder.Round(Idle, Idle.AddDays(21), 14, 7));
        Assert.Equal(2, NoProgressReminder.Round(Idle, Idle.AddDays(28.5), 14, 7));
    }

    [Fact]
    public void With_no_repeat_there_is_only_the_first_round()
    {
        Assert.Equal(0, NoProgressReminder.Round(Idle, Idle.AddDays(100), 14, 0));
    }

    [Fact]
    public void A_new_idle_spell_is_a_new_occasion()
    {
        var e = Guid.NewGuid();
        Assert.NotEqual(NoProgressReminder.OccasionKey(e, Idle, 0), NoProgressReminder.OccasionKey(e, Idle.AddDays(3), 0));
        Assert.EndsWith(":idle:20261101T030000:0", NoProgressReminder.OccasionKey(e, Idle, 0));
    }
}

public sealed class QuizClosingReminderTests
{
    private static readonly DateTime Closes = new(2026, 12, 1, 10, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Due_within_the_window_before_the_close_and_not_after()
    {
        Assert.False(QuizClosingReminder.IsDue(Closes, Closes.AddHours(-24).AddMinutes(-1), 24));
        Assert.True(QuizClosingReminder.IsDue(Closes, Closes.AddHours(-24), 24));
        Assert.True(QuizClosingReminder.IsDue(Closes, Closes.AddMinutes(-1), 24));
        Assert.False(QuizClosingReminder.IsDue(Closes, Closes, 24));
    }

    [Fact]
    public void A_quiz_moved_to_close_later_is_a_new_occasion()
    {
        var q = Guid.NewGuid();
        Assert.NotEqual(QuizClosingReminder.OccasionKey(q, Closes), QuizClosingReminder.OccasionKey(q, Closes.AddDays(2)));
    }
}

public sealed class PlcMeetingReminderTests
{
    [Fact]
    public void A_meeting_is_reminded_on_the_Thai_day_before_at_the_set_hour()
    {
        // Meeting 08:30 on 2 Dec in Thailand (01:30 UTC); reminder 16:00 on 1 Dec in Thailand = 09:00 UTC.
        var meeting = new DateTime(2026, 12, 2, 1, 30, 0, DateTimeKind.Utc);
        Assert.Equal(new DateTime(2026, 12, 1, 9, 0, 0, DateTimeKind.Utc), PlcMeetingReminder.RemindAtUtc(meeting, 16));
        Assert.False(PlcMeetingReminder.IsDue(meeting, new DateTime(2026, 12, 1, 8, 59, 0, DateTimeKind.Utc), 16));
        Assert.True(PlcMeetingReminder.IsDue(meeting, new DateTime(2026, 12, 1, 9, 0, 0, DateTimeKind.Utc), 16));
        Assert.False(PlcMeetingReminder.IsDue(meeting, meeting, 16));
    }
}
