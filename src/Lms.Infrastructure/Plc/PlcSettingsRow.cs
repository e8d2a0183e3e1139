namespace Lms.Infrastructure.Plc;

/// <summary>The office's PLC settings, one row (id 1). The target is read through <see cref="Lms.Domain.Plc.PlcSettings"/>.</summary>
public sealed class PlcSettingsRow
{
    public const int SingleId = 1;
    public int Id { get; set; } = SingleId;
    public decimal YearlyTargetHours { get; set; } = Lms.Domain.Plc.PlcSettings.Default.YearlyTargetHours;
    public DateTime UpdatedAtUtc { get; set; }
    public Guid? UpdatedBy { get; set; }
}
