using System.Net;
using AngleSharp.Html.Dom;
using Lms.Domain.Questions;
using Lms.Infrastructure.Persistence;
using Microsoft.Extensions.DependencyInjection;

namespace Lms.Web.Tests.Support;

/// <summary>A published course with one quiz activity, built through the designer's pages; questions put straight into its bank.</summary>
public static class QuizSteps
{
    public sealed record QuizCourse(Guid CourseId, Guid ActivityId, string ActivityUrl, string EditorUrl, IReadOnlyList<Guid> QuestionIds);

    /// <summary>True/false questions "ข้อ 1".."ข้อ n" (right answer: true) unless others are given.</summary>
    public static IReadOnlyList<QuestionContent> TrueFalse(int n) =>
        Enumerable.Range(1, n).Select(i => (QuestionContent)new TrueFalseQuestion
        {
            Name = $"ข้อ {i}", Text = $"ข้อ {i}: ครูควรวัดผลระหว่างเรียนใช่หรือไม่", CorrectAnswer = true,
            TrueFeedback = "ถูกต้อง", FalseFeedback = "ลองทบทวนหน่วยที่ 2",
        }).ToList();

    public static async Task<QuizCourse> PublishedQuizCourseAsync(this LmsAppFactory app, string title,
        IReadOnlyList<QuestionContent> questions, IDictionary<string, string>? settings = null, string quizTitle = "แบบทดสอบ")
    {
        var (designer, courseId, _) = await app.NewCourseAsync(title);
        return await app.AddQuizAsync(designer, courseId, questions, settings, quizTitle);
    }

    /// <summary>Another quiz activity at the end of the course's first section (a post-test after the pre-test); publishes again.</summary>
    public static async Task<QuizCourse> AddQuizAsync(this LmsAppFactory app, Guid courseId, IReadOnlyList<QuestionContent> questions,
        IDictionary<string, string>? settings = null, string quizTitle = "แบบทดสอบ")
    {
        var designer = app.NewClient();
        await designer.SignInOkAsync("designer");
        return await app.AddQuizAsync(designer, courseId, questions, settings, quizTitle);
    }

    private static async Task<QuizCourse> AddQuizAsync(this LmsAppFactory app, HttpClient designer, Guid courseId,
        IReadOnlyList<QuestionContent> questions, IDictionary<string, string>? settings, string quizTitle)
    {
        var structure = $"/Design/Courses/Structure/{courseId}";
        var page = await designer.PageAsync(structure);
        var sectionId = page.QuerySelector("form[action*='AddActivity'] input[name=sectionId]")!.GetAttribute("value")!;
        await designer.SubmitAsync(structure, new Dictionary<string, string>
        {
            ["sectionId"] = sectionId, ["kind"] = "Quiz", ["title"] = quizTitle,
        }, handler: "AddActivity");
        var activityEditor = (await designer.PageAsync(structure)).QuerySelectorAll(".activity-list a").OfType<IHtmlAnchorElement>()
            .Last().GetAttribute("href")!;
        var activityId = Guid.Parse(activityEditor.Split('/').Last());
        var quizEditor = $"/Design/Quizzes/Edit/{courseId}/{activityId}";

        var ids = await app.AddQuestionsAsync(courseId, "หมวดทดสอบ", questions);
        var add = await designer.SubmitAsync(quizEditor, new Dictionary<string, string>
        {
            ["questionIds"] = Browser.Joined(ids.Select(i => i.ToString()).ToArray()), ["mark"] = "1",
        }, handler: "AddQuestions");
        Assert.Equal(HttpStatusCode.Redirect, add.StatusCode);
        if (settings is not null)
        {
            var saved = await designer.SubmitAsync(quizEditor, settings, handler: "Settings");
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        }
        await designer.SubmitAsync(structure, new Dictionary<string, string>(), handler: "Publish");
        return new QuizCourse(courseId, activityId, $"/Learn/Activity/{courseId}/{activityId}", quizEditor, ids);
    }

    /// <summary>A category of the course's bank with these questions; returns their ids in order.</summary>
    public static async Task<IReadOnlyList<Guid>> AddQuestionsAsync(this LmsAppFactory app, Guid? courseId, string category,
        IReadOnlyList<QuestionContent> questions)
    {
        var ids = new List<Guid>();
        await app.ScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<LmsDbContext>();
            var cat = new QuestionCategory(Guid.NewGuid(), courseId, null, category);
            db.QuestionCategories.Add(cat);
            foreach (var q in questions)
            {
                var question = new Question(Guid.NewGuid(), cat.Id, q, ["ทดสอบ"], null, DateTime.UtcNow);
                db.Questions.Add(question);
                ids.Add(question.Id);
            }
            await db.SaveChangesAsync();
        });
        return ids;
    }

    /// <summary>Enrols, opens the quiz activity and presses "attempt quiz"; returns the attempt's address.</summary>
    public static async Task<string> StartQuizAsync(this HttpClient teacher, QuizCourse quiz, bool enrol = true)
    {
        if (enrol) await teacher.EnrolAsync(quiz.CourseId);
        var started = await teacher.SubmitAsync(quiz.ActivityUrl, new Dictionary<string, string>(), handler: "StartQuiz");
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        return started.Location();
    }

    /// <summary>What the browser's autosave sends for one question.</summary>
    public static async Task<HttpResponseMessage> SaveAnswerAsync(this HttpClient teacher, string attemptUrl, int slot, long seq,
        params (string Key, string Value)[] values)
    {
        var page = await teacher.PageAsync(attemptUrl);
        var token = page.QuerySelector("form[data-attempt] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var fields = new List<KeyValuePair<string, string>>
        {
            new("slot", slot.ToString()), new("seq", seq.ToString()), new("__RequestVerificationToken", token),
        };
        fields.AddRange(values.Select(v => new KeyValuePair<string, string>($"q{slot}.{v.Key}", v.Value)));
        var id = attemptUrl.Split('/')[3];
        return await teacher.PostAsync($"/Learn/Attempt/{id}?handler=Save", new FormUrlEncodedContent(fields));
    }

    public static Guid AttemptId(string attemptUrl) => Guid.Parse(attemptUrl.Split('/')[3]);
}
