using Lms.Domain.Calendar;
using Lms.Domain.Plc;

namespace Lms.Domain.Tests.Plc;

public class PlcHoursTests
{
    private static readonly Guid Recorder = Guid.NewGuid();
    private static readonly Guid Director = Guid.NewGuid();

    private static PlcMeeting Meeting(DateTime startsAtUtc, int minutes, PlcMeetingStatus status)
    {
        var m = new PlcMeeting(Guid.NewGuid(), Guid.NewGuid(), "PLC", startsAtUtc, minutes, PlcCycleStep.Reflect, Recorder, startsAtUtc);
        m.RecordAttendance([Recorder]);
        if (status == PlcMeetingStatus.Draft) return m;
        m.Submit(startsAtUtc.AddHours(2));
        if (status == PlcMeetingStatus.Approved) m.Approve(Director, startsAtUtc.AddDays(1));
        if (status == PlcMeetingStatus.Returned) m.Return(Director, "แก้ไข", startsAtUtc.AddDays(1));
        return m;
    }

    private static readonly DateTime Day = new(2026, 11, 20, 8, 30, 0, DateTimeKind.Utc);

    [Fact]
    public void Only_approved_meetings_count_and_submitted_ones_wait()
    {
        var progress = PlcHoursProgress.Of(
        [
            Meeting(Day, 120, PlcMeetingStatus.Approved), Meeting(Day, 90, PlcMeetingStatus.Approved),
            Meeting(Day, 60, PlcMeetingStatus.Submitted), Meeting(Day, 60, PlcMeetingStatus.Draft), Meeting(Day, 45, PlcMeetingStatus.Returned),
        ], 50);
        Assert.Equal(3.5m, progress.ApprovedHours);
        Assert.Equal(1m, progress.PendingHours);
        Assert.Equal(7, progress.Percent);
        Assert.Equal(46.5m, progress.Remaining);
        Assert.False(progress.TargetMet);
    }

    [Fact]
    public void A_meetings_hours_are_its_minutes_in_hundredths_of_an_hour()
    {
        Assert.Equal(0.75m, Meeting(Day, 45, PlcMeetingStatus.Draft).Hours);
        Assert.Equal(1.67m, Meeting(Day, 100, PlcMeetingStatus.Draft).Hours);
    }

    [Fact]
    public void Hours_beyond_the_target_still_show_but_the_bar_stops_at_100_percent()
    {
        var progress = new PlcHoursProgress(62, 0, 50);
        Assert.Equal(100, progress.Percent);
        Assert.True(progress.TargetMet);
        Assert.Equal(0, progress.Remaining);
    }

    [Fact]
    public void A_meeting_counts_in_the_fiscal_year_of_its_Thai_date()
    {
        // 30 Sep 2026 23:30 in Thailand is still FY 2569; 1 Oct 00:30 is FY 2570 (both 16:30/17:30 UTC the day before).
        var lastEvening = new DateTime(2026, 9, 30, 16, 30, 0, DateTimeKind.Utc);
        var firstMorning = new DateTime(2026, 9, 30, 17, 30, 0, DateTimeKind.Utc);
        Assert.Equal(new FiscalYear(2569), Meeting(lastEvening, 60, PlcMeetingStatus.Draft).FiscalYear);
        Assert.Equal(new FiscalYear(2570), Meeting(firstMorning, 60, PlcMeetingStatus.Draft).FiscalYear);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1001)]
    public void The_yearly_target_is_between_1_and_1000_hours(int hours)
    {
        Assert.Equal("plc.target_invalid", Assert.Throws<Lms.Domain.Common.DomainException>(() => PlcSettings.Create(hours)).Code);
        Assert.Equal(50m, PlcSettings.Default.YearlyTargetHours);
    }
}
