using System.Diagnostics;
using System.Net;
using System.Text.RegularExpressions;

namespace QuizLoad;

/// <summary>A teacher's browser: its own cookies (session, antiforgery), the last antiforgery token seen, its attempt.</summary>
public sealed class Teacher(int index, string user, int seed)
{
    private readonly Dictionary<string, string> cookies = new(StringComparer.Ordinal);
    private string? cookieHeader;

    public int Index => index;
    public string User => user;
    public Random Rng { get; } = new(seed);
    public Guid PersonId { get; set; }
    public string? Token { get; set; }
    public bool Failed { get; set; }

    /// <summary>The attempt of the current phase and what this teacher saved in it (slot → value and sequence of the last save answered "saved").</summary>
    public Guid AttemptId { get; set; }
    public Dictionary<int, (string Value, long Seq)> Saved { get; } = [];
    public int SavesAcknowledged { get; set; }
    public DateTime? StartSentUtc { get; set; }

    private long lastSeq;
    private int counter;

    /// <summary>site.js: <c>Date.now() * 1000 + (counter++ % 1000)</c>; kept strictly increasing, as the browser's is in practice.</summary>
    public long NextSequence()
    {
        var seq = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * 1000 + counter++ % 1000;
        lastSeq = Math.Max(seq, lastSeq + 1);
        return lastSeq;
    }

    public void NewAttempt(Guid id)
    {
        AttemptId = id;
        Saved.Clear();
        SavesAcknowledged = 0;
    }

    public string? CookieHeader
    {
        get
        {
            if (cookies.Count == 0) return null;
            return cookieHeader ??= string.Join("; ", cookies.Select(c => c.Key + "=" + c.Value));
        }
    }

    /// <summary>Applies the response's Set-Cookie headers as a browser would (a past expiry or an empty value deletes).</summary>
    public void TakeCookies(HttpResponseMessage response)
    {
        if (!response.Headers.TryGetValues("Set-Cookie", out var values)) return;
        foreach (var header in values)
        {
            var semi = header.IndexOf(';');
            var pair = semi < 0 ? header : header[..semi];
            var eq = pair.IndexOf('=');
            if (eq <= 0) continue;
            var name = pair[..eq].Trim();
            var value = pair[(eq + 1)..].Trim();
            var expired = header.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase)
                          || header.Contains("max-age=0", StringComparison.OrdinalIgnoreCase);
            if (expired || value.Length == 0) cookies.Remove(name);
            else cookies[name] = value;
            cookieHeader = null;
        }
    }
}

/// <summary>A response as the flows need it.</summary>
public sealed record Reply(int Status, string? Location, string Body);

/// <summary>Sends requests for teachers through one connection pool, timing each and recording it under its kind.</summary>
public sealed partial class Browser(HttpClient http)
{
    public async Task<Reply> SendAsync(Teacher t, PhaseStats stats, Kind kind, HttpMethod method, string path, HttpContent? content,
        Func<Reply, string?> check, bool sendCookies = true)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        if (sendCookies && t.CookieHeader is { } cookie) request.Headers.TryAddWithoutValidation("Cookie", cookie);
        var start = Stopwatch.GetTimestamp();
        Reply reply;
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead);
            var ms = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            t.TakeCookies(response);
            var body = await response.Content.ReadAsStringAsync();
            reply = new Reply((int)response.StatusCode, response.Headers.Location?.OriginalString, body);
            var why = check(reply);
            stats.Kinds[kind].Record(ms, reply.Status, why is null, why is null ? null : $"{kind} {path} → {reply.Status}: {why}", start);
            stats.Kinds[kind].Answered(Stopwatch.GetTimestamp());
            return reply;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
        {
            var ms = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            stats.Kinds[kind].Record(ms, 0, false, $"{kind} {path}: {e.GetType().Name} {e.Message}", start);
            return new Reply(0, null, "");
        }
    }

    public static string? Expect(Reply r, HttpStatusCode status, string? locationStartsWith = null)
    {
        if (r.Status != (int)status) return $"expected {(int)status}";
        if (locationStartsWith is not null && (r.Location is null || !r.Location.StartsWith(locationStartsWith, StringComparison.Ordinal)))
            return $"redirected to {r.Location ?? "(none)"}, expected {locationStartsWith}…";
        return null;
    }

    public static string? TokenIn(string html)
    {
        var m = TokenRegex().Match(html);
        return m.Success ? WebUtility.HtmlDecode(m.Groups[1].Value) : null;
    }

    public static Guid? AttemptIn(string? location)
    {
        if (location is null) return null;
        var m = AttemptRegex().Match(location);
        return m.Success ? Guid.Parse(m.Groups[1].Value) : null;
    }

    /// <summary>The attempt page's questions: slot → the choice values offered (stored choice indexes, in the shuffled order shown).</summary>
    public static Dictionary<int, List<string>> ChoicesIn(string html)
    {
        var result = new Dictionary<int, List<string>>();
        foreach (Match m in ChoiceRegex().Matches(html))
        {
            var slot = int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            if (!result.TryGetValue(slot, out var list)) result[slot] = list = [];
            list.Add(m.Groups[2].Value);
        }
        return result;
    }

    /// <summary>The number of pages, from the navigation panel (one button per question, its value the question's page).</summary>
    public static int PagesIn(string html) =>
        NavRegex().Matches(html).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).DefaultIfEmpty(0).Max();

    public static int SlotsIn(string html) => NavRegex().Count(html);

    [GeneratedRegex("<input[^>]*name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex TokenRegex();

    [GeneratedRegex("/Learn/Attempt/([0-9a-fA-F-]{36})")]
    private static partial Regex AttemptRegex();

    [GeneratedRegex("name=\"q(\\d+)\\.answer\" value=\"(\\d+)\"")]
    private static partial Regex ChoiceRegex();

    [GeneratedRegex("""name="go" value="(\d+)"[^>]*data-nav-slot=""")]
    private static partial Regex NavRegex();
}
