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
}
