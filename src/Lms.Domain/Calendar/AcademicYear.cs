namespace Lms.Domain.Calendar;

/// <summary>
/// The school academic year (ปีการศึกษา), named by its Buddhist-Era start year. Semester 1 runs
/// roughly mid-May to September, semester 2 November to March. The office may move the dates,
/// so the start of each semester comes from <see cref="AcademicCalendarSettings"/>.
/// </summary>
public readonly record struct AcademicYear(int BuddhistYear)
{
    public int GregorianStartYear => BuddhistYear - FiscalYear.BuddhistEraOffset;

    public DateOnly Start(AcademicCalendarSettings s) => new(GregorianStartYear, s.Semester1StartMonth, s.Semester1StartDay);
    /// <summary>The first day of semester 2: in the start year, or in the next calendar year when the
    /// settings put it before semester 1's date (e.g. a semester 2 starting in January).</summary>
    public DateOnly Semester2Start(AcademicCalendarSettings s)
    {
        var sameYear = new DateOnly(GregorianStartYear, s.Semester2StartMonth, s.Semester2StartDay);
        return sameYear > Start(s) ? sameYear : new DateOnly(GregorianStartYear + 1, s.Semester2StartMonth, s.Semester2StartDay);
    }
    public DateOnly EndExclusive(AcademicCalendarSettings s) => new AcademicYear(BuddhistYear + 1).Start(s);

    public static AcademicYear Containing(DateOnly localDate, AcademicCalendarSettings s)
    {
        var thisYears = new AcademicYear(localDate.Year + FiscalYear.BuddhistEraOffset);
        return localDate >= thisYears.Start(s) ? thisYears : new AcademicYear(thisYears.BuddhistYear - 1);
    }

    /// <summary>1 or 2. Days in the break between semesters count toward the semester just ended.</summary>
    public static int SemesterOf(DateOnly localDate, AcademicCalendarSettings s)
    {
        var year = Containing(localDate, s);
        return localDate >= year.Semester2Start(s) ? 2 : 1;
    }
}

public sealed record AcademicCalendarSettings(
    int Semester1StartMonth = 5, int Semester1StartDay = 16,
    int Semester2StartMonth = 11, int Semester2StartDay = 1);
