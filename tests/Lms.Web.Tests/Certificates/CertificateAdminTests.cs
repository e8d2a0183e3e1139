using System.Net;
using System.Text.Json;
using Lms.Domain.Certificates;
using Lms.Domain.Organisation;
using Lms.Infrastructure.Persistence;
using Lms.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lms.Web.Tests.Certificates;

/// <summary>Administrators issue a training event's certificates in a batch, revoke one and reissue one, through the pages.</summary>
public sealed class CertificateAdminTests(LmsAppFactory app) : IClassFixture<LmsAppFactory>
{
    private async Task<HttpClient> AdminAsync()
    {
        var admin = app.NewClient();
        await admin.SignInOkAsync("admin");
        return admin;
    }

    private async Task<Guid> EventAsync(HttpClient admin, Guid template, string name)
    {
        var saved = await admin.SubmitAsync("/Admin/Certificates/Events", new Dictionary<string, string>
        {
            ["Input.Name"] = name, ["Input.HeldOn"] = "2026-11-20", ["Input.CreditHours"] = "6", ["Input.TemplateId"] = template.ToString(),
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        return Guid.Parse(saved.Headers.Location!.OriginalString.Split('/').Last());
    }

    private async Task<JsonElement> WaitFinishedAsync(HttpClient admin, string progressUrl)
    {
        for (var i = 0; i < 600; i++)
        {
            var status = JsonDocument.Parse(await admin.GetStringAsync(progressUrl + "?handler=Status")).RootElement;
            if (status.GetProperty("finished").GetBoolean()) return status;
            await Task.Delay(100);
        }
        throw new TimeoutException("the batch did not finish in 60 s");
    }

    [Fact]
    public async Task A_batch_for_a_workshop_numbers_everyone_once_and_a_second_batch_gives_nobody_two()
    {
        var admin = await AdminAsync();
        var eventId = await EventAsync(admin, await app.OfficeTemplateAsync("อบรม {n:000}/{fy}", "แบบงานอบรม"), "ประชุมเชิงปฏิบัติการ PLC ระดับจังหวัด");
        var school = await app.DbAsync(db => db.Schools.OrderBy(s => s.Code).Select(s => s.Id).FirstAsync());
        var atSchool = await app.DbAsync(db => db.People.Where(p => p.SchoolId == school && p.IsActive).Select(p => p.Id).ToListAsync());

        // A list with a line that matches nobody starts nothing and names the line.
        var refused = await admin.SubmitAsync($"/Admin/Certificates/Batch/{eventId}", new Dictionary<string, string>
        {
            ["SchoolId"] = school.ToString(), ["People"] = "admin\nno-such-teacher@example.com",
        });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = await refused.Content.ReadAsStringAsync();
        Assert.Contains("no-such-teacher@example.com", page);
        Assert.Equal(0, await app.DbAsync(db => db.CertificateBatches.CountAsync(b => b.SubjectId == eventId)));

        var started = await admin.SubmitAsync($"/Admin/Certificates/Batch/{eventId}", new Dictionary<string, string>
        {
            ["SchoolId"] = school.ToString(), ["People"] = "admin",
        });
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        var progressUrl = started.Headers.Location!.OriginalString;
        var status = await WaitFinishedAsync(admin, progressUrl);
        var expected = atSchool.Count + 1;
        Assert.Equal(expected, status.GetProperty("total").GetInt32());
        Assert.Equal(100, status.GetProperty("percent").GetInt32());

        var issued = await app.DbAsync(db => db.Certificates.AsNoTracking().Where(c => c.SubjectId == eventId).ToListAsync());
        Assert.Equal(expected, issued.Count);
        Assert.Equal(expected, issued.Select(c => c.PersonId).Distinct().Count());
        Assert.All(issued, c => Assert.NotNull(c.FileKey));
        Assert.All(issued, c => Assert.Equal(new DateOnly(2026, 11, 20), c.CompletedOn));
        Assert.All(issued, c => Assert.EndsWith("/2570", c.SerialNumber)); // 20 Nov 2026 is in fiscal year 2570
        // Numbers follow each other without a gap.
        var numbers = issued.Select(c => c.RunningNumber).Order().ToList();
        Assert.Equal(Enumerable.Range(numbers[0], expected), numbers);

        // The same people again (a double click, or an administrator unsure it worked): nobody gets a second one.
        var again = await admin.SubmitAsync($"/Admin/Certificates/Batch/{eventId}", new Dictionary<string, string> { ["SchoolId"] = school.ToString() });
        await WaitFinishedAsync(admin, again.Headers.Location!.OriginalString);
        Assert.Equal(expected, await app.DbAsync(db => db.Certificates.CountAsync(c => c.SubjectId == eventId)));
    }

    [Fact]
    public async Task Revoking_needs_a_reason_and_the_verification_page_then_says_revoked_and_a_reissue_gets_a_new_number()
    {
        var admin = await AdminAsync();
        var eventId = await EventAsync(admin, await app.OfficeTemplateAsync("อบรม {n:000}/{fy}", "แบบงานอบรม"), "อบรมการวัดและประเมินผล");
        var started = await admin.SubmitAsync($"/Admin/Certificates/Batch/{eventId}", new Dictionary<string, string> { ["People"] = "teacher\ndirector" });
        await WaitFinishedAsync(admin, started.Headers.Location!.OriginalString);
        var teacherId = await app.DbAsync(db => db.Users.Where(u => u.UserName == "teacher").Select(u => u.Id).SingleAsync());
        var original = await app.DbAsync(db => db.Certificates.AsNoTracking().SingleAsync(c => c.SubjectId == eventId && c.PersonId == teacherId));

        var list = $"/Admin/Certificates?q={Uri.EscapeDataString(original.SerialNumber)}";
        var noReason = await admin.SubmitAsync(list, new Dictionary<string, string> { ["id"] = original.Id.ToString(), ["reason"] = " " },
            handler: "Revoke", formSelector: $"#certificate-{original.Id} form");
        Assert.Equal(HttpStatusCode.Redirect, noReason.StatusCode);
        Assert.NotNull((await admin.PageAsync(list)).QuerySelector(".notice.error"));
        Assert.Null(await app.DbAsync(db => db.Certificates.Where(c => c.Id == original.Id).Select(c => c.RevokedAtUtc).SingleAsync()));

        await admin.SubmitAsync(list, new Dictionary<string, string> { ["id"] = original.Id.ToString(), ["reason"] = "ชื่อสกุลพิมพ์ผิด" },
            handler: "Revoke", formSelector: $"#certificate-{original.Id} form");
        var verify = await app.NewClient().PageAsync($"/verify/{original.VerificationCode}");
        Assert.NotNull(verify.QuerySelector(".verification.revoked"));
        Assert.DoesNotContain("ชื่อสกุลพิมพ์ผิด", verify.Body!.TextContent); // the reason is for the office, not the public

        await admin.SubmitAsync(list, new Dictionary<string, string> { ["id"] = original.Id.ToString(), ["reason"] = "ออกใหม่หลังแก้ชื่อ" },
            handler: "Reissue", formSelector: $"#certificate-{original.Id} form");
        var current = await app.DbAsync(db => db.Certificates.AsNoTracking()
            .SingleAsync(c => c.SubjectId == eventId && c.PersonId == teacherId && c.SupersededAtUtc == null));
        Assert.NotEqual(original.Id, current.Id);
        Assert.Equal(original.Id, current.ReplacesId);
        Assert.NotEqual(original.SerialNumber, current.SerialNumber);
        for (var i = 0; i < 100 && current.FileKey is null; i++)
        {
            await Task.Delay(100);
            current = await app.DbAsync(db => db.Certificates.AsNoTracking().SingleAsync(c => c.Id == current.Id));
        }
        Assert.NotNull(current.FileKey);
        Assert.NotNull((await app.NewClient().PageAsync($"/verify/{current.VerificationCode}")).QuerySelector(".verification.valid"));
        Assert.NotNull((await app.NewClient().PageAsync($"/verify/{original.VerificationCode}")).QuerySelector(".verification.revoked"));
    }

    [Fact]
    public async Task A_persons_certificates_are_in_their_data_export_and_erasing_the_person_removes_the_name_and_the_PDF()
    {
        var admin = await AdminAsync();
        var (personId, login) = await app.CreatePersonAsync([SystemRole.Learner]);
        var eventId = await EventAsync(admin, await app.OfficeTemplateAsync("อบรม {n:000}/{fy}", "แบบงานอบรม"), "อบรมคุ้มครองข้อมูลส่วนบุคคล");
        var started = await admin.SubmitAsync($"/Admin/Certificates/Batch/{eventId}", new Dictionary<string, string> { ["People"] = login });
        await WaitFinishedAsync(admin, started.Headers.Location!.OriginalString);
        var issued = await app.DbAsync(db => db.Certificates.AsNoTracking().SingleAsync(c => c.PersonId == personId));

        var me = app.NewClient();
        await me.SignInOkAsync(login);
        var export = JsonDocument.Parse(await me.GetStringAsync("/Account/MyData?handler=Download")).RootElement;
        var listed = Assert.Single(export.GetProperty("Certificates").EnumerateArray());
        Assert.Equal(issued.SerialNumber, listed.GetProperty("SerialNumber").GetString());

        await admin.SubmitAsync($"/Admin/People/Edit/{personId}", new Dictionary<string, string>(), handler: "Deactivate");
        await admin.SubmitAsync($"/Admin/People/Edit/{personId}", new Dictionary<string, string>(), handler: "Anonymise");

        var erased = await app.DbAsync(db => db.Certificates.AsNoTracking().SingleAsync(c => c.Id == issued.Id));
        Assert.DoesNotContain(login, erased.RecipientName);
        Assert.Null(erased.FileKey);
        Assert.False(await app.DbAsync(_ => app.Services.GetRequiredService<Lms.Infrastructure.Files.IFileStore>().ExistsAsync(issued.FileKey!)));
        var verify = await app.NewClient().PageAsync($"/verify/{issued.VerificationCode}");
        Assert.NotNull(verify.QuerySelector(".verification.revoked"));
        Assert.DoesNotContain(login, verify.Body!.TextContent);
    }

    [Fact]
    public async Task A_design_used_by_an_event_cannot_be_deleted()
    {
        var admin = await AdminAsync();
        var template = await app.OfficeTemplateAsync("อบรม {n:000}/{fy}", "แบบงานอบรม");
        await EventAsync(admin, template, "อบรมที่ใช้แบบนี้");
        var refused = await admin.SubmitAsync($"/Design/Certificates/Edit/{template}", new Dictionary<string, string>(), handler: "Delete",
            formSelector: "form[action*='Delete']");
        Assert.Equal($"/Design/Certificates/Edit/{template}", refused.Headers.Location?.OriginalString);
        Assert.NotNull((await admin.PageAsync($"/Design/Certificates/Edit/{template}")).QuerySelector(".notice.error"));
        Assert.True(await app.DbAsync(db => db.CertificateTemplates.AnyAsync(t => t.Id == template)));
    }
}
