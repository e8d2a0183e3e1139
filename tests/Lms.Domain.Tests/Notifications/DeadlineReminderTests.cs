using Lms.Domain.Notifications.Reminders;

namespace Lms.Domain.Tests.Notifications;

/// <summary>Deadline reminders count Thai local days to the course's last day (here: complete by 10 Dec 2026, Thailand time).</summary>
public sealed class DeadlineReminderTests
{
    private static readonly int[] SevenAndOne = [7, 1];
    /// <summary>The end of 10 Dec in Thailand: 00:00 on the 11th, +07:00.</summary>
    private static readonly DateTime Deadline = new(2026, 12, 10, 17, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime LongAgo = new(2026, 11, 1, 2, 0, 0, DateTimeKind.Utc);

    /// <summary>An instant on a Thai local day at a local time.</summary>
    private static DateTime Thai(int day, int hour = 9, int month = 12) =>
        new DateTime(2026, month, day, hour, 0, 0, DateTimeKind.Utc).AddHours(-7);

    [Fact]
    public void The_last_day_is_the_local_day_before_the_exclusive_deadline()
    {
        Assert.Equal(new DateOnly(2026, 12, 10), ThaiDays.LastDayBefore(Deadline));
        Assert.Equal(new DateOnly(2026, 12, 11), ThaiDays.LocalDate(Deadline));
        Assert.Equal(new DateTime(2026, 12, 2, 17, 0, 0, DateTimeKind.Utc), ThaiDays.StartUtc(new DateOnly(2026, 12, 3)));
    }

    [Fact]
    public void Nothing_is_due_the_day_before_the_seven_day_mark()
    {
        Assert.Null(DeadlineReminder.Due(Deadline, Thai(2, hour: 23), SevenAndOne));
    }

    [Fact]
    public void Exactly_seven_days_before_from_the_first_minute_of_the_local_day_the_seven_day_reminder_is_due()
    {
        // 00:00 on 3 Dec in Thailand is still 2 Dec in UTC: the count is in Thai days.
        var due = DeadlineReminder.Due(Deadline, Thai(3, hour: 0), SevenAndOne);
        Assert.NotNull(due);
        Assert.Equal(7, due.DaysBefore);
        Assert.Equal(7, due.DaysLeft);
        Assert.Equal(new DateOnly(2026, 12, 10), due.LastDay);
    }

    [Fact]
    public void Between_the_marks_the_seven_day_reminder_stays_due_for_a_scanner_that_missed_its_day()
    {
        var due = DeadlineReminder.Due(Deadline, Thai(6), SevenAndOne)!;
        Assert.Equal((7, 4), (due.DaysBefore, due.DaysLeft));
    }

    [Fact]
    public void One_day_before_only_the_one_day_reminder_is_due_never_a_stale_seven_day_one()
    {
        var due = DeadlineReminder.Due(Deadline, Thai(9), SevenAndOne)!;
        Assert.Equal(1, due.DaysBefore);
        Assert.Equal(1, due.DaysLeft);
    }

    [Fact]
    public void On_the_last_day_the_one_day_reminder_is_still_due_for_who_has_not_had_it()
    {
        var due = DeadlineReminder.Due(Deadline, Thai(10, hour: 23), SevenAndOne)!;
        Assert.Equal((1, 0), (due.DaysBefore, due.DaysLeft));
    }

    [Fact]
    public void After_the_deadline_nothing_is_due()
    {
        Assert.Null(DeadlineReminder.Due(Deadline, Deadline, SevenAndOne));
        Assert.Null(DeadlineReminder.Due(Deadline, Thai(11), SevenAndOne));
    }

    [Fact]
    public void A_learner_enrolled_after_the_seven_day_mark_gets_only_the_one_day_reminder()
    {
        var enrolled = Thai(5);
        Assert.Null(DeadlineReminder.DueFor(Deadline, enrolled, Thai(6), SevenAndOne));
        Assert.Equal(1, DeadlineReminder.DueFor(Deadline, enrolled, Thai(9), SevenAndOne)!.DaysBefore);
    }

    [Fact]
    public void A_learner_enrolled_on_the_seven_day_mark_itself_gets_it()
    {
        Assert.Equal(7, DeadlineReminder.DueFor(Deadline, Thai(3, hour: 15), Thai(3, hour: 16), SevenAndOne)!.DaysBefore);
        Assert.Equal(7, DeadlineReminder.DueFor(Deadline, LongAgo, Thai(3, hour: 16), SevenAndOne)!.DaysBefore);
    }

    [Fact]
    public void A_learner_enrolled_on_the_last_day_gets_no_reminder_at_all()
    {
        Assert.Null(DeadlineReminder.DueFor(Deadline, Thai(10, hour: 8), Thai(10, hour: 9), SevenAndOne));
    }

    [Fact]
    public void A_zero_day_offset_reminds_on_the_last_day()
    {
        int[] days = [3, 0];
        Assert.Equal(3, DeadlineReminder.Due(Deadline, Thai(9), days)!.DaysBefore);
        Assert.Equal(0, DeadlineReminder.Due(Deadline, Thai(10), days)!.DaysBefore);
    }

    [Fact]
    public void The_occasion_key_names_the_course_the_last_day_and_the_offset_in_the_Gregorian_calendar()
    {
        var course = Guid.Parse("11111111-2222-3333-4444-555555555555");
        var previous = Thread.CurrentThread.CurrentCulture;
        try
        {
            // A Thai request thread formats years in the Buddhist Era; the key must not change with it.
            Thread.CurrentThread.CurrentCulture = new System.Globalization.CultureInfo("th-TH");
            Assert.Equal("course:11111111-2222-3333-4444-555555555555:due:2026-12-10:1d",
                DeadlineReminder.Due(Deadline, Thai(9), SevenAndOne)!.OccasionKey(course));
        }
        finally { Thread.CurrentThread.CurrentCulture = previous; }
    }
}
