using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;

namespace Lms.Web.Tests.Support;

/// <summary>What a person does in a browser, over HttpClient: open pages, fill forms, follow redirects.</summary>
public static class Browser
{
    private static readonly HtmlParser Parser = new();

    public static async Task<IHtmlDocument> PageAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {url} → {(int)response.StatusCode} {response.Headers.Location}");
        return await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync());
    }

    public static async Task<IHtmlDocument> HtmlAsync(this HttpResponseMessage response) =>
        await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync());

    /// <summary>Posts the form of the page at <paramref name="url"/> (the first one with a matching handler or the main one),
    /// keeping its hidden fields (antiforgery token included) and overriding <paramref name="fields"/>.</summary>
    public static async Task<HttpResponseMessage> SubmitAsync(this HttpClient client, string url,
        IDictionary<string, string> fields, string? handler = null, string? formSelector = null)
    {
        var page = await client.PageAsync(url);
        return await client.SubmitAsync(page, url, fields, handler, formSelector);
    }

    public static async Task<HttpResponseMessage> SubmitAsync(this HttpClient client, IHtmlDocument page, string url,
        IDictionary<string, string> fields, string? handler = null, string? formSelector = null)
    {
        var form = (formSelector is null ? page.Forms.FirstOrDefault(f => handler is null
                       ? !(f.Action ?? "").Contains("/Culture") && !(f.Action ?? "").Contains("/Account/Logout")
                       : (f.Action ?? "").Contains($"handler={handler}", StringComparison.OrdinalIgnoreCase)
                         || f.QuerySelectorAll("button").Any(b => (b.GetAttribute("formaction") ?? "").Contains($"handler={handler}", StringComparison.OrdinalIgnoreCase)))
                   : page.QuerySelector(formSelector) as IHtmlFormElement)
                   ?? throw new InvalidOperationException($"No form for handler '{handler}' on {url}");
        var values = new List<KeyValuePair<string, string>>();
        foreach (var input in form.QuerySelectorAll("input[type=hidden]"))
        {
            var name = input.GetAttribute("name");
            if (name is not null && !fields.ContainsKey(name)) values.Add(new(name, input.GetAttribute("value") ?? ""));
        }
        foreach (var (k, v) in fields)
            foreach (var part in v.Split('\u001F')) values.Add(new(k, part)); // \u001F separates repeated values
        var action = handler is null ? (string.IsNullOrEmpty(form.GetAttribute("action")) ? url : form.GetAttribute("action")!)
            : $"{url.Split('?')[0]}?handler={handler}";
        return await client.PostAsync(action, new FormUrlEncodedContent(values));
    }

    public static async Task<HttpResponseMessage> SignInAsync(this HttpClient client, string login, string password = LmsAppFactory.DemoPassword)
    {
        var response = await client.SubmitAsync("/Account/Login",
            new Dictionary<string, string> { ["Input.Login"] = login, ["Input.Password"] = password });
        return response;
    }

    public static async Task SignInOkAsync(this HttpClient client, string login, string password = LmsAppFactory.DemoPassword)
    {
        var response = await client.SignInAsync(login, password);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.OriginalString == "/",
            $"sign-in of {login} → {(int)response.StatusCode} {response.Headers.Location}");
    }

    public static string Text(this IHtmlDocument doc, string selector) =>
        doc.QuerySelector(selector)?.TextContent.Trim() ?? throw new InvalidOperationException($"{selector} not found");

    public static string Joined(params string[] values) => string.Join('\u001F', values);
}
