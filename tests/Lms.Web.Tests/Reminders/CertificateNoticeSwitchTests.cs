using Lms.Domain.Calendar;
using Lms.Domain.Certificates;
using Lms.Domain.Courses;
using Lms.Domain.Enrolments;
using Lms.Domain.Notifications;
using Lms.Domain.Notifications.Reminders;
using Lms.Domain.Organisation;
using Lms.Infrastructure.Courses;
using Lms.Infrastructure.Notifications.Reminders;
using Lms.Infrastructure.Persistence;
using Lms.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lms.Web.Tests.Reminders;

/// <summary>The "certificate issued" switch on /Admin/Reminders holds for the certificates' own notice.</summary>
public sealed class CertificateNoticeSwitchTests(LmsAppFactory app) : IClassFixture<LmsAppFactory>
{
    private static readonly DateTime Then = new(2026, 11, 24, 3, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task With_certificate_notices_switched_off_a_certificate_is_issued_without_a_notice()
    {
        var templateId = await app.OfficeTemplateAsync();

        await SaveAsync(certificateNotices: false);
        var quiet = await CompleteCourseAsync(templateId, "ไม่แจ้งเกียรติบัตร");
        await SaveAsync(certificateNotices: true);
        var told = await CompleteCourseAsync(templateId, "แจ้งเกียรติบัตร");

        // The second teacher's notice proves notices flow; the first one's certificate was drawn (and would have been
        // told) before it.
        for (var i = 0; i < 300 && Notices(told) == 0; i++) await Task.Delay(100);
        Assert.Equal(1, Notices(told));
        Assert.Equal(0, Notices(quiet));
    }

    private int Notices(Guid person) =>
        app.Db(db => db.Notifications.Count(n => n.PersonId == person && n.Kind == NotificationKind.CertificateIssued));

    private Task SaveAsync(bool certificateNotices) => app.ScopeAsync(async sp =>
    {
        var store = sp.GetRequiredService<ReminderSettingsStore>();
        var current = await store.ReadAsync(CancellationToken.None);
        await store.SaveAsync(current.Settings with { CertificateIssued = certificateNotices }, current.Version, Guid.Empty, DateTime.UtcNow,
            CancellationToken.None);
    });

    /// <summary>A one-page course awarding the template; a new teacher opens the page, which completes it; waits for the PDF.</summary>
    private async Task<Guid> CompleteCourseAsync(Guid templateId, string title)
    {
        var course = new Course(Guid.NewGuid(), title, "", new FiscalYear(2570), 3, Guid.Empty, Then);
        var section = course.AddSection(Guid.NewGuid(), "หน่วยที่ 1").Id;
        var activity = Guid.NewGuid();
        course.AddActivity(section, Activity.NewPage(activity, "บทที่ 1", "เนื้อหา"));
        course.AwardCertificate(templateId);
        var (person, login) = await app.CreatePersonAsync([SystemRole.Learner]);
        await app.ScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<LmsDbContext>();
            db.Courses.Add(course);
            await sp.GetRequiredService<CoursePublisher>().PublishAsync(course, Guid.Empty);
            db.Enrolments.Add(new Enrolment(Guid.NewGuid(), course.Id, person, EnrolmentSource.Administrator, null, Then));
            await db.SaveChangesAsync();
        });
        var teacher = app.NewClient();
        await teacher.SignInOkAsync(login);
        await teacher.PageAsync($"/Learn/Activity/{course.Id}/{activity}");
        for (var i = 0; i < 300; i++)
        {
            if (await app.DbAsync(db => db.Certificates.AnyAsync(c => c.PersonId == person && c.FileKey != null))) return person;
            await Task.Delay(100);
        }
        throw new TimeoutException("no certificate was drawn within 30 s");
    }
}
