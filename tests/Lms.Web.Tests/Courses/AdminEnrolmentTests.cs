using System.Net.Http.Headers;
using System.Text;
using Lms.Domain.Calendar;
using Lms.Domain.Courses;
using Lms.Domain.Organisation;
using Lms.Infrastructure.Courses;
using Lms.Infrastructure.Persistence;
using Lms.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lms.Web.Tests.Courses;

public sealed class AdminEnrolmentTests(LmsAppFactory app) : IClassFixture<LmsAppFactory>
{
    private async Task<Guid> PublishedCourseAsync(params Position[] target)
    {
        var course = new Course(Guid.NewGuid(), "ครูผู้ช่วย: การเตรียมความพร้อม", "", new FiscalYear(2570), 20, Guid.Empty, DateTime.UtcNow);
        course.Target(target);
        course.AddActivity(course.AddSection(Guid.NewGuid(), "หน่วย").Id, Activity.NewPage(Guid.NewGuid(), "อ่าน", "x"));
        await app.ScopeAsync(async sp =>
        {
            sp.GetRequiredService<LmsDbContext>().Courses.Add(course);
            await sp.GetRequiredService<CoursePublisher>().PublishAsync(course, Guid.Empty);
        });
        return course.Id;
    }

    private async Task<HttpClient> AdminAsync()
    {
        var c = app.NewClient();
        await c.SignInOkAsync("admin");
        return c;
    }

    [Fact]
    public async Task Enrolling_by_position_takes_every_active_assistant_teacher_once_even_when_run_twice()
    {
        var courseId = await PublishedCourseAsync(Position.AssistantTeacher);
        var admin = await AdminAsync();
        var fields = new Dictionary<string, string> { ["position"] = "AssistantTeacher" };
        await admin.SubmitAsync($"/Design/Courses/Enrol/{courseId}", fields, handler: "Group");
        await admin.SubmitAsync($"/Design/Courses/Enrol/{courseId}", fields, handler: "Group");

        var expected = await app.DbAsync(db => db.People.CountAsync(p => p.IsActive && p.Position == Position.AssistantTeacher));
        Assert.True(expected >= 55); // 2 per school × 27 + the demo assistant
        Assert.Equal(expected, await app.DbAsync(db => db.Enrolments.CountAsync(e => e.CourseId == courseId)));
        var page = await admin.PageAsync($"/Design/Courses/Enrol/{courseId}");
        Assert.Equal(expected, page.QuerySelectorAll("[data-testid=enrolled-row]").Length);
    }

    [Fact]
    public async Task Enrolling_a_school_takes_only_the_positions_the_course_is_for()
    {
        var courseId = await PublishedCourseAsync(Position.Teacher);
        var school = await app.DbAsync(db => db.Schools.Where(s => s.Code == "64010004").Select(s => s.Id).SingleAsync());
        var admin = await AdminAsync();
        await admin.SubmitAsync($"/Design/Courses/Enrol/{courseId}", new Dictionary<string, string> { ["schoolId"] = school.ToString() }, handler: "Group");
        var enrolled = await app.DbAsync(db => (from e in db.Enrolments join p in db.People on e.PersonId equals p.Id
            where e.CourseId == courseId select p.Position).ToListAsync());
        Assert.Equal(6, enrolled.Count); // the school's six teachers; not its director, staff or assistants
        Assert.All(enrolled, p => Assert.Equal(Position.Teacher, p));
    }

    [Fact]
    public async Task A_CSV_list_enrols_the_people_it_names_and_reports_the_unknown_ones()
    {
        var courseId = await PublishedCourseAsync();
        var admin = await AdminAsync();
        var page = await admin.PageAsync($"/Design/Courses/Enrol/{courseId}");
        var token = page.QuerySelector("form[enctype] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        var csv = new ByteArrayContent([.. Encoding.UTF8.GetPreamble(), .. "อีเมล\r\nteacher@sukhothai.example\r\ns03p07\r\nnobody@nowhere.example\r\n"u8.ToArray()]);
        csv.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(csv, "file", "list.csv");
        await admin.PostAsync($"/Design/Courses/Enrol/{courseId}?handler=Csv", form);

        var after = await admin.PageAsync($"/Design/Courses/Enrol/{courseId}");
        Assert.Equal(2, after.QuerySelectorAll("[data-testid=enrolled-row]").Length);
        var warning = after.Text("[data-testid=enrol-warning]");
        Assert.Contains("nobody@nowhere.example", warning);
        Assert.DoesNotContain("อีเมล", warning); // the header line is not reported as unknown
    }
}
