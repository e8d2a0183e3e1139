using System.Collections.Concurrent;
using Lms.Domain.Calendar;
using Lms.Domain.Courses;
using Lms.Domain.Enrolments;
using Lms.Infrastructure.Events;
using Lms.Infrastructure.Persistence;
using Lms.Web.Tests.Support;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lms.Web.Tests.Events;

/// <summary>Records what the "certificates" feature would receive.</summary>
public sealed class RecordingHandler : IDomainEventHandler<CourseCompleted>
{
    public static readonly ConcurrentBag<CourseCompleted> Received = [];
    public static volatile bool FailNext;

    public Task HandleAsync(CourseCompleted e, CancellationToken ct)
    {
        if (FailNext)
        {
            FailNext = false;
            throw new InvalidOperationException("simulated crash in a subscriber");
        }
        Received.Add(e);
        return Task.CompletedTask;
    }
}

public sealed class OutboxApp : LmsAppFactory
{
    protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Outbox:PollInterval", "00:00:00.100");
        builder.ConfigureTestServices(s => s.AddDomainEventHandler<CourseCompleted, RecordingHandler>());
    }
}

public sealed class OutboxTests(OutboxApp app) : IClassFixture<OutboxApp>
{
    private static readonly DateTime Now = new(2026, 11, 24, 3, 0, 0, DateTimeKind.Utc);

    private async Task<(Guid EnrolmentId, Guid PersonId)> CompleteACourseAsync(LmsDbContext? inTransaction = null)
    {
        var (personId, _) = await app.CreatePersonAsync([Lms.Domain.Organisation.SystemRole.Learner]);
        var course = new Course(Guid.NewGuid(), "หลักสูตรสั้น", "", new FiscalYear(2570), 1, Guid.Empty, Now);
        var page = Guid.NewGuid();
        course.AddActivity(course.AddSection(Guid.NewGuid(), "หน่วยเดียว").Id, Activity.NewPage(page, "อ่าน", "เนื้อหา"));
        course.Publish(Now);
        var enrolment = new Enrolment(Guid.NewGuid(), course.Id, personId, EnrolmentSource.Self, null, Now);
        enrolment.RecordView(CourseOutline.From(course), page, Now); // completes the course
        if (inTransaction is { } open)
        {
            open.Courses.Add(course);
            open.Enrolments.Add(enrolment);
            await open.SaveChangesAsync();
            return (enrolment.Id, personId);
        }
        await app.DbAsync(async db =>
        {
            db.Courses.Add(course);
            db.Enrolments.Add(enrolment);
            return await db.SaveChangesAsync();
        });
        return (enrolment.Id, personId);
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        for (var i = 0; i < 100 && !condition(); i++) await Task.Delay(100);
        Assert.True(condition(), "timed out waiting for the outbox");
    }

    [Fact]
    public async Task A_completed_course_reaches_its_subscriber_exactly_once()
    {
        var (enrolmentId, personId) = await CompleteACourseAsync();

        var rows = await app.DbAsync(db => db.Set<OutboxMessage>().Where(m => m.Type == typeof(CourseCompleted).FullName).ToListAsync());
        Assert.Single(rows, m => m.Payload.Contains(enrolmentId.ToString()));
        await WaitUntil(() => RecordingHandler.Received.Any(e => e.EnrolmentId == enrolmentId));
        await Task.Delay(500); // a few more polling rounds must not deliver it again
        var received = Assert.Single(RecordingHandler.Received, e => e.EnrolmentId == enrolmentId);
        Assert.Equal(personId, received.PersonId);
    }

    [Fact]
    public async Task A_subscriber_that_fails_gets_the_event_again_later()
    {
        RecordingHandler.FailNext = true;
        var (enrolmentId, _) = await CompleteACourseAsync();
        await WaitUntil(() => RecordingHandler.Received.Any(e => e.EnrolmentId == enrolmentId) ||
                              app.Db(db => db.Set<OutboxMessage>().Any(m => m.Attempts > 0)));
        // The failed attempt is recorded with its error and retried after the backoff (2 s for the first retry).
        await WaitUntil(() => RecordingHandler.Received.Any(e => e.EnrolmentId == enrolmentId));
        Assert.Single(RecordingHandler.Received, e => e.EnrolmentId == enrolmentId);
    }

    [Fact]
    public async Task An_event_whose_transaction_commits_after_a_later_one_is_still_handled()
    {
        // The dispatcher reads on from the highest id it has taken; an id handed out earlier but committed later is
        // behind that point and must still be found (by the periodic full scan).
        using var scope = app.Services.CreateScope();
        var slow = scope.ServiceProvider.GetRequiredService<LmsDbContext>();
        await using var tx = await slow.Database.BeginTransactionAsync();
        var (earlier, _) = await CompleteACourseAsync(slow);
        var (later, _) = await CompleteACourseAsync();
        await WaitUntil(() => RecordingHandler.Received.Any(e => e.EnrolmentId == later));
        Assert.DoesNotContain(RecordingHandler.Received, e => e.EnrolmentId == earlier);

        await tx.CommitAsync();
        await WaitUntil(() => RecordingHandler.Received.Any(e => e.EnrolmentId == earlier));
        var rows = await app.DbAsync(db => db.Set<OutboxMessage>().Where(m => m.Type == typeof(CourseCompleted).FullName).ToListAsync());
        var ids = rows.Where(m => m.Payload.Contains(earlier.ToString()) || m.Payload.Contains(later.ToString()))
            .OrderBy(m => m.Id).Select(m => m.Payload).ToList();
        Assert.Contains(earlier.ToString(), ids[0]); // it really was the lower id
        Assert.Single(RecordingHandler.Received, e => e.EnrolmentId == earlier);
    }
}
