using System.Net;
using AngleSharp.Html.Dom;
using Lms.Domain.Questions;
using Lms.Infrastructure.Persistence;
using Lms.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Lms.Web.Tests.QuestionBank;

/// <summary>What a designer does in the question bank, through its pages.</summary>
public static class BankSteps
{
    public static string BankUrl(Guid? courseId, Guid? categoryId = null) =>
        "/Design/Questions?" + (courseId is { } c ? $"courseId={c}&" : "") + (categoryId is { } k ? $"categoryId={k}" : "");

    public static async Task<HttpClient> DesignerAsync(this LmsAppFactory app)
    {
        var client = app.NewClient();
        await client.SignInOkAsync("designer");
        return client;
    }

    /// <summary>Adds a category with the bank page's form; returns its id (the page opens it after adding).</summary>
    public static async Task<Guid> AddCategoryAsync(this HttpClient designer, Guid? courseId, string name, Guid? parentId = null, string info = "")
    {
        var response = await designer.SubmitAsync(BankUrl(courseId, parentId), new Dictionary<string, string>
        {
            ["name"] = name, ["info"] = info, ["parentId"] = parentId?.ToString() ?? "",
        }, handler: "AddCategory");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return Guid.Parse(QueryValue(response.Location(), "categoryId"));
    }

    /// <summary>Fills the editor of a new question of <paramref name="type"/> and saves it (a redirect when saved).</summary>
    public static Task<HttpResponseMessage> WriteQuestionAsync(this HttpClient designer, Guid categoryId, QuestionType type,
        IDictionary<string, string> fields) =>
        designer.SubmitAsync($"/Design/Questions/Edit?categoryId={categoryId}&type={type}", fields, formSelector: "form[data-testid=question-form]");

    public static Task<HttpResponseMessage> EditQuestionAsync(this HttpClient designer, Guid questionId, IDictionary<string, string> fields) =>
        designer.SubmitAsync($"/Design/Questions/Edit?id={questionId}", fields, formSelector: "form[data-testid=question-form]");

    /// <summary>Uploads a question file on the import page; returns the preview page.</summary>
    public static async Task<IHtmlDocument> UploadQuestionsAsync(this HttpClient designer, Guid? courseId, Guid? categoryId,
        string fileName, byte[] content)
    {
        var page = await designer.PageAsync("/Design/Questions/Import" + (courseId is { } c ? $"?courseId={c}" : ""));
        var token = page.QuerySelector("form[enctype] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(courseId?.ToString() ?? ""), "courseId" },
            { new StringContent(categoryId?.ToString() ?? ""), "categoryId" },
            { new ByteArrayContent(content), "file", fileName },
        };
        var response = await designer.PostAsync("/Design/Questions/Import?handler=Upload", form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.HtmlAsync();
    }

    /// <summary>Presses "import" on a preview (ticking "skip the questions with problems" when asked).</summary>
    public static Task<HttpResponseMessage> ConfirmImportAsync(this HttpClient designer, IHtmlDocument preview, bool skip = false) =>
        designer.SubmitAsync(preview, "/Design/Questions/Import",
            skip ? new Dictionary<string, string> { ["Skip"] = "true" } : new Dictionary<string, string>(), handler: "Import");

    public static async Task<Question> QuestionNamedAsync(this LmsAppFactory app, string name) =>
        await app.DbAsync(db => db.Questions.AsNoTracking().Include(q => q.Versions).SingleAsync(q => q.Name == name));

    public static async Task<Guid> NewCourseAsync(this LmsAppFactory app, string title)
    {
        var designer = await app.DesignerAsync();
        var created = await designer.SubmitAsync("/Design/Courses/Edit", new Dictionary<string, string>
        {
            ["Input.TitleTh"] = title, ["Input.CreditHours"] = "3", ["Input.FiscalYear"] = "2570",
        });
        return Guid.Parse(created.Location().Split('/').Last());
    }

    public static string QueryValue(string url, string key) =>
        url.Split('?').Last().Split('&').Select(p => p.Split('=')).First(p => p[0].Equals(key, StringComparison.OrdinalIgnoreCase))[1];

    public static string Texts(this IHtmlDocument page, string selector) =>
        string.Join("\n", page.QuerySelectorAll(selector).Select(e => e.TextContent.Trim()));
}
