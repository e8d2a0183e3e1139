using System.Net;
using Lms.Domain.Notifications;
using Lms.Domain.Organisation;
using Lms.Domain.Plc;
using Lms.Web.Tests.Support;

namespace Lms.Web.Tests.Plc.Logbook;

/// <summary>Recording a meeting, sending it for approval, the director's decision and the hours it gives.</summary>
public sealed class LogbookApprovalTests(LogbookApp app) : IClassFixture<LogbookApp>
{
    private async Task<(Guid School, Someone Facilitator, Someone Teacher, Someone Director, Guid Group)> SchoolGroupAsync(int schoolIndex = 0)
    {
        var school = await app.SchoolAsync(schoolIndex);
        var facilitator = await app.PersonAsync(school, "กิ่งก้อย");
        var teacher = await app.PersonAsync(school, "มาลี");
        var director = await app.PersonAsync(school, "สมศรี", Position.SchoolDirector, SystemRole.SchoolDirector, SystemRole.Learner);
        var group = await app.GroupAsync(school, "PLC ภาษาไทย ม.ต้น", (facilitator, PlcRole.Facilitator), (teacher, PlcRole.Member));
        return (school, facilitator, teacher, director, group);
    }

    [Fact]
    public async Task A_recorded_and_approved_meeting_shows_its_hours_on_the_attendees_dashboard()
    {
        var (_, facilitator, teacher, director, group) = await SchoolGroupAsync();
        var before = await teacher.Client.PageAsync("/");
        Assert.Equal("ชั่วโมง PLC ปีงบประมาณ 2570: 0 / 50 ชั่วโมง", before.Text("[data-testid=plc-hours]"));

        var meeting = await facilitator.Client.RecordAsync(group, "นักเรียน ม.2 อ่านจับใจความไม่ได้", app.Today.AddDays(-4), 90,
            [facilitator.Id, teacher.Id], submit: true);
        var waiting = await teacher.Client.PageAsync("/");
        Assert.Equal("ชั่วโมง PLC ปีงบประมาณ 2570: 0 / 50 ชั่วโมง", waiting.Text("[data-testid=plc-hours]"));
        Assert.Equal("อีก 1.5 ชั่วโมงรออนุมัติ", waiting.Text("[data-testid=plc-pending]"));

        var queue = await director.Client.PageAsync("/Plc/Approvals");
        Assert.NotNull(queue.QuerySelector($"[data-meeting='{meeting}']"));
        var approved = await director.Client.DecideAsync(meeting, "Approve");
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        Assert.Contains("อนุมัติบันทึกการประชุมแล้ว", (await director.Client.PageAsync("/Plc/Approvals")).Text(".notice.success"));

        var after = await teacher.Client.PageAsync("/");
        Assert.Equal("ชั่วโมง PLC ปีงบประมาณ 2570: 1.5 / 50 ชั่วโมง", after.Text("[data-testid=plc-hours]"));
        Assert.Null(after.QuerySelector("[data-testid=plc-pending]"));
        Assert.Equal("3", after.QuerySelector("progress.plc-hours")!.GetAttribute("value"));

        var logbook = await teacher.Client.PageAsync($"/Plc/Logbook/{group}");
        Assert.Contains("อนุมัติแล้ว", logbook.Text("[data-testid=meetings]"));
        Assert.Contains("ค้นหาปัญหา", logbook.Text("[data-testid=meetings]"));
        var mine = await teacher.Client.PageAsync("/Plc/Hours");
        Assert.Contains("นักเรียน ม.2 อ่านจับใจความไม่ได้", mine.Text("[data-testid=attended]"));

        var told = Assert.Single(app.Sent(facilitator.Id, NotificationKind.PlcMeetingDecided));
        Assert.StartsWith("บันทึกการประชุม PLC ได้รับการอนุมัติ", told.Title);
        Assert.Equal($"/Plc/Logbook/{group}/Meeting/{meeting}", told.Link);
    }

    [Fact]
    public async Task A_returned_record_shows_the_note_to_its_recorder_and_counts_no_hours_until_approved()
    {
        var (_, facilitator, teacher, director, group) = await SchoolGroupAsync();
        var meeting = await facilitator.Client.RecordAsync(group, "สะท้อนผลการสอน", app.Today.AddDays(-2), 60, [teacher.Id], submit: true, step: "Reflect");

        var noNote = await director.Client.DecideAsync(meeting, "Return");
        Assert.Equal(HttpStatusCode.Redirect, noNote.StatusCode);
        Assert.Equal("กรุณาเขียนหมายเหตุว่าต้องแก้ไขอะไรก่อนส่งกลับ", (await director.Client.PageAsync("/Plc/Approvals")).Text("[data-testid=error]"));
        Assert.Equal(PlcMeetingStatus.Submitted, (await app.MeetingAsync(meeting)).Status);

        await director.Client.DecideAsync(meeting, "Return", "กรุณาแนบแผนการจัดการเรียนรู้");
        var page = await facilitator.Client.PageAsync($"/Plc/Logbook/{group}/Meeting/{meeting}");
        Assert.Equal("ส่งกลับแก้ไข", page.Text("[data-testid=meeting-status]"));
        Assert.Contains("กรุณาแนบแผนการจัดการเรียนรู้", page.Text("[data-testid=return-note]"));
        Assert.NotNull(page.QuerySelector("[data-testid=meeting-form]"));
        Assert.Equal("ชั่วโมง PLC ปีงบประมาณ 2570: 0 / 50 ชั่วโมง", (await teacher.Client.PageAsync("/")).Text("[data-testid=plc-hours]"));
        Assert.Contains("ถูกส่งกลับแก้ไข", Assert.Single(app.Sent(facilitator.Id, NotificationKind.PlcMeetingDecided)).Title);

        // Corrected and sent again, then approved: now it counts.
        var again = await facilitator.Client.SubmitAsync(page, $"/Plc/Logbook/{group}/Meeting/{meeting}",
            new Dictionary<string, string> { ["Input.Decisions"] = "แนบแผนแล้ว" }, handler: "Submit");
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        await director.Client.DecideAsync(meeting, "Approve");
        Assert.Equal("ชั่วโมง PLC ปีงบประมาณ 2570: 1 / 50 ชั่วโมง", (await teacher.Client.PageAsync("/")).Text("[data-testid=plc-hours]"));
    }

    [Fact]
    public async Task A_director_of_another_school_can_neither_see_nor_approve_the_record()
    {
        var (_, facilitator, teacher, _, group) = await SchoolGroupAsync();
        var otherSchool = await app.SchoolAsync(5);
        var stranger = await app.PersonAsync(otherSchool, "ประภา", Position.SchoolDirector, SystemRole.SchoolDirector, SystemRole.Learner);
        var meeting = await facilitator.Client.RecordAsync(group, "ออกแบบแผนร่วมกัน", app.Today.AddDays(-1), 120, [teacher.Id], submit: true, step: "PlanLesson");

        Assert.Null((await stranger.Client.PageAsync("/Plc/Approvals")).QuerySelector($"[data-meeting='{meeting}']"));
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Client.GetAsync($"/Plc/Logbook/{group}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Client.GetAsync($"/Plc/Logbook/{group}/Meeting/{meeting}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Client.DecideAsync(meeting, "Approve")).StatusCode);
        Assert.Equal(PlcMeetingStatus.Submitted, (await app.MeetingAsync(meeting)).Status);

        // A supervisor oversees every school's groups; a teacher outside the group sees nothing.
        var supervisor = await app.PersonAsync(null, "นิเทศ", Position.Supervisor, SystemRole.Supervisor);
        Assert.NotNull((await supervisor.Client.PageAsync("/Plc/Approvals")).QuerySelector($"[data-meeting='{meeting}']"));
        var outsider = await app.PersonAsync(await app.SchoolAsync(0), "บุคคลภายนอก");
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.Client.GetAsync($"/Plc/Logbook/{group}")).StatusCode);
        var denied = await outsider.Client.GetAsync("/Plc/Approvals");
        Assert.True(denied.StatusCode == HttpStatusCode.Forbidden || (denied.Headers.Location?.OriginalString ?? "").Contains("AccessDenied"));
    }

    [Fact]
    public async Task Nobody_approves_a_record_they_recorded_themselves()
    {
        var school = await app.SchoolAsync(1);
        // A director who keeps the minutes of a group of their own school.
        var director = await app.PersonAsync(school, "วิไล", Position.SchoolDirector, SystemRole.SchoolDirector, SystemRole.Learner);
        var teacher = await app.PersonAsync(school, "สุดา");
        var group = await app.GroupAsync(school, "PLC คณิตศาสตร์", (teacher, PlcRole.Facilitator), (director, PlcRole.Recorder));
        var meeting = await director.Client.RecordAsync(group, "วิเคราะห์ผลสอบ", app.Today.AddDays(-3), 60, [teacher.Id, director.Id], submit: true);

        var queue = await director.Client.PageAsync("/Plc/Approvals");
        var item = queue.QuerySelector($"[data-meeting='{meeting}']")!;
        Assert.Null(item.QuerySelector("[data-testid=approve]"));
        Assert.Contains("คุณเป็นผู้บันทึกการประชุมนี้", item.TextContent);

        await director.Client.DecideAsync(meeting, "Approve");
        Assert.Equal("คุณเป็นผู้บันทึกการประชุมนี้ จึงต้องให้ผู้อื่นอนุมัติ", (await director.Client.PageAsync("/Plc/Approvals")).Text("[data-testid=error]"));
        Assert.Equal(PlcMeetingStatus.Submitted, (await app.MeetingAsync(meeting)).Status);
    }

    [Fact]
    public async Task A_double_click_on_approve_approves_once_and_tells_the_recorder_once()
    {
        var (_, facilitator, teacher, director, group) = await SchoolGroupAsync(2);
        var meeting = await facilitator.Client.RecordAsync(group, "สรุปผลและเผยแพร่", app.Today.AddDays(-1), 60, [teacher.Id], submit: true, step: "SumUp");
        var page = await director.Client.PageAsync("/Plc/Approvals");
        var fields = new Dictionary<string, string> { ["meetingId"] = meeting.ToString() };
        var clicks = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => director.Client.SubmitAsync(page, "/Plc/Approvals", fields, handler: "Approve")));
        Assert.All(clicks, c => Assert.Equal(HttpStatusCode.Redirect, c.StatusCode));
        Assert.Equal(PlcMeetingStatus.Approved, (await app.MeetingAsync(meeting)).Status);
        Assert.Single(app.Sent(facilitator.Id, NotificationKind.PlcMeetingDecided));
        Assert.Equal("ชั่วโมง PLC ปีงบประมาณ 2570: 1 / 50 ชั่วโมง", (await teacher.Client.PageAsync("/")).Text("[data-testid=plc-hours]"));
    }

    [Fact]
    public async Task A_future_meeting_is_saved_as_planned_and_cannot_be_sent_for_approval()
    {
        var (_, facilitator, teacher, _, group) = await SchoolGroupAsync();
        var form = await facilitator.Client.PageAsync($"/Plc/Logbook/{group}/Meeting");
        var refused = await facilitator.Client.SubmitAsync(form, $"/Plc/Logbook/{group}/Meeting",
            LogbookSteps.Fields("นำแผนไปใช้", app.Today.AddDays(5), 60, [teacher.Id], step: "TeachAndObserve"), handler: "Submit");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("ส่งบันทึกขออนุมัติได้หลังจากการประชุมเกิดขึ้นแล้วเท่านั้น", (await refused.HtmlAsync()).Text("[role=alert]"));
        Assert.Equal(0, await app.DbAsync(db => Task.FromResult(db.PlcMeetings.Count(m => m.GroupId == group))));

        var planned = await facilitator.Client.RecordAsync(group, "นำแผนไปใช้", app.Today.AddDays(5), 60, [], step: "TeachAndObserve");
        var saved = await facilitator.Client.PageAsync($"/Plc/Logbook/{group}/Meeting/{planned}");
        Assert.Contains("ระบบจะแจ้งเตือนสมาชิกล่วงหน้าหนึ่งวัน", saved.Text(".notice.success"));
        Assert.Equal("ร่าง", saved.Text("[data-testid=meeting-status]"));
    }

    [Fact]
    public async Task Bad_input_gets_Thai_messages_and_saves_nothing()
    {
        var (_, facilitator, teacher, _, group) = await SchoolGroupAsync();
        var outsider = await app.PersonAsync(await app.SchoolAsync(0), "ไม่ใช่สมาชิก");
        var fields = LogbookSteps.Fields("", app.Today.AddDays(-1), 5, [teacher.Id, outsider.Id], time: "25:99", step: "");
        var response = await facilitator.Client.SubmitAsync($"/Plc/Logbook/{group}/Meeting", fields, handler: "Save");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var redisplayed = await response.HtmlAsync();
        var text = redisplayed.Text("[data-testid=meeting-form]");
        // The new record's buttons post to the group's "new meeting" address (it has no address of its own yet).
        Assert.Equal($"/Plc/Logbook/{group}/Meeting?handler=Submit", redisplayed.QuerySelector("[data-testid=submit-meeting]")!.GetAttribute("formaction"));
        Assert.Equal($"/Plc/Logbook/{group}/Meeting?handler=Preview", redisplayed.QuerySelector("textarea[data-preview]")!.GetAttribute("data-preview-url"));
        foreach (var message in new[] { "กรุณากรอกหัวข้อการประชุม", "กรุณากรอกเวลาเริ่มประชุม เช่น 15:30", "การประชุมต้องใช้เวลา 15 ถึง 720 นาที",
                     "กรุณาเลือกขั้นตอนของวงจร PLC", "บันทึกเป็นผู้เข้าร่วมได้เฉพาะสมาชิกของกลุ่ม" })
            Assert.Contains(message, text);
        Assert.Equal(0, await app.DbAsync(db => Task.FromResult(db.PlcMeetings.Count(m => m.GroupId == group))));

        // A member who is neither facilitator nor recorder reads the logbook but cannot record.
        Assert.Null((await teacher.Client.PageAsync($"/Plc/Logbook/{group}")).QuerySelector("[data-testid=record-meeting]"));
        Assert.Equal(HttpStatusCode.NotFound, (await teacher.Client.GetAsync($"/Plc/Logbook/{group}/Meeting")).StatusCode);
    }

    [Fact]
    public async Task When_two_recorders_edit_the_same_record_the_second_save_is_refused()
    {
        var school = await app.SchoolAsync(3);
        var facilitator = await app.PersonAsync(school, "อรุณี");
        var recorder = await app.PersonAsync(school, "ชไมพร");
        var group = await app.GroupAsync(school, "PLC วิทยาศาสตร์", (facilitator, PlcRole.Facilitator), (recorder, PlcRole.Recorder));
        var meeting = await facilitator.Client.RecordAsync(group, "ร่างแรก", app.Today.AddDays(-1), 60, [facilitator.Id]);
        var url = $"/Plc/Logbook/{group}/Meeting/{meeting}";
        var first = await facilitator.Client.PageAsync(url);
        var second = await recorder.Client.PageAsync(url);

        var saved = await facilitator.Client.SubmitAsync(first, url, new Dictionary<string, string> { ["Input.Topic"] = "ฉบับของผู้อำนวยความสะดวก" }, handler: "Save");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var refused = await recorder.Client.SubmitAsync(second, url, new Dictionary<string, string> { ["Input.Topic"] = "ฉบับของผู้บันทึก" }, handler: "Save");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("มีผู้อื่นแก้ไข", (await refused.HtmlAsync()).Text("[role=alert]"));
        Assert.Equal("ฉบับของผู้อำนวยความสะดวก", (await app.MeetingAsync(meeting)).Topic);
    }

    [Fact]
    public async Task A_network_across_schools_is_approved_by_a_supervisor_not_by_a_school_director()
    {
        var (_, facilitator, _, director, _) = await SchoolGroupAsync(12);
        var colleague = await app.PersonAsync(await app.SchoolAsync(13), "เครือข่าย");
        var network = await app.GroupAsync(null, "เครือข่าย PLC คณิตศาสตร์ สพม.สุโขทัย", (facilitator, PlcRole.Facilitator), (colleague, PlcRole.Member));
        var meeting = await facilitator.Client.RecordAsync(network, "แลกเปลี่ยนแผนข้ามโรงเรียน", app.Today.AddDays(-2), 180,
            [facilitator.Id, colleague.Id], submit: true);

        Assert.Null((await director.Client.PageAsync("/Plc/Approvals")).QuerySelector($"[data-meeting='{meeting}']"));
        Assert.Equal(HttpStatusCode.NotFound, (await director.Client.DecideAsync(meeting, "Approve")).StatusCode);
        Assert.Contains("เครือข่ายข้ามโรงเรียน", (await colleague.Client.PageAsync($"/Plc/Logbook/{network}")).Text("[data-testid=group-facts]"));

        var supervisor = await app.PersonAsync(null, "ศน.เครือข่าย", Lms.Domain.Organisation.Position.Supervisor, SystemRole.Supervisor);
        Assert.Equal(HttpStatusCode.Redirect, (await supervisor.Client.DecideAsync(meeting, "Approve")).StatusCode);
        Assert.Equal(PlcMeetingStatus.Approved, (await app.MeetingAsync(meeting)).Status);
        Assert.Equal("ชั่วโมง PLC ปีงบประมาณ 2570: 3 / 50 ชั่วโมง", (await colleague.Client.PageAsync("/")).Text("[data-testid=plc-hours]"));
    }
}
