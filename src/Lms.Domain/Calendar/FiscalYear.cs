namespace Lms.Domain.Calendar;

/// <summary>
/// The Thai government fiscal year (ปีงบประมาณ): 1 October – 30 September, named by the
/// Buddhist-Era year in which it ends. FY 2569 = 1 Oct 2025 – 30 Sep 2026.
/// Dates are compared in Thailand's local date (UTC+7, no daylight saving), because a
/// training that ends at 23:30 on 30 September in Sukhothai belongs to the old year.
/// </summary>
public readonly record struct FiscalYear(int BuddhistYear) : IComparable<FiscalYear>
{
    public const int BuddhistEraOffset = 543;
    public static readonly TimeSpan ThailandOffset = TimeSpan.FromHours(7);

    public int GregorianEndYear => BuddhistYear - BuddhistEraOffset;

    /// <summary>First local day of the year.</summary>
    public DateOnly Start => new(GregorianEndYear - 1, 10, 1);
    /// <summary>Last local day of the year.</summary>
    public DateOnly End => new(GregorianEndYear, 9, 30);

    /// <summary>The UTC instant the year starts (00:00 on 1 Oct, Thailand time).</summary>
    public DateTime StartUtc => Start.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) - ThailandOffset;
    /// <summary>The UTC instant the next year starts (exclusive end).</summary>
    public DateTime EndUtcExclusive => Next.StartUtc;

    public FiscalYear Next => new(BuddhistYear + 1);
    public FiscalYear Previous => new(BuddhistYear - 1);

    public static FiscalYear Containing(DateOnly localDate) =>
        new((localDate.Month >= 10 ? localDate.Year + 1 : localDate.Year) + BuddhistEraOffset);

    public static FiscalYear ContainingUtc(DateTime utc)
    {
        if (utc.Kind == DateTimeKind.Local) throw new ArgumentException("Pass a UTC time.", nameof(utc));
        return Containing(DateOnly.FromDateTime(utc + ThailandOffset));
    }

    public bool Contains(DateTime utc)
    {
        if (utc.Kind == DateTimeKind.Local) throw new ArgumentException("Pass a UTC time.", nameof(utc));
        return utc >= StartUtc && utc < EndUtcExclusive;
    }

    public int CompareTo(FiscalYear other) => BuddhistYear.CompareTo(other.BuddhistYear);

    public override string ToString() => BuddhistYear.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
