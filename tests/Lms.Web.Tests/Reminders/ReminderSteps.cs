using System.Globalization;
using System.Net;
using Lms.Domain.Organisation;
using Lms.Web.Tests.Support;

namespace Lms.Web.Tests.Reminders;

public static class ReminderSteps
{
    /// <summary>A published course with one page, whose designer set "complete by" <paramref name="lastDay"/> on the course page.</summary>
    public static async Task<(Guid CourseId, string PageUrl)> CourseWithDeadlineAsync(this LmsAppFactory app, string title, DateOnly? lastDay)
    {
        var (designer, courseId, structure, editor) = await app.CourseWithActivityAsync(title, "Page", "บทนำ");
        await designer.SubmitAsync(editor, new Dictionary<string, string> { ["Input.Body"] = "# บทนำ" }, handler: "Save");
        if (lastDay is { } day)
        {
            var saved = await designer.SubmitAsync($"/Design/Courses/Edit/{courseId}", new Dictionary<string, string>
            {
                ["Input.CompleteBy"] = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            });
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }
        var published = await designer.SubmitAsync(structure, new Dictionary<string, string>(), handler: "Publish");
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        return (courseId, $"/Learn/Activity/{courseId}/{editor.Split('/').Last()}");
    }

    /// <summary>A new teacher, signed in (at the clock's time: sign in again after moving the clock far).</summary>
    public static async Task<(Guid Id, HttpClient Client)> TeacherAsync(this LmsAppFactory app)
    {
        var (id, user) = await app.CreatePersonAsync([SystemRole.Learner]);
        var client = app.NewClient();
        await client.SignInOkAsync(user);
        return (id, client);
    }

    /// <summary>A published course with one assignment (rubric 4 + 6 points, pass at 6), made on the designer's pages.</summary>
    public static async Task<(Guid CourseId, string ActivityUrl)> AssignmentCourseAsync(this LmsAppFactory app, string title, string assignment)
    {
        var (designer, courseId, structure, editor) = await app.CourseWithActivityAsync(title, "Assignment", assignment);
        var saved = await designer.SubmitAsync(editor, new Dictionary<string, string>
        {
            ["Input.Body"] = "ส่งแผนการสอน 1 แผน", ["Input.Rubric"] = "ความครบถ้วน | 4\nความเหมาะสม | 6",
            ["Input.Criterion"] = "GradedAtLeastPassMark", ["Input.PassMark"] = "6",
        }, handler: "Save");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        await designer.SubmitAsync(structure, new Dictionary<string, string>(), handler: "Publish");
        return (courseId, $"/Learn/Activity/{courseId}/{editor.Split('/').Last()}");
    }
}
