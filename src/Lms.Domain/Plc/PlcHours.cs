using Lms.Domain.Common;

namespace Lms.Domain.Plc;

/// <summary>
/// The office's yearly PLC target (ชั่วโมง PLC ต่อปี). The 2017 teacher-workload rules are commonly read as at least
/// 50 hours a year, but offices set their own, so it is a setting.
/// </summary>
public sealed record PlcSettings(decimal YearlyTargetHours)
{
    public static readonly PlcSettings Default = new(50m);

    public static PlcSettings Create(decimal yearlyTargetHours)
    {
        if (yearlyTargetHours is <= 0 or > 1000) throw new DomainException("plc.target_invalid", "The yearly target is between 1 and 1000 hours.");
        return new PlcSettings(yearlyTargetHours);
    }
}

/// <summary>A person's approved PLC hours in one fiscal year against the target.</summary>
public sealed record PlcHoursProgress(decimal ApprovedHours, decimal PendingHours, decimal TargetHours)
{
    /// <summary>Share of the target reached, 0–100 (capped: hours beyond the target still show as hours).</summary>
    public int Percent => TargetHours <= 0 ? 100 : (int)Math.Min(100, Math.Floor(ApprovedHours * 100 / TargetHours));
    public bool TargetMet => ApprovedHours >= TargetHours;
    public decimal Remaining => Math.Max(0, TargetHours - ApprovedHours);

    /// <summary>
    /// Adds up meetings a person attended: approved ones count; submitted ones show as waiting for approval; drafts and
    /// returned ones not at all.
    /// </summary>
    public static PlcHoursProgress Of(IEnumerable<PlcMeeting> attended, decimal targetHours)
    {
        decimal approved = 0, pending = 0;
        foreach (var m in attended)
        {
            if (m.Status == PlcMeetingStatus.Approved) approved += m.Hours;
            else if (m.Status == PlcMeetingStatus.Submitted) pending += m.Hours;
        }
        return new PlcHoursProgress(approved, pending, targetHours);
    }
}
