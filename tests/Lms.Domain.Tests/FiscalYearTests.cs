using System.Globalization;
using Lms.Domain.Calendar;

namespace Lms.Domain.Tests;

public class FiscalYearTests
{
    private static DateTime Utc(int y, int mo, int d, int h = 0, int mi = 0, int s = 0) =>
        new(y, mo, d, h, mi, s, DateTimeKind.Utc);

    [Theory]
    [InlineData(2025, 9, 30, 2568)]
    [InlineData(2025, 10, 1, 2569)]
    [InlineData(2026, 1, 1, 2569)]
    [InlineData(2026, 9, 30, 2569)]
    [InlineData(2026, 10, 1, 2570)]
    [InlineData(2025, 12, 31, 2569)]
    public void A_local_date_belongs_to_the_fiscal_year_named_by_the_Buddhist_year_in_which_it_ends(
        int year, int month, int day, int expected)
    {
        Assert.Equal(new FiscalYear(expected), FiscalYear.Containing(new DateOnly(year, month, day)));
    }

    [Fact]
    public void Thirtieth_of_September_is_the_last_day_of_the_old_fiscal_year()
    {
        Assert.Equal(2568, FiscalYear.Containing(new DateOnly(2025, 9, 30)).BuddhistYear);
    }

    [Fact]
    public void First_of_October_is_the_first_day_of_the_new_fiscal_year()
    {
        Assert.Equal(2569, FiscalYear.Containing(new DateOnly(2025, 10, 1)).BuddhistYear);
    }

    [Fact]
    public void Thirtieth_of_September_late_evening_in_Thailand_is_still_the_old_fiscal_year()
    {
        // 16:59 UTC = 23:59 in Sukhothai on 30 September.
        Assert.Equal(new FiscalYear(2568), FiscalYear.ContainingUtc(Utc(2025, 9, 30, 16, 59)));
        Assert.Equal(new FiscalYear(2568), FiscalYear.ContainingUtc(Utc(2025, 9, 30, 16, 59, 59)));
    }

    [Fact]
    public void Half_past_midnight_on_the_first_of_October_in_Thailand_is_the_new_fiscal_year_although_UTC_still_says_September()
    {
        // 17:30 UTC on 30 September = 00:30 on 1 October in Thailand.
        Assert.Equal(new FiscalYear(2569), FiscalYear.ContainingUtc(Utc(2025, 9, 30, 17, 30)));
    }

    [Fact]
    public void Midnight_Thailand_time_exactly_starts_the_new_fiscal_year()
    {
        Assert.Equal(new FiscalYear(2569), FiscalYear.ContainingUtc(Utc(2025, 9, 30, 17, 0)));
    }

    [Fact]
    public void The_first_of_October_in_UTC_is_already_the_new_year_in_Thailand()
    {
        Assert.Equal(new FiscalYear(2569), FiscalYear.ContainingUtc(Utc(2025, 10, 1, 0, 0)));
    }

    [Fact]
    public void A_time_with_unspecified_kind_is_taken_as_UTC()
    {
        var unspecified = new DateTime(2025, 9, 30, 17, 30, 0, DateTimeKind.Unspecified);
        Assert.Equal(new FiscalYear(2569), FiscalYear.ContainingUtc(unspecified));
    }

    [Fact]
    public void A_local_time_is_rejected_when_finding_the_fiscal_year()
    {
        var local = new DateTime(2025, 9, 30, 23, 30, 0, DateTimeKind.Local);
        var ex = Assert.Throws<ArgumentException>(() => FiscalYear.ContainingUtc(local));
        Assert.Equal("utc", ex.ParamName);
    }

    [Fact]
    public void A_local_time_is_rejected_when_asking_whether_a_year_contains_it()
    {
        var local = new DateTime(2026, 1, 15, 12, 0, 0, DateTimeKind.Local);
        var ex = Assert.Throws<ArgumentException>(() => new FiscalYear(2569).Contains(local));
        Assert.Equal("utc", ex.ParamName);
    }

    [Fact]
    public void Fiscal_year_2569_runs_from_the_first_of_October_2025_to_the_thirtieth_of_September_2026()
    {
        var fy = new FiscalYear(2569);
        Assert.Equal(2026, fy.GregorianEndYear);
        Assert.Equal(new DateOnly(2025, 10, 1), fy.Start);
        Assert.Equal(new DateOnly(2026, 9, 30), fy.End);
    }

    [Fact]
    public void The_year_starts_at_midnight_Thailand_time_which_is_five_pm_UTC_the_day_before()
    {
        var fy = new FiscalYear(2569);
        Assert.Equal(Utc(2025, 9, 30, 17, 0), fy.StartUtc);
        Assert.Equal(DateTimeKind.Utc, fy.StartUtc.Kind);
    }

    [Fact]
    public void The_exclusive_end_is_the_start_of_the_next_year()
    {
        var fy = new FiscalYear(2569);
        Assert.Equal(Utc(2026, 9, 30, 17, 0), fy.EndUtcExclusive);
        Assert.Equal(DateTimeKind.Utc, fy.EndUtcExclusive.Kind);
        Assert.Equal(fy.Next.StartUtc, fy.EndUtcExclusive);
    }

    [Fact]
    public void Every_instant_of_the_year_maps_back_to_the_year_at_both_edges()
    {
        var fy = new FiscalYear(2569);
        Assert.Equal(fy, FiscalYear.ContainingUtc(fy.StartUtc));
        Assert.Equal(fy, FiscalYear.ContainingUtc(fy.EndUtcExclusive.AddTicks(-1)));
        Assert.Equal(fy.Next, FiscalYear.ContainingUtc(fy.EndUtcExclusive));
        Assert.Equal(fy.Previous, FiscalYear.ContainingUtc(fy.StartUtc.AddTicks(-1)));
    }

    [Fact]
    public void Contains_includes_the_start_instant_and_excludes_the_end_instant()
    {
        var fy = new FiscalYear(2569);
        Assert.True(fy.Contains(fy.StartUtc));
        Assert.True(fy.Contains(fy.EndUtcExclusive.AddTicks(-1)));
        Assert.False(fy.Contains(fy.StartUtc.AddTicks(-1)));
        Assert.False(fy.Contains(fy.EndUtcExclusive));
    }

    [Fact]
    public void Contains_agrees_with_the_Thai_local_date_around_the_boundary()
    {
        var fy2568 = new FiscalYear(2568);
        var fy2569 = new FiscalYear(2569);
        var lateEvening = Utc(2025, 9, 30, 16, 30);   // 23:30 on 30 Sep in Thailand
        var afterMidnight = Utc(2025, 9, 30, 17, 30); // 00:30 on 1 Oct in Thailand
        Assert.True(fy2568.Contains(lateEvening));
        Assert.False(fy2569.Contains(lateEvening));
        Assert.True(fy2569.Contains(afterMidnight));
        Assert.False(fy2568.Contains(afterMidnight));
    }

    [Fact]
    public void Next_and_previous_are_one_Buddhist_year_apart()
    {
        var fy = new FiscalYear(2569);
        Assert.Equal(new FiscalYear(2570), fy.Next);
        Assert.Equal(new FiscalYear(2568), fy.Previous);
        Assert.Equal(fy, fy.Next.Previous);
        Assert.Equal(fy.End.AddDays(1), fy.Next.Start);
        Assert.Equal(fy.Start.AddDays(-1), fy.Previous.End);
    }

    [Fact]
    public void Fiscal_years_sort_by_year()
    {
        var years = new List<FiscalYear> { new(2570), new(2567), new(2569), new(2568) };
        years.Sort();
        Assert.Equal([new(2567), new(2568), new(2569), new(2570)], years);
        Assert.True(new FiscalYear(2568).CompareTo(new FiscalYear(2569)) < 0);
        Assert.True(new FiscalYear(2569).CompareTo(new FiscalYear(2568)) > 0);
        Assert.Equal(0, new FiscalYear(2569).CompareTo(new FiscalYear(2569)));
    }

    [Fact]
    public void Two_fiscal_years_with_the_same_number_are_equal()
    {
        Assert.Equal(new FiscalYear(2569), new FiscalYear(2569));
        Assert.NotEqual(new FiscalYear(2569), new FiscalYear(2570));
        Assert.Equal(new FiscalYear(2569).GetHashCode(), new FiscalYear(2569).GetHashCode());
    }

    [Fact]
    public void ToString_is_the_bare_Buddhist_year_whatever_the_current_culture()
    {
        var saved = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("th-TH");
            Assert.Equal("2569", new FiscalYear(2569).ToString());
            Assert.Equal("ปีงบประมาณ พ.ศ. 2569", $"ปีงบประมาณ พ.ศ. {new FiscalYear(2569)}");
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }

    [Fact]
    public void The_start_date_formatted_in_Thai_shows_the_Buddhist_year_of_the_first_of_October()
    {
        var th = new CultureInfo("th-TH");
        Assert.Equal("1 ต.ค. 2568", new FiscalYear(2569).Start.ToString("d MMM yyyy", th));
        Assert.Equal("30 ก.ย. 2569", new FiscalYear(2569).End.ToString("d MMM yyyy", th));
    }

    [Fact]
    public void The_start_date_formatted_in_English_shows_the_Gregorian_year()
    {
        Assert.Equal("1 Oct 2025", new FiscalYear(2569).Start.ToString("d MMM yyyy", new CultureInfo("en-GB")));
    }
}
