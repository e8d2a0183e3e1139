using System.Diagnostics;
using System.Net;
using System.Text.Json;

namespace QuizLoad;

/// <summary>What a teacher does, request by request, as the browser does it (see src/Lms.Web/wwwroot/js/site.js).</summary>
public sealed class Flows(Browser browser, Options o)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>GET the sign-in form, POST it; a 302 to / means signed in.</summary>
    public async Task<bool> SignInAsync(Teacher t, PhaseStats s)
    {
        var form = await browser.SendAsync(t, s, Kind.SignIn, HttpMethod.Get, "/Account/Login", null, r => Browser.Expect(r, HttpStatusCode.OK));
        if (Browser.TokenIn(form.Body) is not { } token) return Fail(t);
        var post = await browser.SendAsync(t, s, Kind.SignIn, HttpMethod.Post, "/Account/Login", new FormUrlEncodedContent([
                new("Input.Login", t.User), new("Input.Password", o.Password), new("__RequestVerificationToken", token),
            ]),
            r => Browser.Expect(r, HttpStatusCode.Redirect) ?? (r.Location is "/" ? null : $"redirected to {r.Location}, expected /"));
        return post.Status == 302 || Fail(t);
    }

    /// <summary>The quiz's activity page (with the start button): its antiforgery token.</summary>
    public async Task<bool> OpenActivityAsync(Teacher t, PhaseStats s, string activityPath)
    {
        var page = await browser.SendAsync(t, s, Kind.Activity, HttpMethod.Get, activityPath, null,
            r => Browser.Expect(r, HttpStatusCode.OK) ?? (r.Body.Contains("handler=StartQuiz", StringComparison.Ordinal) ? null : "no start button"));
        t.Token = Browser.TokenIn(page.Body);
        return t.Token is not null || Fail(t);
    }

    /// <summary>"Attempt quiz now": POST StartQuiz, follow the 302 to the attempt's first page. Returns that page.</summary>
    public async Task<string?> StartAsync(Teacher t, PhaseStats s, string activityPath)
    {
        t.StartSentUtc = DateTime.UtcNow;
        var start = await browser.SendAsync(t, s, Kind.Start, HttpMethod.Post, activityPath + "?handler=StartQuiz",
            new FormUrlEncodedContent([new("__RequestVerificationToken", t.Token!)]),
            r => Browser.Expect(r, HttpStatusCode.Redirect, "/Learn/Attempt/"));
        if (Browser.AttemptIn(start.Location) is not { } attemptId || start.Status != 302) { Fail(t); return null; }
        t.NewAttempt(attemptId);
        var page = await PageAsync(t, s, 1);
        return page;
    }

    public async Task<string?> PageAsync(Teacher t, PhaseStats s, int number)
    {
        var path = number == 1 ? $"/Learn/Attempt/{t.AttemptId}" : $"/Learn/Attempt/{t.AttemptId}/{number}";
        var page = await browser.SendAsync(t, s, Kind.Page, HttpMethod.Get, path, null,
            r => Browser.Expect(r, HttpStatusCode.OK) ?? (r.Body.Contains("data-attempt", StringComparison.Ordinal) ? null : "not an attempt page"));
        if (page.Status != 200) { Fail(t); return null; }
        t.Token = Browser.TokenIn(page.Body) ?? t.Token;
        return page.Body;
    }

    /// <summary>
    /// site.js's autosave of one question: multipart form data (the browser's FormData) with slot, seq, the token, the
    /// question's shown marker and its answer; the server answers {"outcome":"saved"}. Like the browser, a failed save is
    /// sent again (here at once, up to 3 times); an answer counts as given only when the server said "saved".
    /// </summary>
    public async Task<bool> SaveAsync(Teacher t, PhaseStats s, int slot, string value)
    {
        for (var round = 1; round <= 4; round++)
        {
            var seq = t.NextSequence();
            var body = FormData(
                ("slot", slot.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                ("seq", seq.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                ("__RequestVerificationToken", t.Token!),
                ($"q{slot}._shown", "1"),
                ($"q{slot}.answer", value));
            var reply = await browser.SendAsync(t, s, Kind.Save, HttpMethod.Post, $"/Learn/Attempt/{t.AttemptId}?handler=Save", body,
                r => Browser.Expect(r, HttpStatusCode.OK) ?? (Outcome(r.Body) == "saved" ? null : $"outcome {Outcome(r.Body) ?? r.Body}"));
            if (reply.Status == 200 && Outcome(reply.Body) == "saved")
            {
                t.Saved[slot] = (value, seq);
                t.SavesAcknowledged++;
                return true;
            }
            if (reply.Status is 404 or 409) break; // the browser gives up too (409: time is up; it reloads)
            s.Kinds[Kind.Save].Retried();
        }
        return Fail(t);
    }

    /// <summary>
    /// multipart/form-data as a browser's FormData sends it: each part only <c>Content-Disposition: form-data; name="…"</c>,
    /// no Content-Type (HttpClient's StringContent would add "text/plain; charset=utf-8" to every part, which makes
    /// ASP.NET Core look the charset up for each field: a cost, and a lock, that browsers never cause).
    /// </summary>
    private static MultipartFormDataContent FormData(params (string Name, string Value)[] fields)
    {
        var body = new MultipartFormDataContent();
        foreach (var (name, value) in fields)
        {
            var part = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(value));
            part.Headers.ContentDisposition = new System.Net.Http.Headers.ContentDispositionHeaderValue("form-data") { Name = $"\"{name}\"" };
            body.Add(part);
        }
        return body;
    }

    private static string? Outcome(string body)
    {
        try { return JsonSerializer.Deserialize<SaveReply>(body, Json)?.Outcome; }
        catch (JsonException) { return null; }
    }

    private sealed record SaveReply(string? Outcome);

    public async Task<bool> SummaryAsync(Teacher t, PhaseStats s)
    {
        var page = await browser.SendAsync(t, s, Kind.Summary, HttpMethod.Get, $"/Learn/Attempt/{t.AttemptId}/Summary", null,
            r => Browser.Expect(r, HttpStatusCode.OK));
        t.Token = Browser.TokenIn(page.Body) ?? t.Token;
        return page.Status == 200 || Fail(t);
    }

    /// <summary>"Submit all and finish": POST the summary form, 302 to the review.</summary>
    public async Task<bool> SubmitAsync(Teacher t, PhaseStats s)
    {
        var reply = await browser.SendAsync(t, s, Kind.Submit, HttpMethod.Post, $"/Learn/Attempt/{t.AttemptId}/Summary",
            new FormUrlEncodedContent([new("__RequestVerificationToken", t.Token!)]),
            r => Browser.Expect(r, HttpStatusCode.Redirect, $"/Learn/Attempt/{t.AttemptId}/Review"));
        return reply.Status == 302 || Fail(t);
    }

    /// <summary>"Submit all and finish" for another of the teacher's attempts (its summary form; any page's token of the session works).</summary>
    public async Task<bool> SubmitAsync(Teacher t, PhaseStats s, Guid attemptId)
    {
        var reply = await browser.SendAsync(t, s, Kind.Submit, HttpMethod.Post, $"/Learn/Attempt/{attemptId}/Summary",
            new FormUrlEncodedContent([new("__RequestVerificationToken", t.Token!)]),
            r => Browser.Expect(r, HttpStatusCode.Redirect, $"/Learn/Attempt/{attemptId}/Review"));
        return reply.Status == 302 || Fail(t);
    }

    public async Task<bool> ReviewAsync(Teacher t, PhaseStats s)
    {
        var page = await browser.SendAsync(t, s, Kind.Review, HttpMethod.Get, $"/Learn/Attempt/{t.AttemptId}/Review", null,
            r => Browser.Expect(r, HttpStatusCode.OK));
        return page.Status == 200 || Fail(t);
    }

    /// <summary>
    /// A whole attempt: start at <paramref name="startAt"/> (a Stopwatch timestamp), then page by page: think, answer
    /// (right with probability Options.Right: stored choice 0 is the right one in the bench's questions), autosave,
    /// next page; then the summary, submit, review.
    /// </summary>
    public async Task TakeQuizAsync(Teacher t, PhaseStats s, string activityPath, long startAt, int thinkMs)
    {
        await DelayUntil(startAt);
        var page = await StartAsync(t, s, activityPath);
        if (page is null) return;
        var pages = Browser.PagesIn(page);
        for (var p = 1; p <= pages; p++)
        {
            if (p > 1 && (page = await PageAsync(t, s, p)) is null) return;
            foreach (var (slot, values) in Browser.ChoicesIn(page))
            {
                if (thinkMs > 0) await Task.Delay(thinkMs / 2 + t.Rng.Next(thinkMs + 1));
                if (!await SaveAsync(t, s, slot, Choose(t, values))) return;
            }
        }
        if (!await SummaryAsync(t, s)) return;
        if (!await SubmitAsync(t, s)) return;
        await ReviewAsync(t, s);
    }

    public string Choose(Teacher t, List<string> values)
    {
        if (values.Contains("0") && t.Rng.NextDouble() < o.Right) return "0";
        var wrong = values.Where(v => v != "0").ToList();
        return wrong.Count == 0 ? values[0] : wrong[t.Rng.Next(wrong.Count)];
    }

    private bool Fail(Teacher t)
    {
        t.Failed = true;
        return false;
    }

    public static async Task DelayUntil(long timestamp)
    {
        var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), timestamp);
        if (wait > TimeSpan.Zero) await Task.Delay(wait);
    }
}
