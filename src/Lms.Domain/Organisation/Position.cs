namespace Lms.Domain.Organisation;

/// <summary>
/// What a person is in the education service (ตำแหน่ง). The office's targets count positions
/// ("100 % of assistant teachers"), so this is separate from <see cref="SystemRole"/>,
/// which only says what a person may do in the system.
/// </summary>
public enum Position
{
    /// <summary>ครูผู้ช่วย — a novice in the two-year induction.</summary>
    AssistantTeacher = 1,
    /// <summary>ครู</summary>
    Teacher = 2,
    /// <summary>บุคลากรทางการศึกษา — office and school support staff.</summary>
    EducationalPersonnel = 3,
    /// <summary>ผู้บริหารสถานศึกษา</summary>
    SchoolDirector = 4,
    /// <summary>ศึกษานิเทศก์</summary>
    Supervisor = 5,
    /// <summary>บุคคลภายนอก — e.g. an invited trainer who is not on the office's staff.</summary>
    External = 6,
}
