using System.Net;
using Lms.Domain.Calendar;
using Lms.Domain.Certificates;
using Lms.Domain.Courses;
using Lms.Domain.Enrolments;
using Lms.Domain.Organisation;
using Lms.Infrastructure.Certificates.Issuing;
using Lms.Infrastructure.Courses;
using Lms.Infrastructure.Persistence;
using Lms.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lms.Web.Tests.Certificates;

/// <summary>
/// Issuing certificates end to end on real PostgreSQL and real Hangfire: a teacher completes a course, the outbox hands
/// the event to a Hangfire job, the certificate is numbered, drawn and stored; the teacher downloads it, anyone checks
/// it; administrators revoke and reissue. Exactly one per person and course, however often the job runs.
/// </summary>
public sealed class IssuingTests(LmsAppFactory app) : IClassFixture<LmsAppFactory>
{
    private static readonly DateTime Then = new(2026, 11, 24, 3, 0, 0, DateTimeKind.Utc);

    /// <summary>A published one-page course awarding <paramref name="templateId"/>, and a new teacher enrolled in it.</summary>
    private async Task<(Guid CourseId, Guid ActivityId, Guid Person, string Login)> CourseWithLearnerAsync(Guid? templateId, string title)
    {
        var course = new Course(Guid.NewGuid(), title, "", new FiscalYear(2570), 12, Guid.Empty, Then);
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
        return (course.Id, activity, person, login);
    }

    private async Task<Certificate> ReadyCertificateAsync(Guid person, Guid subject)
    {
        for (var i = 0; i < 300; i++)
        {
            var c = await app.DbAsync(db => db.Certificates.AsNoTracking()
                .FirstOrDefaultAsync(x => x.PersonId == person && x.SubjectId == subject && x.SupersededAtUtc == null && x.FileKey != null));
            if (c is not null) return c;
            await Task.Delay(100);
        }
        throw new TimeoutException("no certificate was drawn within 30 s");
    }

    [Fact]
    public async Task Completing_a_course_issues_a_numbered_certificate_the_teacher_downloads_and_anyone_can_verify()
    {
        var template = await app.OfficeTemplateAsync();
        var (courseId, activity, person, login) = await CourseWithLearnerAsync(template, "การออกแบบการเรียนรู้เชิงรุก");
        var teacher = app.NewClient();
        await teacher.SignInOkAsync(login);

        // Opening the only page completes the course; the certificate follows through the outbox and Hangfire.
        Assert.Equal(HttpStatusCode.OK, (await teacher.GetAsync($"/Learn/Activity/{courseId}/{activity}")).StatusCode);
        var c = await ReadyCertificateAsync(person, courseId);

        Assert.Matches(@"^สพม\.สท \d{4}/25\d\d$", c.SerialNumber);
        // "Your certificate is ready" — and the bell on the learner's pages, counted in their one snapshot statement.
        for (var i = 0; i < 100 && await app.DbAsync(db => db.Notifications.CountAsync(n => n.PersonId == person)) == 0; i++) await Task.Delay(100);
        foreach (var url in new[] { $"/Learn/Course/{courseId}", $"/Learn/Activity/{courseId}/{activity}" })
            Assert.Equal("1", (await teacher.PageAsync(url)).QuerySelector("[data-testid=bell] [data-unread-count]")!.TextContent);
        Assert.Equal("นายทดสอบ " + login, c.RecipientName);
        Assert.Equal(12m, c.CreditHours);
        var mine = await teacher.PageAsync("/Learn/Certificates");
        var item = mine.QuerySelector($"#certificate-{c.Id}")!;
        Assert.Contains("การออกแบบการเรียนรู้เชิงรุก", item.TextContent);
        Assert.Contains(c.SerialNumber, item.TextContent);

        var pdf = await teacher.GetAsync($"/certificates/{c.Id}.pdf");
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString((await pdf.Content.ReadAsByteArrayAsync())[..4]));

        // Somebody else's certificate is not there for another teacher (not even "forbidden").
        var other = app.NewClient();
        await other.SignInOkAsync((await app.CreatePersonAsync([SystemRole.Learner])).UserName);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/certificates/{c.Id}.pdf")).StatusCode);

        // The QR code's page, for anyone: valid, the name, the course, the date — and not the number or the school.
        var verify = await app.NewClient().PageAsync($"/verify/{c.VerificationCode}");
        Assert.NotNull(verify.QuerySelector(".verification.valid"));
        Assert.Equal(c.RecipientName, verify.Text(".recipient"));
        Assert.Equal("การออกแบบการเรียนรู้เชิงรุก", verify.Text(".subject"));
        Assert.DoesNotContain(c.SerialNumber, verify.Body!.TextContent);
        Assert.Equal(HttpStatusCode.NotFound, (await app.NewClient().GetAsync("/verify/AAAAAAAAAAAAAAAAAAAA")).StatusCode);
    }

    [Fact]
    public async Task A_course_without_a_design_issues_nothing()
    {
        var (courseId, activity, person, login) = await CourseWithLearnerAsync(null, "ไม่มีเกียรติบัตร");
        var teacher = app.NewClient();
        await teacher.SignInOkAsync(login);
        await teacher.GetAsync($"/Learn/Activity/{courseId}/{activity}");
        await app.ScopeAsync(async sp =>
        {
            var enrolment = await sp.GetRequiredService<LmsDbContext>().Enrolments.SingleAsync(e => e.CourseId == courseId);
            Assert.NotNull(enrolment.CompletedAtUtc);
            await sp.GetRequiredService<CertificateJobs>().IssueForCompletionAsync(enrolment.Id, default);
        });
        Assert.Equal(0, await app.DbAsync(db => db.Certificates.CountAsync(c => c.PersonId == person)));
    }

    [Fact]
    public async Task The_job_run_eight_times_at_once_for_one_completion_gives_one_certificate_and_one_number()
    {
        var template = await app.OfficeTemplateAsync();
        var (courseId, activity, _, login) = await CourseWithLearnerAsync(template, "งานซ้ำ");
        var teacher = app.NewClient();
        await teacher.SignInOkAsync(login);
        await teacher.GetAsync($"/Learn/Activity/{courseId}/{activity}"); // completes; the outbox queues the job too
        var enrolmentId = await app.DbAsync(db => db.Enrolments.Where(x => x.CourseId == courseId).Select(x => x.Id).SingleAsync());
        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            await using var scope = app.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<CertificateJobs>().IssueForCompletionAsync(enrolmentId, default);
        })));

        await Task.Delay(2000); // and let the outbox's own job run as well
        var rows = await app.DbAsync(db => db.Certificates.AsNoTracking().Where(c => c.SubjectId == courseId).ToListAsync());
        var only = Assert.Single(rows);
        Assert.NotNull(only.FileKey);
        // And the same number is never given to anyone else in that fiscal year.
        Assert.Equal(1, await app.DbAsync(db => db.Certificates.CountAsync(c => c.FiscalYear == only.FiscalYear && c.RunningNumber == only.RunningNumber)));
    }
}
