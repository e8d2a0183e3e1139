using System.Net;
using Lms.Domain.Quizzes;
using Lms.Infrastructure.Quizzes;
using Lms.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lms.Web.Tests.Quizzes;

/// <summary>The time limit is the server's: an attempt that runs out is submitted with what was saved, even if the browser never returns.</summary>
public sealed class AttemptTimerTests : IAsyncLifetime
{
    private readonly LmsAppFactory app = new LmsAppFactory { UseFakeClock = true }
        .With("Quizzes:OverdueSweepInterval", "01:00:00"); // the test runs the sweep itself

    public Task InitializeAsync() => ((IAsyncLifetime)app).InitializeAsync();
    public Task DisposeAsync() => ((IAsyncLifetime)app).DisposeAsync();

    private static readonly Dictionary<string, string> TenMinutes = new()
    {
        ["Input.Title"] = "แบบทดสอบจับเวลา", ["Input.TimeLimitMinutes"] = "10", ["Input.AttemptsAllowed"] = "1",
        ["Input.QuestionsPerPage"] = "0", ["Input.PassPercent"] = "50",
    };

    [Fact]
    public async Task An_attempt_whose_browser_never_returns_is_submitted_at_the_deadline_with_what_was_saved()
    {
        var quiz = await app.PublishedQuizCourseAsync("จับเวลา", QuizSteps.TrueFalse(2), TenMinutes);
        var teacher = app.NewClient();
        await teacher.SignInOkAsync("teacher");
        var attemptUrl = await teacher.StartQuizAsync(quiz);
        var id = QuizSteps.AttemptId(attemptUrl);
        var timer = (await teacher.PageAsync(attemptUrl)).QuerySelector("[data-seconds-left]")!.GetAttribute("data-seconds-left");
        Assert.Equal("600", timer);
        await teacher.SaveAnswerAsync(attemptUrl, 1, 1, ("answer", "true"));

        app.Clock.Advance(TimeSpan.FromMinutes(9) + TimeSpan.FromSeconds(59));
        var page = await teacher.PageAsync(attemptUrl);
        Assert.Equal("1", page.QuerySelector("[data-seconds-left]")!.GetAttribute("data-seconds-left"));

        // Past the deadline and its grace, the browser is gone; only the server acts.
        app.Clock.Advance(TimeSpan.FromSeconds(1) + QuizAttempt.SaveGrace);
        var swept = await app.DbAsync(async _ =>
        {
            await using var scope = app.Services.CreateAsyncScope();
            return await app.Services.GetRequiredService<OverdueAttemptSweeper>().SweepOnceAsync(CancellationToken.None);
        });
        Assert.Equal(1, swept);

        var attempt = await app.DbAsync(db => db.QuizAttempts.SingleAsync(a => a.Id == id));
        Assert.Equal(AttemptState.Finished, attempt.State);
        Assert.True(attempt.SubmittedByTimer);
        Assert.Equal(attempt.DeadlineUtc, attempt.SubmittedAtUtc);
        Assert.Equal(1m, attempt.Mark);

        // The browser that does come back is shown the review; a save it had queued is refused and changes nothing.
        var back = await teacher.GetAsync(attemptUrl);
        Assert.Equal($"/Learn/Attempt/{id}/Review", back.Location());
        var review = await teacher.PageAsync(back.Location());
        var late = await teacher.PostAsync($"/Learn/Attempt/{id}?handler=Save", new FormUrlEncodedContent(
        [
            new("slot", "2"), new("seq", "9"), new("q2.answer", "true"),
            new("__RequestVerificationToken", review.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value") ?? ""),
        ]));
        Assert.NotEqual(HttpStatusCode.OK, late.StatusCode);
        Assert.Equal(1m, (await app.DbAsync(db => db.QuizAttempts.SingleAsync(a => a.Id == id))).Mark);
    }

    [Fact]
    public async Task The_timer_grades_an_attempt_exactly_as_the_submit_button_does()
    {
        var quiz = await app.PublishedQuizCourseAsync("เวลาหมดกับกดส่ง", QuizSteps.TrueFalse(3), TenMinutes);
        var ids = new List<Guid>();
        foreach (var user in new[] { "teacher", "assistant" })
        {
            var t = app.NewClient();
            await t.SignInOkAsync(user);
            var url = await t.StartQuizAsync(quiz);
            await t.SaveAnswerAsync(url, 1, 1, ("answer", "true"));
            await t.SaveAnswerAsync(url, 2, 1, ("answer", "false"));
            ids.Add(QuizSteps.AttemptId(url));
            if (user == "teacher") await t.SubmitAsync($"/Learn/Attempt/{ids[0]}/Summary", new Dictionary<string, string>());
        }
        app.Clock.Advance(TimeSpan.FromMinutes(11));
        Assert.Equal(1, await app.Services.GetRequiredService<OverdueAttemptSweeper>().SweepOnceAsync(CancellationToken.None));

        var attempts = await app.DbAsync(db => db.QuizAttempts.AsNoTracking().Include(a => a.Questions).Where(a => ids.Contains(a.Id)).ToListAsync());
        var (button, timer) = (attempts.Single(a => a.Id == ids[0]), attempts.Single(a => a.Id == ids[1]));
        Assert.True(timer.SubmittedByTimer);
        Assert.Equal(timer.DeadlineUtc, timer.SubmittedAtUtc);
        Assert.Equal((AttemptState.Finished, 1m), (button.State, button.Mark!.Value));
        Assert.Equal((button.State, button.Mark, button.Percent), (timer.State, timer.Mark, timer.Percent));
        static IEnumerable<(Guid, Lms.Domain.Questions.GradeState, decimal?, string)> Grades(QuizAttempt a) =>
            a.Questions.OrderBy(q => q.QuestionId).Select(q => (q.QuestionId, q.GradeState, q.Fraction, string.Join("|", q.Feedback)));
        Assert.Equal(Grades(button), Grades(timer));
    }

    [Fact]
    public async Task Opening_an_overdue_attempt_submits_it_on_the_spot()
    {
        var quiz = await app.PublishedQuizCourseAsync("เปิดหลังหมดเวลา", QuizSteps.TrueFalse(1), TenMinutes);
        var teacher = app.NewClient();
        await teacher.SignInOkAsync("assistant");
        var attemptUrl = await teacher.StartQuizAsync(quiz);
        await teacher.SaveAnswerAsync(attemptUrl, 1, 1, ("answer", "true"));
        app.Clock.Advance(TimeSpan.FromMinutes(30));
        var opened = await teacher.GetAsync(attemptUrl);
        Assert.EndsWith("/Review", opened.Location());
        var attempt = await app.DbAsync(db => db.QuizAttempts.SingleAsync(a => a.Id == QuizSteps.AttemptId(attemptUrl)));
        Assert.Equal(AttemptState.Finished, attempt.State);
        Assert.Equal(100m, attempt.Percent);
    }
}
