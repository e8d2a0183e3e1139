using System.Net;
using System.Net.Sockets;
using System.Text;
using Hangfire;
using Hangfire.Storage.Monitoring;
using Lms.Domain.Notifications;
using Lms.Domain.Organisation;
using Lms.Infrastructure.Notifications;
using Lms.Infrastructure.Persistence;
using Lms.Web.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using netDumbster.smtp;

namespace Lms.Web.Tests.Notifications;

/// <summary>A send-time check as the reminder feature will register: occasions named "stale:…" have passed.</summary>
public sealed class StaleOccasions : INotificationRelevance
{
    public Task<bool> IsStillRelevantAsync(Guid personId, NotificationKind kind, string occasionKey, CancellationToken ct) =>
        Task.FromResult(!occasionKey.StartsWith("stale:", StringComparison.Ordinal));
}

/// <summary>The app with the test's relevance check and a clock the test sets.</summary>
public sealed class MailingApp : LmsAppFactory
{
    public MailingApp() => UseFakeClock = true;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(s => s.AddScoped<INotificationRelevance, StaleOccasions>());
    }
}

/// <summary>
/// Notification e-mails through a real SMTP conversation with a local sink, sent by Hangfire jobs: Thai text, links
/// straight to the thing, quiet hours, the daily digest, and the send-time relevance check.
/// </summary>
public sealed class EmailDeliveryTests : IAsyncLifetime
{
    private const string PublicBase = "https://lms.test.example";
    private readonly SimpleSmtpServer smtp = SimpleSmtpServer.Start(FreePort());
    private readonly MailingApp app;

    /// <summary>10:00 on 24 Nov 2026 in Thailand: e-mails go at once.</summary>
    private static readonly DateTimeOffset Morning = new(2026, 11, 24, 3, 0, 0, TimeSpan.Zero);

    public EmailDeliveryTests()
    {
        app = new MailingApp();
        app.With("Email:Mode", "Smtp").With("Email:SmtpHost", "127.0.0.1").With("Email:SmtpPort", smtp.Configuration.Port.ToString())
            .With("App:PublicBaseUrl", PublicBase);
    }

    public Task InitializeAsync() => ((IAsyncLifetime)app).InitializeAsync();

    public async Task DisposeAsync()
    {
        await ((IAsyncLifetime)app).DisposeAsync();
        smtp.Stop();
    }

    [Fact]
    public async Task An_email_too_notification_arrives_in_Thai_with_a_link_straight_to_the_thing_and_only_once()
    {
        app.Clock.SetUtcNow(Morning);
        var (teacher, login) = await app.CreatePersonAsync([SystemRole.Learner]);
        await app.NotifyAsync(teacher, "submission:7:graded", NotificationKind.AssignmentGraded, "งาน \"แผนการจัดการเรียนรู้\" ได้รับการตรวจแล้ว",
            "ได้ 8 จาก 10 คะแนน\n\nความเห็นของวิทยากร: ดีมาก", "/Learn/Course/5");

        var mail = await MailToAsync(login);
        Assert.Equal("[แจ้งเตือน] งาน \"แผนการจัดการเรียนรู้\" ได้รับการตรวจแล้ว", mail.Subject);
        Assert.Contains("ได้ 8 จาก 10 คะแนน", mail.TextBody);
        Assert.Contains("ความเห็นของวิทยากร: ดีมาก", mail.TextBody);
        Assert.Contains($"เปิดดู: {PublicBase}/Learn/Course/5", mail.TextBody);
        Assert.Contains($"href=\"{PublicBase}/Learn/Course/5\"", mail.HtmlBody);
        Assert.Contains($"{PublicBase}/Account/Notifications", mail.TextBody);
        // Marked sent just after the mail server accepted it.
        var n = await WaitForAsync(teacher, "submission:7:graded", x => x.EmailedAtUtc is not null);
        Assert.Equal(Morning.UtcDateTime, n.EmailedAtUtc);

        // The job again (a Hangfire retry, the sweep): nothing more is sent.
        await RunEmailJobAsync(n.Id);
        Assert.Single(MailsTo(login));
    }

    [Fact]
    public async Task A_notification_at_ten_at_night_is_emailed_at_seven_the_next_morning()
    {
        var tenPm = new DateTimeOffset(2026, 11, 24, 15, 0, 0, TimeSpan.Zero); // 22:00 in Thailand
        app.Clock.SetUtcNow(tenPm);
        var (teacher, login) = await app.CreatePersonAsync([SystemRole.Learner]);
        await app.NotifyAsync(teacher, "certificate:night");
        var n = await app.NotificationAsync(teacher, "certificate:night");
        var sevenAm = new DateTime(2026, 11, 25, 0, 0, 0, DateTimeKind.Utc); // 07:00 in Thailand
        Assert.Equal(sevenAm, n.EmailDueAtUtc);

        // Hangfire holds the job for the nine hours until then.
        var (jobId, job) = await ScheduledEmailJobAsync(n.Id, except: null);
        Assert.InRange(job.EnqueueAt, DateTime.UtcNow.AddHours(9).AddMinutes(-2), DateTime.UtcNow.AddHours(9).AddMinutes(1));

        // Run early (an administrator pressed "requeue" at 06:59): it waits again, for one more minute.
        app.Clock.SetUtcNow(sevenAm.AddMinutes(-1));
        Requeue(jobId);
        var (againId, again) = await ScheduledEmailJobAsync(n.Id, except: jobId);
        Assert.InRange(again.EnqueueAt, DateTime.UtcNow.AddSeconds(30), DateTime.UtcNow.AddMinutes(1).AddSeconds(5));
        Assert.Empty(MailsTo(login));

        // 07:00: the job runs and the e-mail goes.
        app.Clock.SetUtcNow(sevenAm);
        Requeue(againId);
        var mail = await MailToAsync(login);
        Assert.Contains("ได้รับเกียรติบัตร", mail.Subject);
        Assert.Equal(sevenAm, (await WaitForAsync(teacher, "certificate:night", x => x.EmailedAtUtc is not null)).EmailedAtUtc);
    }

    [Fact]
    public async Task A_person_who_switched_to_in_the_app_only_before_the_morning_gets_no_email()
    {
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 24, 16, 0, 0, TimeSpan.Zero)); // 23:00 in Thailand
        var (teacher, login) = await app.CreatePersonAsync([SystemRole.Learner]);
        await app.NotifyAsync(teacher, "certificate:changed-mind");
        var n = await app.NotificationAsync(teacher, "certificate:changed-mind");
        await SetChoiceAsync(teacher, NotificationKind.CertificateIssued, DeliveryChoice.InAppOnly);

        app.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 25, 0, 0, 0, TimeSpan.Zero));
        await RunEmailJobAsync(n.Id);
        var after = await app.NotificationAsync(teacher, "certificate:changed-mind");
        Assert.Equal(EmailDropReason.ChoiceChanged, after.DropReason);
        Assert.Null(after.EmailedAtUtc);
        Assert.Empty(MailsTo(login));
    }

    [Fact]
    public async Task An_email_whose_occasion_has_passed_by_send_time_is_dropped_and_recorded_not_sent()
    {
        app.Clock.SetUtcNow(Morning);
        var (teacher, login) = await app.CreatePersonAsync([SystemRole.Learner]);
        await app.NotifyAsync(teacher, "stale:quiz:3:closing", NotificationKind.QuizClosing, "แบบทดสอบหลังเรียนจะปิดพรุ่งนี้");

        var n = await WaitForAsync(teacher, "stale:quiz:3:closing", x => x.DroppedAtUtc is not null);
        Assert.Equal(EmailDropReason.NoLongerRelevant, n.DropReason);
        Assert.Null(n.EmailedAtUtc);
        Assert.Empty(MailsTo(login));
        // It is still in the app.
        var browser = app.NewClient();
        await browser.SignInOkAsync(login);
        Assert.Contains("แบบทดสอบหลังเรียนจะปิดพรุ่งนี้", (await browser.PageAsync("/Notifications")).Text(".notification-list"));
    }

    [Fact]
    public async Task A_person_without_an_email_address_is_skipped()
    {
        app.Clock.SetUtcNow(Morning);
        var (teacher, _) = await app.CreatePersonAsync([SystemRole.Learner]);
        await app.DbAsync(db => db.Database.ExecuteSqlInterpolatedAsync(
            $"UPDATE users SET email = NULL, normalized_email = NULL WHERE id = {teacher}"));
        await app.NotifyAsync(teacher, "certificate:no-address");
        var n = await WaitForAsync(teacher, "certificate:no-address", x => x.DroppedAtUtc is not null);
        Assert.Equal(EmailDropReason.NoEmailAddress, n.DropReason);
    }

    [Fact]
    public async Task An_email_claimed_by_a_running_job_is_left_to_it_and_one_whose_claimer_died_is_sent_after_the_lease()
    {
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 24, 16, 0, 0, TimeSpan.Zero)); // 23:00: the job waits for morning
        var (teacher, login) = await app.CreatePersonAsync([SystemRole.Learner]);
        await app.NotifyAsync(teacher, "certificate:claimed");
        var n = await app.NotificationAsync(teacher, "certificate:claimed");
        var morning = new DateTimeOffset(2026, 11, 25, 0, 0, 0, TimeSpan.Zero);
        app.Clock.SetUtcNow(morning);

        // Another worker claimed it a minute ago and is sending: this run leaves it alone.
        await ClaimAsync(n.Id, morning.UtcDateTime.AddMinutes(-1));
        await RunEmailJobAsync(n.Id);
        Assert.Empty(MailsTo(login));

        // That worker died mid-send and its claim is older than the lease (5 minutes): the e-mail goes, once.
        await ClaimAsync(n.Id, morning.UtcDateTime.AddMinutes(-6));
        await RunEmailJobAsync(n.Id);
        await RunEmailJobAsync(n.Id);
        Assert.Single(MailsTo(login));
        Assert.Equal(morning.UtcDateTime, (await app.NotificationAsync(teacher, "certificate:claimed")).EmailedAtUtc);
    }

    [Fact]
    public async Task The_sweep_sends_an_email_whose_job_was_lost()
    {
        app.Clock.SetUtcNow(Morning);
        var (teacher, login) = await app.CreatePersonAsync([SystemRole.Learner]);
        // As if the process died between storing the notification and scheduling its e-mail: a row, no job.
        var id = Guid.NewGuid();
        var due = Morning.UtcDateTime.AddMinutes(-20);
        await app.DbAsync(db => db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO notifications (id, person_id, kind, occasion_key, title, body, link, created_at_utc, delivery, email_due_at_utc)
            VALUES ({id}, {teacher}, {(int)NotificationKind.CertificateIssued}, 'certificate:lost', 'เกียรติบัตรที่งานส่งหายไป', '', '/Learn',
                    {due}, {(int)DeliveryChoice.EmailToo}, {due})
            """));
        await app.ScopeAsync(sp => ActivatorUtilities.CreateInstance<NotificationEmailJob>(sp).SweepAsync(CancellationToken.None));
        var mail = await MailToAsync(login);
        Assert.Equal("[แจ้งเตือน] เกียรติบัตรที่งานส่งหายไป", mail.Subject);
    }

    [Fact]
    public async Task The_daily_digest_sends_one_email_listing_the_days_digest_notifications_and_marks_them_digested()
    {
        app.Clock.SetUtcNow(Morning);
        var (teacher, login) = await app.CreatePersonAsync([SystemRole.Learner]);
        await SetChoiceAsync(teacher, NotificationKind.CertificateIssued, DeliveryChoice.DailyDigest);
        await app.NotifyAsync(teacher, "no-progress:1", NotificationKind.NoProgress, "ไม่มีความคืบหน้าในรายวิชา การจัดการเรียนรู้เชิงรุก", link: "/Learn/Course/1");
        await app.NotifyAsync(teacher, "no-progress:2", NotificationKind.NoProgress, "ไม่มีความคืบหน้าในรายวิชา การวัดและประเมินผล", link: "/Learn/Course/2");
        await app.NotifyAsync(teacher, "stale:no-progress:3", NotificationKind.NoProgress, "รายวิชาที่เรียนจบไปแล้ว");
        await app.NotifyAsync(teacher, "certificate:4", NotificationKind.CertificateIssued, "ได้รับเกียรติบัตร PLC", link: "/Learn");
        await app.NotifyAsync(teacher, "graded:5", NotificationKind.AssignmentGraded, "งานได้รับการตรวจแล้ว"); // e-mail too, not in the digest

        app.Services.GetRequiredService<IRecurringJobManager>().Trigger(NotificationDigestJob.RecurringId);
        var digest = await MailToAsync(login, m => (m.Subject ?? "").StartsWith("สรุป", StringComparison.Ordinal));
        Assert.Equal("สรุปการแจ้งเตือนประจำวันที่ 24 พฤศจิกายน 2569 (3 รายการ)", digest.Subject);
        Assert.Contains("1. ไม่มีความคืบหน้าในรายวิชา การจัดการเรียนรู้เชิงรุก", digest.TextBody);
        Assert.Contains("ไม่มีความคืบหน้าในรายวิชา การวัดและประเมินผล", digest.TextBody);
        Assert.Contains("ได้รับเกียรติบัตร PLC", digest.TextBody);
        Assert.Contains($"{PublicBase}/Learn/Course/2", digest.TextBody);
        Assert.DoesNotContain("รายวิชาที่เรียนจบไปแล้ว", digest.TextBody);
        Assert.DoesNotContain("งานได้รับการตรวจแล้ว", digest.TextBody);

        // The job marks them digested just after the mail server accepted the message: wait for that write.
        var rows = await app.DbAsync(db => db.Notifications.Where(n => n.PersonId == teacher && n.Delivery == DeliveryChoice.DailyDigest).ToListAsync());
        for (var i = 0; i < 50 && rows.Count(n => n.DigestedAtUtc is not null) < 3; i++)
        {
            await Task.Delay(100);
            rows = await app.DbAsync(db => db.Notifications.Where(n => n.PersonId == teacher && n.Delivery == DeliveryChoice.DailyDigest).ToListAsync());
        }
        Assert.Equal(3, rows.Count(n => n.DigestedAtUtc == Morning.UtcDateTime));
        Assert.Equal(EmailDropReason.NoLongerRelevant, rows.Single(n => n.OccasionKey.StartsWith("stale:")).DropReason);

        // The digest again (a retry, a second instance): nothing is sent twice.
        await app.ScopeAsync(sp => ActivatorUtilities.CreateInstance<NotificationDigestJob>(sp).SendForAsync(teacher, Morning.UtcDateTime, CancellationToken.None));
        Assert.Single(MailsTo(login), m => (m.Subject ?? "").StartsWith("สรุป", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Many_notifications_at_once_are_stored_once_each_skip_inactive_people_and_their_emails_go_out_in_one_job()
    {
        app.Clock.SetUtcNow(Morning);
        var people = new List<(Guid Id, string Login)>();
        for (var i = 0; i < 3; i++) people.Add(await app.CreatePersonAsync([SystemRole.Learner]));
        var (inactive, _) = await app.CreatePersonAsync([SystemRole.Learner]);
        await app.DbAsync(async db =>
        {
            (await db.People.SingleAsync(p => p.Id == inactive)).Deactivate(DateTime.UtcNow);
            return await db.SaveChangesAsync();
        });
        // The first person was already told about this occasion one by one: the batch must not tell them again.
        await app.NotifyAsync(people[0].Id, "certificate:batch-0", NotificationKind.CertificateIssued, "ได้รับเกียรติบัตรแล้ว", "ฉบับแรก", "/Learn/Certificates");
        await MailToAsync(people[0].Login);

        var requests = people.Select((p, i) => new NotificationRequest(p.Id, NotificationKind.CertificateIssued, $"certificate:batch-{i}",
                "ได้รับเกียรติบัตรแล้ว", $"เกียรติบัตรเลขที่ {i + 1}", "/Learn/Certificates"))
            .Append(new NotificationRequest(inactive, NotificationKind.CertificateIssued, "certificate:batch-9", "ได้รับเกียรติบัตรแล้ว", "x", "/Learn/Certificates"))
            .ToList();
        var stored = 0;
        await app.ScopeAsync(async sp => stored = await sp.GetRequiredService<INotifier>().NotifyManyAsync(requests, default));

        Assert.Equal(2, stored);
        Assert.Contains("เกียรติบัตรเลขที่ 2", (await MailToAsync(people[1].Login)).TextBody);
        Assert.Contains("เกียรติบัตรเลขที่ 3", (await MailToAsync(people[2].Login)).TextBody);
        Assert.Equal(1, await app.DbAsync(db => db.Notifications.CountAsync(n => n.PersonId == people[0].Id)));
        Assert.Equal(0, await app.DbAsync(db => db.Notifications.CountAsync(n => n.PersonId == inactive)));
        await Task.Delay(1000);
        Assert.Single(MailsTo(people[1].Login));
        Assert.Single(MailsTo(people[0].Login)); // the one sent before the batch, not a second
    }

    private async Task<MimeMessage> MailToAsync(string login, Func<MimeMessage, bool>? which = null)
    {
        for (var i = 0; i < 200; i++)
        {
            var mail = MailsTo(login).FirstOrDefault(which ?? (_ => true));
            if (mail is not null) return mail;
            await Task.Delay(100);
        }
        throw new TimeoutException($"no e-mail reached {login}@test.example");
    }

    private List<MimeMessage> MailsTo(string login) => smtp.ReceivedEmail
        .Where(m => m.ToAddresses.Any(a => a.Address == $"{login}@test.example"))
        .Select(m => MimeMessage.Load(new MemoryStream(Encoding.UTF8.GetBytes(m.Data)))).ToList();

    private async Task<Notification> WaitForAsync(Guid person, string occasion, Func<Notification, bool> condition)
    {
        for (var i = 0; i < 200; i++)
        {
            var n = await app.NotificationAsync(person, occasion);
            if (condition(n)) return n;
            await Task.Delay(100);
        }
        throw new TimeoutException($"notification {occasion} did not reach the expected state");
    }

    private Task ClaimAsync(Guid id, DateTime claimedAtUtc) => app.DbAsync(db => db.Database.ExecuteSqlInterpolatedAsync(
        $"UPDATE notifications SET email_claimed_at_utc = {claimedAtUtc} WHERE id = {id}"));

    private Task RunEmailJobAsync(Guid id) =>
        app.ScopeAsync(sp => ActivatorUtilities.CreateInstance<NotificationEmailJob>(sp).SendAsync(id, CancellationToken.None));

    private async Task<(string Id, ScheduledJobDto Job)> ScheduledEmailJobAsync(Guid notificationId, string? except)
    {
        var monitor = app.Services.GetRequiredService<JobStorage>().GetMonitoringApi();
        for (var i = 0; i < 200; i++)
        {
            var found = monitor.ScheduledJobs(0, 1000).FirstOrDefault(j => j.Key != except && j.Value.Job is { } job
                && job.Type == typeof(NotificationEmailJob) && job.Args.Count > 0 && job.Args[0] is Guid id && id == notificationId);
            if (found.Key is not null) return (found.Key, found.Value);
            await Task.Delay(100);
        }
        throw new TimeoutException($"no scheduled e-mail job for notification {notificationId}");
    }

    private void Requeue(string jobId) => Assert.True(app.Services.GetRequiredService<IBackgroundJobClient>().Requeue(jobId));

    private Task SetChoiceAsync(Guid person, NotificationKind kind, DeliveryChoice choice) => app.ScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<LmsDbContext>();
        var prefs = await db.NotificationPreferences.FirstOrDefaultAsync(p => p.PersonId == person);
        if (prefs is null) db.NotificationPreferences.Add(prefs = new NotificationPreferences(person, DateTime.UtcNow));
        prefs.ChooseAll(new Dictionary<NotificationKind, DeliveryChoice> { [kind] = choice }, DateTime.UtcNow);
        await db.SaveChangesAsync();
    });

    private static int FreePort()
    {
        var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        var port = ((IPEndPoint)l.LocalEndpoint).Port;
        l.Stop();
        return port;
    }
}
