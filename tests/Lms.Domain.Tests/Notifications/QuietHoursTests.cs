using Lms.Domain.Common;
using Lms.Domain.Notifications;

namespace Lms.Domain.Tests.Notifications;

public class QuietHoursTests
{
    /// <summary>A UTC instant given as Thailand's wall-clock time (UTC+7).</summary>
    private static DateTime Thai(int y, int mo, int d, int h, int mi, int s = 0) =>
        new DateTime(y, mo, d, h, mi, s, DateTimeKind.Utc).AddHours(-7);

    private static readonly QuietHours Night = QuietHours.Default;

    [Fact]
    public void By_default_the_quiet_hours_are_nine_at_night_to_seven_in_the_morning_Thailand_time()
    {
        Assert.Equal(new TimeOnly(21, 0), Night.Start);
        Assert.Equal(new TimeOnly(7, 0), Night.End);
    }

    [Fact]
    public void In_the_afternoon_an_email_goes_at_once()
    {
        var now = Thai(2026, 11, 24, 14, 30);
        Assert.Equal(now, Night.NextAllowedSendTime(now));
    }

    [Fact]
    public void Just_before_nine_at_night_an_email_still_goes_at_once()
    {
        var now = Thai(2026, 11, 24, 20, 59, 59);
        Assert.Equal(now, Night.NextAllowedSendTime(now));
    }

    [Fact]
    public void At_exactly_nine_at_night_an_email_waits_for_seven_the_next_morning()
    {
        Assert.Equal(Thai(2026, 11, 25, 7, 0), Night.NextAllowedSendTime(Thai(2026, 11, 24, 21, 0)));
    }

    [Fact]
    public void At_ten_at_night_an_email_waits_for_seven_the_next_morning_which_is_midnight_UTC()
    {
        var sendAt = Night.NextAllowedSendTime(Thai(2026, 11, 24, 22, 0));
        Assert.Equal(new DateTime(2026, 11, 25, 0, 0, 0, DateTimeKind.Utc), sendAt);
        Assert.Equal(DateTimeKind.Utc, sendAt.Kind);
    }

    [Fact]
    public void Just_before_midnight_and_just_after_it_both_wait_for_the_same_morning()
    {
        Assert.Equal(Thai(2026, 11, 25, 7, 0), Night.NextAllowedSendTime(Thai(2026, 11, 24, 23, 59, 59)));
        Assert.Equal(Thai(2026, 11, 25, 7, 0), Night.NextAllowedSendTime(Thai(2026, 11, 25, 0, 0)));
    }

    [Fact]
    public void At_six_fifty_nine_an_email_waits_one_minute()
    {
        Assert.Equal(Thai(2026, 11, 25, 7, 0), Night.NextAllowedSendTime(Thai(2026, 11, 25, 6, 59)));
    }

    [Fact]
    public void At_exactly_seven_in_the_morning_an_email_goes_at_once()
    {
        var now = Thai(2026, 11, 25, 7, 0);
        Assert.False(Night.Contains(now));
        Assert.Equal(now, Night.NextAllowedSendTime(now));
    }

    [Fact]
    public void The_night_of_the_last_day_of_the_year_waits_for_the_first_morning_of_the_next()
    {
        Assert.Equal(Thai(2027, 1, 1, 7, 0), Night.NextAllowedSendTime(Thai(2026, 12, 31, 23, 0)));
    }

    [Fact]
    public void Thailand_time_is_used_not_UTC_so_three_in_the_afternoon_UTC_is_ten_at_night_and_quiet()
    {
        var utcAfternoon = new DateTime(2026, 11, 24, 15, 0, 0, DateTimeKind.Utc); // 22:00 in Thailand
        Assert.True(Night.Contains(utcAfternoon));
        var utcEarlyMorning = new DateTime(2026, 11, 24, 2, 0, 0, DateTimeKind.Utc); // 09:00 in Thailand
        Assert.False(Night.Contains(utcEarlyMorning));
    }

    [Fact]
    public void A_daytime_window_that_does_not_cross_midnight_works_too()
    {
        var lunch = new QuietHours(new TimeOnly(12, 0), new TimeOnly(13, 0));
        Assert.Equal(Thai(2026, 11, 24, 13, 0), lunch.NextAllowedSendTime(Thai(2026, 11, 24, 12, 15)));
        Assert.Equal(Thai(2026, 11, 24, 13, 0), lunch.NextAllowedSendTime(Thai(2026, 11, 24, 13, 0)));
        Assert.Equal(Thai(2026, 11, 24, 11, 59), lunch.NextAllowedSendTime(Thai(2026, 11, 24, 11, 59)));
    }

    [Fact]
    public void Equal_start_and_end_mean_no_quiet_hours()
    {
        var none = new QuietHours(new TimeOnly(0, 0), new TimeOnly(0, 0));
        var now = Thai(2026, 11, 24, 23, 0);
        Assert.Equal(now, none.NextAllowedSendTime(now));
    }

    [Fact]
    public void Quiet_hours_are_whole_minutes()
    {
        Assert.Equal("quiet_hours.whole_minutes",
            Assert.Throws<DomainException>(() => new QuietHours(new TimeOnly(21, 0, 30), new TimeOnly(7, 0))).Code);
    }
}
