namespace Lms.Domain.Plc;

/// <summary>
/// The steps of a PLC cycle as the office's PLC guide names them. Stored as its number: never renumber.
/// </summary>
public enum PlcCycleStep
{
    /// <summary>ค้นหาปัญหา / ร่วมกันระบุปัญหา</summary>
    FindProblem = 1,
    /// <summary>ร่วมกันออกแบบแผนการจัดการเรียนรู้ (Lesson Study: plan the lesson together)</summary>
    PlanLesson = 2,
    /// <summary>นำแผนไปใช้และสังเกตการสอน</summary>
    TeachAndObserve = 3,
    /// <summary>สะท้อนผลการจัดการเรียนรู้</summary>
    Reflect = 4,
    /// <summary>สรุปผลและเผยแพร่</summary>
    SumUp = 5,
}
