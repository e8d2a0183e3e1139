using System.Net;
using System.Net.Http.Headers;
using Lms.Domain.Organisation;
using Lms.Domain.Plc;
using Lms.Web.Tests.Files;
using Lms.Web.Tests.Support;

namespace Lms.Web.Tests.Plc.Logbook;

/// <summary>Evidence files of a meeting: checked by their content on upload, downloadable only by those who may read the logbook.</summary>
public sealed class EvidenceTests(LogbookApp app) : IClassFixture<LogbookApp>
{
    private async Task<HttpResponseMessage> UploadAsync(Someone recorder, Guid group, Guid meeting, byte[] bytes, string name, string type)
    {
        var url = $"/Plc/Logbook/{group}/Meeting/{meeting}";
        var page = await recorder.Client.PageAsync(url);
        string Value(string name) => page.QuerySelector($"[data-testid=meeting-form] [name='{name}']")!.GetAttribute("value") ?? "";
        using var form = new MultipartFormDataContent();
        foreach (var field in new[] { "__RequestVerificationToken", "Input.Id", "Input.Version", "Input.Topic", "Input.Date", "Input.StartTime", "Input.DurationMinutes" })
            form.Add(new StringContent(Value(field)), field);
        form.Add(new StringContent("PlanLesson"), "Input.Step");
        form.Add(new StringContent(recorder.Id.ToString()), "Input.Attendees");
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(type);
        form.Add(file, "evidence", name);
        return await recorder.Client.PostAsync($"{url}?handler=Save", form);
    }

    [Fact]
    public async Task Evidence_is_checked_by_content_and_downloaded_only_by_those_who_may_read_the_logbook()
    {
        var school = await app.SchoolAsync(4);
        var facilitator = await app.PersonAsync(school, "จันทร์เพ็ญ");
        var member = await app.PersonAsync(school, "ดวงใจ");
        var director = await app.PersonAsync(school, "ประเสริฐ", Position.SchoolDirector, SystemRole.SchoolDirector, SystemRole.Learner);
        var otherDirector = await app.PersonAsync(await app.SchoolAsync(6), "อำนวย", Position.SchoolDirector, SystemRole.SchoolDirector, SystemRole.Learner);
        var stranger = await app.PersonAsync(school, "คนนอกกลุ่ม");
        var group = await app.GroupAsync(school, "PLC สังคมศึกษา", (facilitator, PlcRole.Facilitator), (member, PlcRole.Member));
        var meeting = await facilitator.Client.RecordAsync(group, "ออกแบบแผนร่วมกัน", app.Today.AddDays(-1), 60, [facilitator.Id]);

        // A script named .pdf is not a PDF: refused in Thai, nothing attached.
        var fake = await UploadAsync(facilitator, group, meeting, "<script>alert(1)</script>"u8.ToArray(), "แผนการสอน.pdf", "application/pdf");
        Assert.Equal(HttpStatusCode.OK, fake.StatusCode);
        Assert.Contains("ไม่รองรับไฟล์ชนิดนี้", (await fake.HtmlAsync()).Text("[data-testid=meeting-form]"));
        Assert.Empty((await app.MeetingAsync(meeting)).Evidence);

        var pdf = SampleFiles.Pdf(5000);
        var saved = await UploadAsync(facilitator, group, meeting, pdf, "แผนการจัดการเรียนรู้.pdf", "application/pdf");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var evidence = Assert.Single((await app.MeetingAsync(meeting)).Evidence);
        Assert.Equal("แผนการจัดการเรียนรู้.pdf", evidence.FileName);
        var download = $"/Plc/Logbook/{group}/Meeting/{meeting}?handler=Evidence&evidenceId={evidence.Id}";

        foreach (var reader in new[] { facilitator, member, director })
        {
            var response = await reader.Client.GetAsync(download);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(pdf, await response.Content.ReadAsByteArrayAsync());
            Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        }
        foreach (var outsider in new[] { otherDirector, stranger })
            Assert.Equal(HttpStatusCode.NotFound, (await outsider.Client.GetAsync(download)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await app.NewClient().GetAsync(download)).StatusCode);

        // The member reads the record with its evidence link; removing it is the recorder's.
        var asMember = await member.Client.PageAsync($"/Plc/Logbook/{group}/Meeting/{meeting}");
        Assert.Contains("แผนการจัดการเรียนรู้.pdf", asMember.Text("[data-testid=evidence-list]"));
        Assert.Null(asMember.QuerySelector("[data-testid=meeting-form]"));
        var page = await facilitator.Client.PageAsync($"/Plc/Logbook/{group}/Meeting/{meeting}");
        var removed = await facilitator.Client.SubmitAsync(page, $"/Plc/Logbook/{group}/Meeting/{meeting}",
            new Dictionary<string, string> { ["evidenceId"] = evidence.Id.ToString() }, handler: "RemoveEvidence");
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.Empty((await app.MeetingAsync(meeting)).Evidence);
        Assert.Equal(HttpStatusCode.NotFound, (await facilitator.Client.GetAsync(download)).StatusCode);
    }
}
