namespace Lms.Domain.Plc;

/// <summary>What a member does in a PLC group. Stored as its number: append new roles, never renumber.</summary>
public enum PlcRole
{
    /// <summary>ผู้อำนวยความสะดวก — leads the group, moderates its room and records its meetings.</summary>
    Facilitator = 1,
    /// <summary>สมาชิก</summary>
    Member = 2,
    /// <summary>ผู้เชี่ยวชาญ / พี่เลี้ยง — an expert or mentor invited into the group (often a supervisor).</summary>
    Mentor = 3,
    /// <summary>ผู้บันทึก — keeps the minutes: may record meetings like the facilitator, but not moderate.</summary>
    Recorder = 4,
}

public static class PlcRoles
{
    /// <summary>Who may write meeting records into the logbook.</summary>
    public static bool MayRecordMeetings(this PlcRole role) => role is PlcRole.Facilitator or PlcRole.Recorder;

    /// <summary>Who may hide messages, mute members, pin and close the room.</summary>
    public static bool MayModerate(this PlcRole role) => role is PlcRole.Facilitator;
}
