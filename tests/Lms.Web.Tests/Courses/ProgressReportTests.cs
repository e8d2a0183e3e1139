using System.Text;
using Lms.Domain.Calendar;
using Lms.Domain.Courses;
using Lms.Domain.Enrolments;
using Lms.Infrastructure.Courses;
using Lms.Infrastructure.Persistence;
using Lms.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;

namespace Lms.Web.Tests.Courses;

public sealed class ProgressReportTests(LmsAppFactory app) : IClassFixture<LmsAppFactory>
{
    /// <summary>A course with everyone of schools 1 and 2 enrolled; school 1's director has completed it.</summary>
    private async Task<Guid> CourseWithLearnersAsync()
    {
        var course = new Course(Guid.NewGuid(), "รายงานความก้าวหน้า", "", new FiscalYear(2570), 3, Guid.Empty, DateTime.UtcNow);
        var page = Guid.NewGuid();
        course.AddActivity(course.AddSection(Guid.NewGuid(), "หน่วย").Id, Activity.NewPage(page, "อ่าน", "x"));
        await app.ScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<LmsDbContext>();
            db.Courses.Add(course);
            await sp.GetRequiredService<CoursePublisher>().PublishAsync(course, Guid.Empty);
            var people = await db.People.Where(p => p.SchoolId != null && db.Schools.Any(s => s.Id == p.SchoolId && (s.Code == "64010001" || s.Code == "64010002")))
                .Select(p => p.Id).ToListAsync();
            var director = await db.Users.Where(u => u.UserName == "director").Select(u => u.Id).SingleAsync();
            foreach (var id in people)
            {
                var e = new Enrolment(Guid.NewGuid(), course.Id, id, EnrolmentSource.BySchool, null, DateTime.UtcNow);
                if (id == director) e.RecordView(CourseOutline.From(course), page, DateTime.UtcNow);
                db.Enrolments.Add(e);
            }
            await db.SaveChangesAsync();
        });
        return course.Id;
    }

    [Fact]
    public async Task A_director_sees_only_the_staff_of_their_own_school()
    {
        var id = await CourseWithLearnersAsync();
        var ownSchool = await app.DbAsync(db => (from p in db.People join s in db.Schools on p.SchoolId equals s.Id
            where s.Code == "64010001" select p.Id).CountAsync());
        var director = app.NewClient();
        await director.SignInOkAsync("director");
        var page = await director.PageAsync($"/Reports/CourseProgress/{id}");
        var rows = page.QuerySelectorAll("[data-testid=progress-row]");
        Assert.Equal(ownSchool, rows.Length);
        Assert.All(rows, r => Assert.Contains("สุโขทัยวิทยาคม", r.TextContent));
        Assert.Equal("1", page.Text("[data-testid=count-Completed]"));

        var csv = Encoding.UTF8.GetString(await director.GetByteArrayAsync($"/Reports/CourseProgress/{id}?handler=Csv"));
        Assert.DoesNotContain("อุดมดรุณี", csv); // school 2's staff are not in the director's export either
    }

    [Fact]
    public async Task A_trainer_sees_everyone_and_exports_the_same_rows_to_Excel()
    {
        var id = await CourseWithLearnersAsync();
        var trainer = app.NewClient();
        await trainer.SignInOkAsync("trainer");
        var page = await trainer.PageAsync($"/Reports/CourseProgress/{id}");
        var count = page.QuerySelectorAll("[data-testid=progress-row]").Length;
        Assert.Equal(await app.DbAsync(db => db.Enrolments.CountAsync(e => e.CourseId == id)), count);

        var xlsx = await trainer.GetByteArrayAsync($"/Reports/CourseProgress/{id}?handler=Xlsx");
        var rows = new MemoryStream(xlsx).Query(useHeaderRow: true).ToList();
        Assert.Equal(count, rows.Count);
        Assert.Contains(rows, r => ((IDictionary<string, object>)r)["สถานะ"]?.ToString() == "เรียนจบ");
    }

    [Fact]
    public async Task A_teacher_cannot_open_course_reports()
    {
        var id = await CourseWithLearnersAsync();
        var teacher = app.NewClient();
        await teacher.SignInOkAsync("teacher");
        var r = await teacher.GetAsync($"/Reports/CourseProgress/{id}?handler=Csv");
        Assert.Contains("/Account/AccessDenied", r.Headers.Location!.OriginalString);
    }
}
