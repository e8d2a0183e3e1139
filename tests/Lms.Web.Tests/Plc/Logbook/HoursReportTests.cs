using System.Globalization;
using System.Net;
using System.Text;
using Lms.Domain.Organisation;
using Lms.Domain.Plc;
using Lms.Web.Tests.Support;
using MiniExcelLibs;

namespace Lms.Web.Tests.Plc.Logbook;

/// <summary>The hours report: a director's school per teacher, the office per school then per teacher, and its downloads.</summary>
public sealed class HoursReportTests(LogbookApp app) : IClassFixture<LogbookApp>
{
    private static decimal Number(object? v) => Convert.ToDecimal(v, CultureInfo.InvariantCulture);

    [Fact]
    public async Task The_report_counts_only_approved_hours_lists_teachers_without_hours_and_exports_Thai_names()
    {
        var school = await app.SchoolAsync(7);
        var schoolName = await app.DbAsync(db => Task.FromResult(db.Schools.Single(s => s.Id == school).NameTh));
        var kamala = await app.PersonAsync(school, "กมลา");
        var busaba = await app.PersonAsync(school, "บุษบา");
        var chaba = await app.PersonAsync(school, "ชบา");
        var director = await app.PersonAsync(school, "ผู้อำนวยการ", Position.SchoolDirector, SystemRole.SchoolDirector, SystemRole.Learner);
        var group = await app.GroupAsync(school, "PLC ภาษาอังกฤษ", (kamala, PlcRole.Facilitator), (busaba, PlcRole.Member), (chaba, PlcRole.Member));
        var approved = await kamala.Client.RecordAsync(group, "ค้นหาปัญหาการฟัง", app.Today.AddDays(-6), 120, [kamala.Id, busaba.Id], submit: true);
        await director.Client.DecideAsync(approved, "Approve");
        await kamala.Client.RecordAsync(group, "ออกแบบแผนการฟัง", app.Today.AddDays(-2), 90, [kamala.Id, chaba.Id], submit: true, step: "PlanLesson");
        await kamala.Client.RecordAsync(group, "ร่างที่ยังไม่ส่ง", app.Today.AddDays(-1), 60, [kamala.Id]);

        // The director sees their school, per teacher; a teacher with no PLC hours yet is listed too.
        var page = await director.Client.PageAsync("/Plc/Reports/Hours");
        Assert.Null(page.QuerySelector("#school"));
        string Row(Someone p) => page.QuerySelector($"[data-testid=teachers] tr[data-person='{p.Id}']")!.TextContent;
        Assert.Contains("2", Row(kamala));
        Assert.Contains("1.5", Row(kamala));
        Assert.Contains("2", Row(busaba));
        Assert.Contains("0", Row(chaba));
        var demoTeachers = await app.DbAsync(db => Task.FromResult(db.People.Count(p => p.SchoolId == school && p.IsActive
            && (p.Position == Position.Teacher || p.Position == Position.AssistantTeacher))));
        Assert.Equal(demoTeachers, page.QuerySelectorAll("[data-testid=teachers] tbody tr").Length);

        var csv = await director.Client.GetByteArrayAsync("/Plc/Reports/Hours?handler=Csv&year=2570&school=" + Guid.NewGuid());
        Assert.Equal(Encoding.UTF8.GetPreamble(), csv[..3]);
        var lines = Encoding.UTF8.GetString(csv[3..]).Split(["\r\n", "\n"], StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("\"รหัสโรงเรียน\",\"โรงเรียน\",\"ชื่อ-นามสกุล\",\"ตำแหน่ง\",\"ชั่วโมงที่อนุมัติแล้ว\",\"รออนุมัติ\",\"จำนวนการประชุมที่อนุมัติแล้ว\",\"เป้าหมาย (ชั่วโมง)\",\"ถึงเป้าหมาย\"", lines[0]);
        Assert.Contains($"\"{schoolName}\",\"{kamala.Name}\",\"ครู\",\"2\",\"1.5\",\"1\",\"50\",\"ไม่\"", Assert.Single(lines, l => l.Contains(kamala.Name)));
        Assert.Contains($"\"{chaba.Name}\",\"ครู\",\"0\",\"1.5\",\"0\",\"50\",\"ไม่\"", Assert.Single(lines, l => l.Contains(chaba.Name)));
        // A director asking for another school still gets only their own.
        Assert.All(lines.Skip(1), l => Assert.Contains($"\"{schoolName}\"", l));

        // The office: per school first, then per teacher; the workbook holds both.
        var supervisor = await app.PersonAsync(null, "ศึกษานิเทศก์", Position.Supervisor, SystemRole.Supervisor);
        var overview = await supervisor.Client.PageAsync("/Plc/Reports/Hours?year=2570");
        Assert.Equal(27, overview.QuerySelectorAll("[data-testid=schools] tbody tr").Length);
        var cells = overview.QuerySelectorAll("[data-testid=schools] tbody tr").Single(r => r.TextContent.Contains(schoolName))
            .QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList();
        Assert.Equal(["4", "3"], cells[2..4]);
        var one = await supervisor.Client.PageAsync($"/Plc/Reports/Hours?year=2570&school={school}");
        Assert.NotNull(one.QuerySelector($"[data-testid=teachers] tr[data-person='{busaba.Id}']"));

        var xlsx = new MemoryStream(await supervisor.Client.GetByteArrayAsync("/Plc/Reports/Hours?handler=Xlsx&year=2570"));
        Assert.Equal(["โรงเรียน", "ครู"], MiniExcel.GetSheetNames(xlsx));
        var schools = xlsx.Query(useHeaderRow: true, sheetName: "โรงเรียน").Cast<IDictionary<string, object?>>().ToList();
        var mine = Assert.Single(schools, r => (string)r["โรงเรียน"]! == schoolName);
        Assert.Equal(4m, Number(mine["ชั่วโมงที่อนุมัติแล้ว"]));
        Assert.Equal(3m, Number(mine["รออนุมัติ"]));
        var teachers = xlsx.Query(useHeaderRow: true, sheetName: "ครู").Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(2m, Number(Assert.Single(teachers, r => (string)r["ชื่อ-นามสกุล"]! == busaba.Name)["ชั่วโมงที่อนุมัติแล้ว"]));
        Assert.True(teachers.Count >= 27 * 8);

        // Another fiscal year has none of these hours.
        var lastYear = await supervisor.Client.PageAsync($"/Plc/Reports/Hours?year=2569&school={school}");
        Assert.DoesNotContain("1.5", lastYear.QuerySelector($"[data-testid=teachers] tr[data-person='{kamala.Id}']")!.TextContent);
    }

    [Fact]
    public async Task Teachers_cannot_open_the_report()
    {
        var teacher = await app.PersonAsync(await app.SchoolAsync(7), "ครูธรรมดา");
        var response = await teacher.Client.GetAsync("/Plc/Reports/Hours?handler=Csv");
        Assert.True(response.StatusCode == HttpStatusCode.Forbidden || (response.Headers.Location?.OriginalString ?? "").Contains("AccessDenied"));
    }
}
