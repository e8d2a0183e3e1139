using Lms.Domain.Calendar;
using Lms.Domain.Notifications.Reminders;
using Lms.Domain.Organisation;
using Lms.Domain.Plc;
using Lms.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Lms.Infrastructure.Seeding;

/// <summary>
/// A demo PLC group in สุโขทัยวิทยาคม so every PLC screen shows something on <c>./run.sh</c>: the demo teacher leads it,
/// the assistant teacher and two teachers of the school are members (s01p05 keeps the minutes), the director is its
/// mentor; its room has a few messages (through <c>plc_post_message</c>, as a browser's would be), and its logbook an
/// approved meeting, one waiting for the director's approval and one planned for next week.
/// </summary>
public sealed class DemoPlcSeeder(LmsDbContext db, TimeProvider clock, ILogger<DemoPlcSeeder> log)
{
    public static readonly Guid GroupId = Guid.Parse("5eed0c00-0000-4000-8000-0000000000c1");

    public async Task SeedAsync(CancellationToken ct = default)
    {
        if (await db.PlcGroups.AnyAsync(g => g.Id == GroupId, ct)) return;
        var ids = await db.Users.Where(u => new[] { "teacher", "assistant", "director", "s01p05", "s01p06" }.Contains(u.UserName!))
            .ToDictionaryAsync(u => u.UserName!, u => u.Id, ct);
        if (ids.Count < 5) return; // only beside the demo office
        var school = await db.People.Where(p => p.Id == ids["teacher"]).Select(p => p.SchoolId).FirstAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var today = ThaiDays.LocalDate(now);
        // Meetings at 15:30 Thailand time, after the last period.
        DateTime At(int days) => ThaiDays.StartUtc(today.AddDays(days)).AddHours(15.5);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var group = new PlcGroup(GroupId, "PLC ครูภาษาไทยและคณิตศาสตร์ ม.ต้น สุโขทัยวิทยาคม", school, SubjectArea.Thai,
            FiscalYear.ContainingUtc(now), ids["director"], now.AddDays(-30));
        group.AddMember(ids["teacher"], PlcRole.Facilitator, now.AddDays(-30));
        group.AddMember(ids["assistant"], PlcRole.Member, now.AddDays(-30));
        group.AddMember(ids["s01p05"], PlcRole.Recorder, now.AddDays(-30));
        group.AddMember(ids["s01p06"], PlcRole.Member, now.AddDays(-30));
        group.AddMember(ids["director"], PlcRole.Mentor, now.AddDays(-30));
        db.PlcGroups.Add(group);
        await db.SaveChangesAsync(ct);

        var held = At(-14);
        string[][] talk =
        [
            ["teacher", "สวัสดีค่ะ วันนี้เราคุยเรื่องนักเรียน ม.2 อ่านจับใจความไม่ได้นะคะ"],
            ["assistant", "ห้อง 2/3 ของผมคะแนนอ่านจับใจความเฉลี่ยต่ำกว่าร้อยละ 50 ครับ"],
            ["s01p05", "ขอเสนอให้ลองใช้ผังความคิดก่อนอ่าน แล้วสังเกตการสอนกันครับ"],
            ["teacher", "เห็นด้วยค่ะ สัปดาห์หน้าร่วมกันออกแบบแผนการจัดการเรียนรู้กันนะคะ"],
        ];
        for (var i = 0; i < talk.Length; i++)
            await db.Database.ExecuteSqlInterpolatedAsync($"""
                SELECT * FROM plc_post_message({Guid.NewGuid()}, {GroupId}, {ids[talk[i][0]]}, {talk[i][1]}, NULL::uuid, '[]'::jsonb,
                                               ARRAY[]::uuid[], {held.AddMinutes(5 + 10 * i)})
                """, ct);

        var attendees = new[] { ids["teacher"], ids["assistant"], ids["s01p05"], ids["s01p06"] };
        var approved = new PlcMeeting(Guid.NewGuid(), GroupId, "ปัญหานักเรียน ม.2 อ่านจับใจความไม่ได้", held, 120, PlcCycleStep.FindProblem,
            ids["teacher"], held.AddHours(3));
        approved.Write("## ปัญหาที่พบ\n\n- นักเรียน ม.2 ร้อยละ 40 อ่านจับใจความไม่ผ่านเกณฑ์\n- ขาดทักษะการสรุปใจความสำคัญ",
            "ทดลองใช้ผังความคิดก่อนอ่าน และนัดออกแบบแผนร่วมกัน");
        approved.RecordAttendance(attendees);
        approved.LinkChat(1, talk.Length);
        approved.Submit(held.AddHours(3));
        approved.Approve(ids["director"], held.AddDays(1));

        var waiting = new PlcMeeting(Guid.NewGuid(), GroupId, "ร่วมกันออกแบบแผนการอ่านจับใจความด้วยผังความคิด", At(-7), 90,
            PlcCycleStep.PlanLesson, ids["s01p05"], At(-7).AddHours(2));
        waiting.Write("ออกแบบแผนการจัดการเรียนรู้ 2 คาบ ใช้ผังความคิดและการตั้งคำถาม", "ครูกิ่งก้อยสอน ห้อง 2/3 โดยมีครูในกลุ่มสังเกตการสอน");
        waiting.RecordAttendance(attendees);
        waiting.Submit(At(-7).AddHours(2));

        var planned = new PlcMeeting(Guid.NewGuid(), GroupId, "นำแผนไปใช้และสังเกตการสอน ห้อง 2/3", At(7), 60,
            PlcCycleStep.TeachAndObserve, ids["teacher"], now);
        db.PlcMeetings.AddRange(approved, waiting, planned);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        log.LogInformation("Seeded the demo PLC group with 3 meetings");
    }
}
