using Lms.Infrastructure.Seeding;
using Lms.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Lms.Web.Tests.Quizzes;

/// <summary>The demo course run.sh seeds: its GIFT bank imports cleanly, and its post-test waits for the pre-test.</summary>
public sealed class DemoCourseTests : IAsyncLifetime
{
    private readonly LmsAppFactory app = new LmsAppFactory().With("Seed:DemoCourses", "true");

    public Task InitializeAsync() => ((IAsyncLifetime)app).InitializeAsync();
    public Task DisposeAsync() => ((IAsyncLifetime)app).DisposeAsync();

    [Fact]
    public async Task A_teacher_enrols_takes_the_pre_test_and_only_then_the_post_test()
    {
        var teacher = app.NewClient();
        await teacher.SignInOkAsync("teacher");
        var id = DemoCourseSeeder.CourseId;
        Assert.Equal(10, await app.DbAsync(db => db.Questions.CountAsync(q => db.QuestionCategories.Any(c => c.Id == q.CategoryId && c.CourseId == id))));
        await teacher.EnrolAsync(id);
        var course = await teacher.PageAsync($"/Learn/Course/{id}");
        // Four activities; the post-test shows as not open until the pre-test is done.
        Assert.Equal(4, course.QuerySelectorAll(".activity-list li").Length);
        Assert.Equal(3, course.QuerySelectorAll(".activity-list a").Length);
        var quizzes = await app.DbAsync(db => db.Quizzes.Where(q => q.CourseId == id).OrderBy(q => q.Role).ToListAsync());
        var (pre, post) = (quizzes[0], quizzes[1]);

        var preUrl = $"/Learn/Activity/{id}/{pre.Id}";
        var attemptUrl = (await teacher.SubmitAsync(preUrl, new Dictionary<string, string>(), handler: "StartQuiz")).Location();
        Assert.StartsWith("/Learn/Attempt/", attemptUrl);
        var attemptId = QuizSteps.AttemptId(attemptUrl);
        var summaryUrl = $"/Learn/Attempt/{attemptId}/Summary";
        var done = await teacher.SubmitAsync(summaryUrl, new Dictionary<string, string>());
        Assert.EndsWith("/Review", done.Location());

        // The pre-test completes on any finished attempt (pass mark 0), which opens the post-test.
        var postPage = await teacher.PageAsync($"/Learn/Activity/{id}/{post.Id}");
        Assert.NotNull(postPage.QuerySelector("[data-testid=start-quiz]"));
        var started = await teacher.SubmitAsync(postPage, $"/Learn/Activity/{id}/{post.Id}", new Dictionary<string, string>(), handler: "StartQuiz");
        Assert.StartsWith("/Learn/Attempt/", started.Location());
    }

    [Fact]
    public async Task The_post_test_refuses_a_teacher_who_has_not_taken_the_pre_test()
    {
        var id = DemoCourseSeeder.CourseId;
        var teacher = app.NewClient();
        await teacher.SignInOkAsync("assistant");
        await teacher.EnrolAsync(id);
        var post = await app.DbAsync(db => db.Quizzes.SingleAsync(q => q.CourseId == id && q.Role == Lms.Domain.Quizzes.QuizRole.PostTest));
        var url = $"/Learn/Activity/{id}/{post.Id}";
        // The course keeps the post-test closed until the pre-test is done ...
        Assert.NotNull((await teacher.PageAsync(url)).QuerySelector("[data-testid=not-open]"));
        // ... and the quiz itself refuses even a hand-made request.
        var page = await teacher.PageAsync($"/Learn/Course/{id}");
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var forced = await teacher.PostAsync($"{url}?handler=StartQuiz", new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));
        Assert.Equal(url, forced.Location());
        Assert.Equal(0, await app.DbAsync(db => db.QuizAttempts.CountAsync(a => a.QuizId == post.Id)));
    }
}
