using Lms.Domain.Plc;

namespace Lms.Web.Plc;

/// <summary>The English keys (translated through the resources) of the PLC logbook's enumerations.</summary>
public static class PlcNames
{
    /// <summary>The steps as the office's PLC guide names them (ค้นหาปัญหา … สรุปผลและเผยแพร่).</summary>
    public static string Of(PlcCycleStep step) => step switch
    {
        PlcCycleStep.FindProblem => "Find the problem",
        PlcCycleStep.PlanLesson => "Design the lesson plan together",
        PlcCycleStep.TeachAndObserve => "Teach the plan and observe",
        PlcCycleStep.Reflect => "Reflect on the results",
        PlcCycleStep.SumUp => "Sum up and share",
        _ => step.ToString(),
    };

    public static string Of(PlcMeetingStatus status) => status switch
    {
        PlcMeetingStatus.Draft => "Draft record",
        PlcMeetingStatus.Submitted => "Waiting for approval",
        PlcMeetingStatus.Approved => "Approved",
        PlcMeetingStatus.Returned => "Returned for correction",
        _ => status.ToString(),
    };

    /// <summary>The role's name (one list for the whole site: <see cref="Localization.DomainNames"/>).</summary>
    public static string RoleName(PlcRole role) => Localization.DomainNames.Of(role);

    /// <summary>A status as a CSS class for its badge.</summary>
    public static string BadgeClass(PlcMeetingStatus status) => status switch
    {
        PlcMeetingStatus.Approved => "status status-approved",
        PlcMeetingStatus.Submitted => "status status-submitted",
        PlcMeetingStatus.Returned => "status status-returned",
        _ => "status",
    };

    public static string HoursText(decimal hours) => hours.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture);
}
