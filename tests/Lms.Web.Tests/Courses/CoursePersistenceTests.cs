using Lms.Domain.Calendar;
using Lms.Domain.Courses;
using Lms.Domain.Enrolments;
using Lms.Domain.Organisation;
using Lms.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lms.Web.Tests.Courses;

/// <summary>The course and enrolment model survives a round trip through PostgreSQL unchanged.</summary>
public sealed class CoursePersistenceTests(LmsAppFactory app) : IClassFixture<LmsAppFactory>
{
    private static readonly DateTime Now = new(2026, 11, 24, 3, 0, 0, DateTimeKind.Utc);

    private async Task<(Course Course, Guid Page, Guid Assignment)> SaveCourseAsync()
    {
        var designer = await app.DbAsync(db => db.Users.Where(u => u.UserName == "designer").Select(u => u.Id).SingleAsync());
        var course = new Course(Guid.NewGuid(), "การออกแบบการเรียนรู้", "Learning design", new FiscalYear(2570), 12.5m, designer, Now);
        course.Target([Position.AssistantTeacher, Position.Teacher]);
        var s1 = course.AddSection(Guid.NewGuid(), "หน่วยที่ 1");
        var page = Guid.NewGuid();
        var assignment = Guid.NewGuid();
        course.AddActivity(s1.Id, Activity.NewPage(page, "อ่าน", "# หัวข้อ\nเนื้อหา"));
        course.AddActivity(s1.Id, Activity.NewAssignment(assignment, "ส่งงาน", "ทำแผน",
            [RubricCriterion.Create("ครบถ้วน", 4), RubricCriterion.Create("สร้างสรรค์", 6)]));
        course.ChangeActivity(assignment, a => a.SetRules(CompletionCriterion.GradedAtLeastPassMark, 6, page, null));
        course.SetCompletion(CourseCompletionMode.ChosenActivities, [assignment]);
        await app.ScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<Lms.Infrastructure.Persistence.LmsDbContext>();
            db.Courses.Add(course);
            await sp.GetRequiredService<Lms.Infrastructure.Courses.CoursePublisher>().PublishAsync(course, designer);
        });
        return (course, page, assignment);
    }

    [Fact]
    public async Task A_course_with_sections_activities_rubric_and_rules_reloads_unchanged()
    {
        var (saved, page, assignment) = await SaveCourseAsync();
        var loaded = await app.DbAsync(db => db.Courses.AsNoTracking()
            .Include(c => c.Sections).ThenInclude(s => s.Activities).SingleAsync(c => c.Id == saved.Id));

        Assert.Equal("การออกแบบการเรียนรู้", loaded.TitleTh);
        Assert.Equal(12.5m, loaded.CreditHours);
        Assert.Equal([Position.AssistantTeacher, Position.Teacher], loaded.TargetPositions);
        Assert.Equal([assignment], loaded.ChosenActivityIds);
        Assert.Equal((CourseStatus.Published, 1), (loaded.Status, loaded.PublishedVersion));
        var a = loaded.AllActivities.Single(x => x.Id == assignment);
        Assert.Equal(["ครบถ้วน", "สร้างสรรค์"], a.Rubric.Select(r => r.Title));
        Assert.Equal(10m, a.MaxScore);
        Assert.Equal((CompletionCriterion.GradedAtLeastPassMark, 6m, page), (a.Criterion, a.PassMark!.Value, a.OpensAfterActivityId!.Value));
        Assert.Equal(CourseOutline.From(saved).RequiredActivityIds, CourseOutline.From(loaded).RequiredActivityIds);
    }

    [Fact]
    public async Task Progress_is_saved_and_a_second_enrolment_of_the_same_person_is_refused_by_PostgreSQL()
    {
        var (course, page, _) = await SaveCourseAsync();
        var teacher = await app.DbAsync(db => db.Users.Where(u => u.UserName == "teacher").Select(u => u.Id).SingleAsync());
        var enrolment = new Enrolment(Guid.NewGuid(), course.Id, teacher, EnrolmentSource.Self, null, Now);
        enrolment.RecordView(CourseOutline.From(course), page, Now.AddMinutes(3));
        await app.DbAsync(async db => { db.Enrolments.Add(enrolment); return await db.SaveChangesAsync(); });

        var loaded = await app.DbAsync(db => db.Enrolments.AsNoTracking().Include(e => e.Progress).SingleAsync(e => e.Id == enrolment.Id));
        Assert.Equal(Now.AddMinutes(3), loaded.ProgressByActivity[page].CompletedAtUtc);
        Assert.Equal(page, loaded.LastActivityId);

        var twice = new Enrolment(Guid.NewGuid(), course.Id, teacher, EnrolmentSource.Administrator, null, Now);
        await Assert.ThrowsAsync<DbUpdateException>(() => app.DbAsync(async db => { db.Enrolments.Add(twice); return await db.SaveChangesAsync(); }));
    }

    [Fact]
    public async Task Learners_keep_seeing_the_published_version_while_the_draft_is_being_edited()
    {
        var (course, page, _) = await SaveCourseAsync();
        await app.ScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<Lms.Infrastructure.Persistence.LmsDbContext>();
            var draft = await db.Courses.Include(c => c.Sections).ThenInclude(s => s.Activities).SingleAsync(c => c.Id == course.Id);
            draft.ChangeActivity(page, a => a.Rename("อ่าน (กำลังแก้ไข)"));
            draft.AddSection(Guid.NewGuid(), "หน่วยที่ 2 (ยังไม่เสร็จ)");
            await db.SaveChangesAsync();
        });

        var seen = await app.DbAsync(async db => await ScopedPublisher(db).CurrentAsync(course.Id));
        Assert.Equal(1, seen!.Version);
        Assert.Equal("อ่าน", seen.Find(page)!.Title);
        Assert.Single(seen.Sections);

        await app.ScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<Lms.Infrastructure.Persistence.LmsDbContext>();
            var draft = await db.Courses.Include(c => c.Sections).ThenInclude(s => s.Activities).SingleAsync(c => c.Id == course.Id);
            draft.RemoveSection(draft.Sections[1].Id);
            await sp.GetRequiredService<Lms.Infrastructure.Courses.CoursePublisher>().PublishAsync(draft, Guid.Empty);
        });
        var second = await app.DbAsync(async db => await ScopedPublisher(db).CurrentAsync(course.Id));
        Assert.Equal(2, second!.Version);
        Assert.Equal("อ่าน (กำลังแก้ไข)", second.Find(page)!.Title);
        Assert.Equal(CourseOutline.From(course).RequiredActivityIds, second.Outline().RequiredActivityIds);
    }

    private Lms.Infrastructure.Courses.CoursePublisher ScopedPublisher(Lms.Infrastructure.Persistence.LmsDbContext db) =>
        new(db, app.Services.GetRequiredService<Microsoft.Extensions.Caching.Memory.IMemoryCache>(), TimeProvider.System);
}
