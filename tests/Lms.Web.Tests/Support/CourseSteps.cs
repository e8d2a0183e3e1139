namespace Lms.Web.Tests.Support;

/// <summary>Steps of the course journeys that many tests take the same way a teacher would.</summary>
public static class CourseSteps
{
    /// <summary>The redirect target, relative to the site.</summary>
    public static string Location(this HttpResponseMessage response) =>
        response.Headers.Location!.OriginalString.Replace("https://localhost", "");

    /// <summary>Opens the catalogue and presses "enrol" on the course.</summary>
    public static async Task<HttpResponseMessage> EnrolAsync(this HttpClient teacher, Guid courseId)
    {
        var catalogue = await teacher.PageAsync("/Learn/Catalogue");
        return await teacher.SubmitAsync(catalogue, "/Learn/Catalogue", new Dictionary<string, string> { ["courseId"] = courseId.ToString() },
            handler: "Enrol");
    }

    /// <summary>Signs in as the demo designer and creates a self-enrolment course with one section.</summary>
    public static async Task<(HttpClient Designer, Guid CourseId, string Structure)> NewCourseAsync(this LmsAppFactory app, string title)
    {
        var designer = app.NewClient();
        await designer.SignInOkAsync("designer");
        var created = await designer.SubmitAsync("/Design/Courses/Edit", new Dictionary<string, string>
        {
            ["Input.TitleTh"] = title, ["Input.CreditHours"] = "3", ["Input.FiscalYear"] = "2570", ["Input.SelfEnrolment"] = "true",
        });
        var structure = created.Location();
        await designer.SubmitAsync(structure, new Dictionary<string, string> { ["title"] = "หน่วยเดียว" }, handler: "AddSection");
        return (designer, Guid.Parse(structure.Split('/').Last()), structure);
    }

    /// <summary>
    /// A new course (see <see cref="NewCourseAsync"/>) with one activity of <paramref name="kind"/>; returns the designer's
    /// client, the course, its structure page and the activity's editor.
    /// </summary>
    public static async Task<(HttpClient Designer, Guid CourseId, string Structure, string ActivityEditor)> CourseWithActivityAsync(
        this LmsAppFactory app, string title, string kind, string activityTitle)
    {
        var (designer, courseId, structure) = await app.NewCourseAsync(title);
        var page = await designer.PageAsync(structure);
        var sectionId = page.QuerySelector("form[action*='AddActivity'] input[name=sectionId]")!.GetAttribute("value")!;
        await designer.SubmitAsync(structure, new Dictionary<string, string>
        {
            ["sectionId"] = sectionId, ["kind"] = kind, ["title"] = activityTitle,
        }, handler: "AddActivity");
        var editor = (await designer.PageAsync(structure)).QuerySelectorAll(".activity-list a").Last().GetAttribute("href")!;
        return (designer, courseId, structure, editor);
    }
}
