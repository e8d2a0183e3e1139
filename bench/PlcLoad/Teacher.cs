using System.Net;
using System.Text.RegularExpressions;

namespace PlcLoad;

/// <summary>A teacher's browser: the cookies of its sign-in, the PLC group it belongs to.</summary>
public sealed partial class Teacher(int index, string user)
{
    private readonly Dictionary<string, string> cookies = new(StringComparer.Ordinal);

    public int Index => index;
    public string User => user;
    public Guid PersonId { get; set; }
    public Guid GroupId { get; set; }

    public string CookieHeader => string.Join("; ", cookies.Select(c => c.Key + "=" + c.Value));

    public void TakeCookies(HttpResponseMessage response)
    {
        if (!response.Headers.TryGetValues("Set-Cookie", out var values)) return;
        foreach (var header in values)
        {
            var pair = header.Split(';', 2)[0];
            var eq = pair.IndexOf('=');
            if (eq <= 0) continue;
            var name = pair[..eq].Trim();
            var value = pair[(eq + 1)..].Trim();
            if (value.Length == 0 || header.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase)) cookies.Remove(name);
            else cookies[name] = value;
        }
    }

    /// <summary>GET the sign-in form, POST it; a 302 to / means signed in.</summary>
    public async Task<string?> SignInAsync(HttpClient http, string password)
    {
        using var get = new HttpRequestMessage(HttpMethod.Get, "/Account/Login");
        using var form = await http.SendAsync(get);
        TakeCookies(form);
        var html = await form.Content.ReadAsStringAsync();
        var token = TokenRegex().Match(html);
        if (!token.Success) return $"{User}: no antiforgery token on /Account/Login ({(int)form.StatusCode})";
        using var post = new HttpRequestMessage(HttpMethod.Post, "/Account/Login")
        {
            Content = new FormUrlEncodedContent([
                new("Input.Login", User), new("Input.Password", password),
                new("__RequestVerificationToken", WebUtility.HtmlDecode(token.Groups[1].Value))]),
        };
        post.Headers.TryAddWithoutValidation("Cookie", CookieHeader);
        using var answer = await http.SendAsync(post);
        TakeCookies(answer);
        return answer.StatusCode == HttpStatusCode.Redirect && answer.Headers.Location?.OriginalString == "/"
            ? null : $"{User}: sign-in answered {(int)answer.StatusCode} {answer.Headers.Location}";
    }

    [GeneratedRegex("<input[^>]*name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex TokenRegex();
}
