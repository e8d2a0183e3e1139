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
        var form = FindForm(page, handler, formSelector)
                   // A handler whose button is not on the page (e.g. "erase" while the person is active) is
                   // still posted, with the page's antiforgery token, to prove the server refuses it.
                   ?? (handler is not null ? page.Forms.FirstOrDefault(f => f.Method.Equals("post", StringComparison.OrdinalIgnoreCase)) : null)
                   ?? throw new InvalidOperationException($"No form for handler '{handler}' on {url}");
        var values = CurrentValues(form).Where(kv => !fields.ContainsKey(kv.Key)).ToList();
        foreach (var (k, v) in fields)
            foreach (var part in v.Split('\u001F')) values.Add(new(k, part)); // \u001F separates repeated values
        var action = handler is null ? (string.IsNullOrEmpty(form.GetAttribute("action")) ? url : form.GetAttribute("action")!)
            : $"{url.Split('?')[0]}?handler={handler}";
        return await client.PostAsync(action, new FormUrlEncodedContent(values));
    }

    private static IHtmlFormElement? FindForm(IHtmlDocument page, string? handler, string? formSelector)
    {
        if (formSelector is not null) return page.QuerySelector(formSelector) as IHtmlFormElement;
        return page.Forms.FirstOrDefault(f => handler is null
            ? !(f.Action ?? "").Contains("/Culture") && !(f.Action ?? "").Contains("/Account/Logout") && f.Method.Equals("post", StringComparison.OrdinalIgnoreCase)
            : (f.Action ?? "").Contains($"handler={handler}", StringComparison.OrdinalIgnoreCase)
              || f.QuerySelectorAll("button").Any(b => (b.GetAttribute("formaction") ?? "").Contains($"handler={handler}", StringComparison.OrdinalIgnoreCase)));
    }

    /// <summary>What a browser would send for the form as it stands: inputs, checked boxes, selected options, text areas.</summary>
    private static IEnumerable<KeyValuePair<string, string>> CurrentValues(IHtmlFormElement form)
    {
        foreach (var el in form.QuerySelectorAll("input, select, textarea"))
        {
            var name = el.GetAttribute("name");
            if (string.IsNullOrEmpty(name) || el.HasAttribute("disabled")) continue;
            switch (el)
            {
                case IHtmlInputElement input when input.Type is "checkbox" or "radio":
                    if (input.IsChecked) yield return new(name, input.GetAttribute("value") ?? "on");
                    break;
                case IHtmlInputElement input when input.Type is "submit" or "button" or "file" or "image" or "reset":
                    break;
                case IHtmlInputElement input:
                    yield return new(name, input.GetAttribute("value") ?? "");
                    break;
                case IHtmlSelectElement select:
                    foreach (var option in select.Options.Where(o => o.IsSelected)) yield return new(name, option.Value);
                    break;
                case IHtmlTextAreaElement area:
                    yield return new(name, area.TextContent);
                    break;
            }
        }
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
