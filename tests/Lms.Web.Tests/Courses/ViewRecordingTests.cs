using Lms.Domain.Calendar;
using Lms.Domain.Courses;
using Lms.Domain.Enrolments;
using Lms.Domain.Organisation;
using Lms.Infrastructure.Courses;
using Lms.Infrastructure.Events;
using Lms.Infrastructure.Learning;
using Lms.Infrastructure.Persistence;
using Lms.Web.Learning;
using Lms.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lms.Web.Tests.Courses;

/// <summary>
/// Opening activities goes through the group-commit <see cref="ProgressWriter"/>: many learners' views share
/// one statement, yet each view is saved exactly once with its events, a stale or failing change does not
/// take the others with it, and a course completes together with its last required activity.
/// </summary>
public sealed class ViewRecordingTests(LmsAppFactory app) : IClassFixture<LmsAppFactory>
{
    private static readonly DateTime Then = new(2026, 11, 24, 3, 0, 0, DateTimeKind.Utc);

    /// <summary>A published course of page activities ("viewed" completes each) with the given demo teachers enrolled.</summary>
    private async Task<(Guid CourseId, Guid[] Activities, Guid[] People)> CourseAsync(int activities, int people)
    {
        var course = new Course(Guid.NewGuid(), "หลักสูตรทดสอบการบันทึก", "", new FiscalYear(2570), 3, Guid.Empty, Then);
        var section = course.AddSection(Guid.NewGuid(), "หน่วยที่ 1").Id;
        var ids = Enumerable.Range(1, activities).Select(_ => Guid.NewGuid()).ToArray();
        foreach (var (id, n) in ids.Select((id, n) => (id, n)))
            course.AddActivity(section, Activity.NewPage(id, $"บทที่ {n + 1}", "เนื้อหา"));
        Guid[] learners = [];
        await app.ScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<LmsDbContext>();
            db.Courses.Add(course);
            await sp.GetRequiredService<CoursePublisher>().PublishAsync(course, Guid.Empty);
            // Teachers not enrolled in anything yet (each test has a course of its own).
            learners = await db.People.Where(p => p.Position == Position.Teacher && !db.Enrolments.Any(e => e.PersonId == p.Id))
                .OrderBy(p => p.Id).Select(p => p.Id).Take(people).ToArrayAsync();
            Assert.Equal(people, learners.Length);
            db.Enrolments.AddRange(learners.Select(p => new Enrolment(Guid.NewGuid(), course.Id, p, EnrolmentSource.Administrator, null, Then)));
            await db.SaveChangesAsync();
        });
        return (course.Id, ids, learners);
    }

    private async Task<LearnerContext.RecordedView?> ViewAsync(Guid courseId, Guid person, Guid activity)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<LearnerContext>().RecordViewAsync(courseId, person, activity, default);
    }

    private async Task<ViewChange> ChangeAsync(Guid courseId, Guid person, Guid activity)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var snapshot = (await scope.ServiceProvider.GetRequiredService<LearnerSnapshotReader>().ReadAsync(courseId, person, default))!;
        return ViewChange.RecordView(snapshot.Enrolment!, snapshot.EnrolmentVersion, snapshot.Course.Outline(), activity, DateTime.UtcNow)!;
    }

    private Task<List<OutboxMessage>> EventsAsync(Guid courseId) => app.DbAsync(db => db.Set<OutboxMessage>()
        .FromSqlInterpolated($"SELECT * FROM outbox_messages WHERE payload->>'courseId' = {courseId.ToString()}").ToListAsync());

    [Fact]
    public async Task Two_hundred_views_at_once_are_each_saved_exactly_once_with_their_events_and_every_course_completes()
    {
        // 50 learners × 4 activities, all opened at once: a learner's 4 views race each other like tabs.
        var (courseId, activities, people) = await CourseAsync(activities: 4, people: 50);

        var views = await Task.WhenAll(people.SelectMany(p => activities.Select(a => ViewAsync(courseId, p, a))));

        Assert.All(views, v => Assert.False(v is null || v.NotOpen));
        Assert.Equal(people.Length, views.Count(v => !v!.WasComplete && v.Enrolment.IsComplete)); // one completing view each
        var enrolments = await app.DbAsync(db => db.Enrolments.AsNoTracking().Include(e => e.Progress)
            .Where(e => e.CourseId == courseId).ToListAsync());
        Assert.Equal(200, enrolments.Sum(e => e.Progress.Count(p => p.CompletedAtUtc is not null)));
        Assert.All(enrolments, e =>
        {
            Assert.Equal(1, e.CompletedVersion);
            // The course completed in the save of its last activity's completion.
            Assert.Equal(e.Progress.Max(p => p.CompletedAtUtc), e.CompletedAtUtc);
        });

        var events = await EventsAsync(courseId);
        var completed = events.Where(m => m.Type == typeof(ActivityCompleted).FullName)
            .Select(m => System.Text.Json.JsonSerializer.Deserialize<ActivityCompleted>(m.Payload, OutboxInterceptor.Json)!).ToList();
        Assert.Equal(200, completed.Count);
        Assert.Equal(200, completed.Select(e => (e.EnrolmentId, e.ActivityId)).Distinct().Count());
        var courses = events.Where(m => m.Type == typeof(CourseCompleted).FullName)
            .Select(m => System.Text.Json.JsonSerializer.Deserialize<CourseCompleted>(m.Payload, OutboxInterceptor.Json)!).ToList();
        Assert.Equal(enrolments.Select(e => e.Id).Order(), courses.Select(e => e.EnrolmentId).Order());
        // Same moment (PostgreSQL keeps microseconds, the event's JSON the clock's 100 ns ticks).
        Assert.All(courses, c => Assert.Equal(enrolments.Single(e => e.Id == c.EnrolmentId).CompletedAtUtc!.Value,
            c.OccurredAtUtc, TimeSpan.FromMicroseconds(1)));
    }

    [Fact]
    public async Task Snapshots_read_at_the_same_moment_are_each_the_readers_own()
    {
        // 20 learners, learner i has opened i % 4 of the 4 activities; the reads of all of them (twice each, like two tabs),
        // of a person not enrolled and of a course that does not exist arrive together and share statements.
        var (courseId, activities, people) = await CourseAsync(activities: 4, people: 20);
        foreach (var (person, i) in people.Select((p, i) => (p, i)))
            foreach (var activity in activities.Take(i % 4))
                await ViewAsync(courseId, person, activity);
        var outsider = await app.DbAsync(db => db.People.Where(p => !db.Enrolments.Any(e => e.PersonId == p.Id && e.CourseId == courseId))
            .Select(p => p.Id).FirstAsync());

        async Task<LearnerSnapshot?> ReadAsync(Guid course, Guid person)
        {
            await using var scope = app.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<LearnerSnapshotReader>().ReadAsync(course, person, default);
        }
        var reads = people.Concat(people).Select(p => (Person: p, Read: ReadAsync(courseId, p))).ToList();
        var notEnrolled = ReadAsync(courseId, outsider);
        var noCourse = ReadAsync(Guid.NewGuid(), people[0]);
        var snapshots = await Task.WhenAll(reads.Select(r => r.Read));
        await Task.WhenAll(notEnrolled, noCourse);

        foreach (var (person, snapshot) in reads.Select(r => r.Person).Zip(snapshots))
        {
            var enrolment = snapshot!.Enrolment!;
            Assert.Equal((courseId, person), (enrolment.CourseId, enrolment.PersonId));
            var opened = Array.IndexOf(people, person) % 4;
            Assert.Equal(activities.Take(opened).Order(), enrolment.Progress.Select(p => p.ActivityId).Order());
        }
        // Two tabs' reads are two enrolment objects: a page changing its own must not change the other's.
        Assert.All(people, p => Assert.Equal(2, reads.Select(r => r.Person).Zip(snapshots).Where(x => x.First == p)
            .Select(x => x.Second!.Enrolment).Distinct().Count()));
        Assert.Null((await notEnrolled)!.Enrolment);
        Assert.Equal(courseId, (await notEnrolled)!.Course.Id);
        Assert.Null(await noCourse);
    }

    [Fact]
    public async Task Thirty_two_parallel_views_by_one_person_all_succeed_and_complete_each_activity_once()
    {
        var (courseId, activities, people) = await CourseAsync(activities: 4, people: 1);

        var views = await Task.WhenAll(Enumerable.Range(0, 32).Select(n => ViewAsync(courseId, people[0], activities[n % 4])));

        Assert.All(views, v => Assert.NotNull(v));
        Assert.Single(views, v => !v!.WasComplete && v.Enrolment.IsComplete);
        var events = await EventsAsync(courseId);
        Assert.Equal(4, events.Count(m => m.Type == typeof(ActivityCompleted).FullName));
        Assert.Single(events, m => m.Type == typeof(CourseCompleted).FullName);
    }

    [Fact]
    public async Task A_change_that_fails_in_a_batch_does_not_lose_the_others()
    {
        var (courseId, activities, people) = await CourseAsync(activities: 2, people: 11);
        // The last learner has opened the first activity already; a change that claims its progress row is
        // new meets the primary key — as a parallel first view's would.
        await ViewAsync(courseId, people[^1], activities[0]);
        var changes = await Task.WhenAll(people.Select(p => ChangeAsync(courseId, p, activities[p == people[^1] ? 1 : 0])));
        var bad = changes[^1];
        var failing = new ViewChange
        {
            EnrolmentId = bad.EnrolmentId, ExpectedVersion = bad.ExpectedVersion, LastActivityId = activities[0],
            LastActivityAtUtc = DateTime.UtcNow, ActivityId = activities[0], ProgressIsNew = true,
            FirstViewedAtUtc = DateTime.UtcNow, FirstViewedChanged = true,
        };
        var writer = app.Services.GetRequiredService<ProgressWriter>();

        // Queued together, so that they share a batch (the writer takes whatever has arrived).
        var saves = changes[..^1].Select(c => writer.SaveAsync(c)).Append(writer.SaveAsync(failing)).ToList();
        var results = await Task.WhenAll(saves.Select(async s => { try { return (object)await s; } catch (Exception e) { return e; } }));

        Assert.All(results[..^1], r => Assert.Equal(true, r));
        Assert.True(PostgresErrors.IsUniqueViolation(Assert.IsAssignableFrom<Exception>(results[^1])));
        var progress = await app.DbAsync(db => db.Enrolments.AsNoTracking().Include(e => e.Progress)
            .Where(e => e.CourseId == courseId).ToListAsync());
        Assert.Equal(10, progress.Where(e => e.PersonId != people[^1])
            .Count(e => e.Progress.Any(p => p.ActivityId == activities[0] && p.CompletedAtUtc is not null)));
        var events = await EventsAsync(courseId);
        Assert.Equal(11, events.Count(m => m.Type == typeof(ActivityCompleted).FullName)); // 10 + the earlier view
        Assert.Single(progress.Single(e => e.PersonId == people[^1]).Progress); // nothing of the failed change
    }

    [Fact]
    public async Task A_change_read_before_another_save_is_not_saved_and_its_caller_applies_it_again()
    {
        var (courseId, activities, people) = await CourseAsync(activities: 2, people: 1);
        var stale = await ChangeAsync(courseId, people[0], activities[0]);
        Assert.NotNull(await ViewAsync(courseId, people[0], activities[1])); // saved meanwhile

        Assert.False(await app.Services.GetRequiredService<ProgressWriter>().SaveAsync(stale));
        var enrolment = await app.DbAsync(db => db.Enrolments.AsNoTracking().Include(e => e.Progress).SingleAsync(e => e.CourseId == courseId));
        Assert.Equal([activities[1]], enrolment.Progress.Select(p => p.ActivityId));
        Assert.Single(await EventsAsync(courseId));

        // Through the learner context the same view is re-read and applied: it completes the course.
        var view = await ViewAsync(courseId, people[0], activities[0]);
        Assert.True(view!.Enrolment.IsComplete && !view.WasComplete);
        Assert.Equal(3, (await EventsAsync(courseId)).Count); // 2 × ActivityCompleted + CourseCompleted
    }

    [Fact]
    public async Task A_repeat_view_within_the_view_resolution_writes_nothing_and_not_enrolled_or_unknown_is_null()
    {
        var (courseId, activities, people) = await CourseAsync(activities: 1, people: 1);
        await ViewAsync(courseId, people[0], activities[0]);
        var version = await app.DbAsync(db => db.Enrolments.Where(e => e.CourseId == courseId)
            .Select(e => EF.Property<uint>(e, ConcurrencyToken.PropertyName)).SingleAsync());

        var again = await ViewAsync(courseId, people[0], activities[0]);

        Assert.True(again!.WasComplete);
        Assert.Equal(version, await app.DbAsync(db => db.Enrolments.Where(e => e.CourseId == courseId)
            .Select(e => EF.Property<uint>(e, ConcurrencyToken.PropertyName)).SingleAsync()));
        var stranger = await app.DbAsync(db => db.People.Where(p => !db.Enrolments.Any(e => e.PersonId == p.Id && e.CourseId == courseId))
            .Select(p => p.Id).FirstAsync());
        Assert.Null(await ViewAsync(courseId, stranger, activities[0]));
        Assert.Null(await ViewAsync(courseId, people[0], Guid.NewGuid()));
        Assert.Null(await ViewAsync(Guid.NewGuid(), people[0], activities[0]));
    }
}
