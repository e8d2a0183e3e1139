using Lms.Domain.Calendar;

namespace Lms.Domain.Tests;

public class AcademicYearTests
{
    private static readonly AcademicCalendarSettings Default = new();

    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    [Fact]
    public void Default_settings_start_semester_one_on_the_sixteenth_of_May_and_semester_two_on_the_first_of_November()
    {
        var year = new AcademicYear(2568);
        Assert.Equal(2025, year.GregorianStartYear);
        Assert.Equal(D(2025, 5, 16), year.Start(Default));
        Assert.Equal(D(2025, 11, 1), year.Semester2Start(Default));
        Assert.Equal(D(2026, 5, 16), year.EndExclusive(Default));
    }

    [Fact]
    public void The_sixteenth_of_May_starts_a_new_academic_year()
    {
        Assert.Equal(new AcademicYear(2568), AcademicYear.Containing(D(2025, 5, 16), Default));
        Assert.Equal(1, AcademicYear.SemesterOf(D(2025, 5, 16), Default));
    }

    [Fact]
    public void The_fifteenth_of_May_still_belongs_to_the_previous_academic_year_semester_two()
    {
        Assert.Equal(new AcademicYear(2567), AcademicYear.Containing(D(2025, 5, 15), Default));
        Assert.Equal(2, AcademicYear.SemesterOf(D(2025, 5, 15), Default));
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 15)]
    [InlineData(3, 31)]
    public void Dates_from_January_to_March_belong_to_the_previous_academic_year_semester_two(int month, int day)
    {
        var date = D(2026, month, day);
        Assert.Equal(new AcademicYear(2568), AcademicYear.Containing(date, Default));
        Assert.Equal(2, AcademicYear.SemesterOf(date, Default));
    }

    [Fact]
    public void April_break_days_count_toward_semester_two_just_ended()
    {
        Assert.Equal(new AcademicYear(2568), AcademicYear.Containing(D(2026, 4, 20), Default));
        Assert.Equal(2, AcademicYear.SemesterOf(D(2026, 4, 20), Default));
    }

    [Theory]
    [InlineData(6, 1)]
    [InlineData(9, 30)]
    public void Dates_from_mid_May_to_September_are_semester_one(int month, int day)
    {
        var date = D(2025, month, day);
        Assert.Equal(new AcademicYear(2568), AcademicYear.Containing(date, Default));
        Assert.Equal(1, AcademicYear.SemesterOf(date, Default));
    }

    [Theory]
    [InlineData(10, 1)]
    [InlineData(10, 31)]
    public void October_break_days_count_as_semester_one(int month, int day)
    {
        var date = D(2025, month, day);
        Assert.Equal(new AcademicYear(2568), AcademicYear.Containing(date, Default));
        Assert.Equal(1, AcademicYear.SemesterOf(date, Default));
    }

    [Theory]
    [InlineData(2025, 11, 1)]
    [InlineData(2025, 12, 31)]
    public void The_first_of_November_starts_semester_two_of_the_same_academic_year(int year, int month, int day)
    {
        var date = D(year, month, day);
        Assert.Equal(new AcademicYear(2568), AcademicYear.Containing(date, Default));
        Assert.Equal(2, AcademicYear.SemesterOf(date, Default));
    }

    [Fact]
    public void Every_day_lies_between_the_start_and_the_exclusive_end_of_its_academic_year()
    {
        for (var date = D(2024, 1, 1); date < D(2027, 1, 1); date = date.AddDays(1))
        {
            var year = AcademicYear.Containing(date, Default);
            Assert.True(year.Start(Default) <= date && date < year.EndExclusive(Default), date.ToString("O"));
            var semester = AcademicYear.SemesterOf(date, Default);
            Assert.Equal(date >= year.Semester2Start(Default) ? 2 : 1, semester);
        }
    }

    [Fact]
    public void Custom_settings_move_both_boundaries()
    {
        // The 2020 (พ.ศ. 2563) calendar after COVID-19: semester 1 from 1 July, semester 2 from 1 December.
        var covid = new AcademicCalendarSettings(Semester1StartMonth: 7, Semester1StartDay: 1,
            Semester2StartMonth: 12, Semester2StartDay: 1);

        Assert.Equal(new AcademicYear(2562), AcademicYear.Containing(D(2020, 6, 30), covid));
        Assert.Equal(2, AcademicYear.SemesterOf(D(2020, 6, 30), covid));

        Assert.Equal(new AcademicYear(2563), AcademicYear.Containing(D(2020, 7, 1), covid));
        Assert.Equal(1, AcademicYear.SemesterOf(D(2020, 7, 1), covid));

        Assert.Equal(1, AcademicYear.SemesterOf(D(2020, 11, 30), covid));
        Assert.Equal(2, AcademicYear.SemesterOf(D(2020, 12, 1), covid));

        Assert.Equal(new AcademicYear(2563), AcademicYear.Containing(D(2021, 4, 16), covid));
        Assert.Equal(2, AcademicYear.SemesterOf(D(2021, 4, 16), covid));

        // With the default settings the same days fall differently.
        Assert.Equal(new AcademicYear(2563), AcademicYear.Containing(D(2020, 6, 30), Default));
        Assert.Equal(2, AcademicYear.SemesterOf(D(2020, 11, 30), Default));
    }

    [Fact]
    public void A_semester_two_that_starts_after_New_Year_is_in_the_calendar_year_after_the_start()
    {
        // Semester 1 from 1 June, semester 2 from 5 January (a university-style calendar).
        var s = new AcademicCalendarSettings(6, 1, 1, 5);
        var year = new AcademicYear(2568);

        Assert.Equal(D(2025, 6, 1), year.Start(s));
        Assert.Equal(D(2026, 1, 5), year.Semester2Start(s));

        Assert.Equal(1, AcademicYear.SemesterOf(D(2025, 6, 1), s));
        Assert.Equal(1, AcademicYear.SemesterOf(D(2025, 12, 31), s));
        Assert.Equal(1, AcademicYear.SemesterOf(D(2026, 1, 4), s));
        Assert.Equal(2, AcademicYear.SemesterOf(D(2026, 1, 5), s));
        Assert.Equal(2, AcademicYear.SemesterOf(D(2026, 5, 31), s));
        Assert.Equal(new AcademicYear(2568), AcademicYear.Containing(D(2026, 5, 31), s));
    }

    [Fact]
    public void Academic_years_are_named_by_the_Buddhist_year_in_which_they_start()
    {
        Assert.Equal(new AcademicYear(2569), AcademicYear.Containing(D(2026, 5, 16), Default));
        Assert.Equal(2026, new AcademicYear(2569).GregorianStartYear);
    }
}
