using System.Net;
using Lms.Domain.Organisation;
using Lms.Web.Tests.Support;

namespace Lms.Web.Tests.Plc.Logbook;

/// <summary>The yearly target is the office's setting: administrators change it, every dashboard measures against it.</summary>
public sealed class PlcSettingsTests(LogbookApp app) : IClassFixture<LogbookApp>
{
    [Fact]
    public async Task The_administrator_sets_the_yearly_target_and_the_dashboard_follows_it()
    {
        var admin = app.NewClient();
        await admin.SignInOkAsync("admin");
        Assert.Equal("50", (await admin.PageAsync("/Admin/Plc")).QuerySelector("[data-testid=plc-target]")!.GetAttribute("value"));

        var wrong = await admin.SubmitAsync("/Admin/Plc", new Dictionary<string, string> { ["YearlyTargetHours"] = "ห้าสิบ" });
        Assert.Contains("กรุณากรอกจำนวนชั่วโมง เช่น 50", (await wrong.HtmlAsync()).Body!.TextContent);
        var tooMany = await admin.SubmitAsync("/Admin/Plc", new Dictionary<string, string> { ["YearlyTargetHours"] = "5000" });
        Assert.Contains("เป้าหมายต่อปีต้องอยู่ระหว่าง 1 ถึง 1000 ชั่วโมง", (await tooMany.HtmlAsync()).Body!.TextContent);

        var first = await admin.PageAsync("/Admin/Plc");
        var saved = await admin.SubmitAsync(first, "/Admin/Plc", new Dictionary<string, string> { ["YearlyTargetHours"] = "40" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        // A second administrator's form from before that save does not overwrite it.
        var stale = await admin.SubmitAsync(first, "/Admin/Plc", new Dictionary<string, string> { ["YearlyTargetHours"] = "60" });
        Assert.Contains("มีผู้อื่นแก้ไข", (await stale.HtmlAsync()).Text("[role=alert]"));

        var teacher = await app.PersonAsync(await app.SchoolAsync(0), "เป้าหมาย");
        Assert.Equal("ชั่วโมง PLC ปีงบประมาณ 2570: 0 / 40 ชั่วโมง", (await teacher.Client.PageAsync("/")).Text("[data-testid=plc-hours]"));
    }
}
