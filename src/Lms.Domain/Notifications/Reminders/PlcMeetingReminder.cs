namespace Lms.Domain.Notifications.Reminders;

/// <summary>
/// "PLC meeting tomorrow" — the rule the PLC feature feeds with its meetings: remind on the local day before the
/// meeting at <see cref="PlcMeetingRule.LocalHour"/> (Thailand time), until the meeting starts. A meeting planned
/// later than that hour on the day before is reminded at once.
/// </summary>
public static class PlcMeetingReminder
{
    public static DateTime RemindAtUtc(DateTime meetingStartsAtUtc, int localHour) =>
        ThaiDays.StartUtc(ThaiDays.LocalDate(meetingStartsAtUtc).AddDays(-1)).AddHours(localHour);

    public static bool IsDue(DateTime meetingStartsAtUtc, DateTime nowUtc, int localHour) =>
        nowUtc >= RemindAtUtc(meetingStartsAtUtc, localHour) && nowUtc < meetingStartsAtUtc;

    public static string OccasionKey(Guid meetingId, DateTime startsAtUtc) =>
        FormattableString.Invariant($"plc-meeting:{meetingId}:{startsAtUtc:yyyyMMddTHHmm}");
}
