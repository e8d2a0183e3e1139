using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using QuizLoad;

// The quiz load client of bench/quiz.sh: see bench/README.md, "Quizzes", and Options below for the arguments.
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
Options o;
try { o = Options.Parse(args); }
catch (ArgumentException e)
{
    Console.Error.WriteLine($"quizload: {e.Message}\n\n{Options.Usage}");
    return 2;
}
ThreadPool.SetMinThreads(Math.Max(64, Environment.ProcessorCount * 8), 64);
using var handler = new SocketsHttpHandler
{
    UseCookies = false,
    AllowAutoRedirect = false,
    AutomaticDecompression = DecompressionMethods.None,
    PooledConnectionIdleTimeout = TimeSpan.FromMinutes(10),
    ConnectTimeout = TimeSpan.FromSeconds(10),
};
using var http = new HttpClient(handler) { BaseAddress = new Uri(o.BaseUrl), Timeout = TimeSpan.FromSeconds(60) };
var browser = new Browser(http);
var flows = new Flows(browser, o);
var verifier = new Verifier(o.Pg);
var run = new Runner(o, flows, verifier, browser);
return await run.RunAsync();

namespace QuizLoad
{
    public sealed record Options(
        string BaseUrl, string Pg, Guid CourseId, Guid? StormActivity, Guid? FlatActivity, Guid? SustainedActivity,
        int Teachers, string UserPrefix, string Password, int AppPid, int PgPid, int StartWindowMs, int ThinkMs,
        int SustainSeconds, int HealthSeconds, double Right, int SignInParallel, string? Markdown, string? Kv,
        Guid? WarmupActivity, int WarmupTeachers, int WarmupSeconds, int PageLoopSeconds, IReadOnlyList<Guid> SubmitQuizzes)
    {
        public const string Usage = """
            QuizLoad --base URL --pg CONNECTION --course ID [phases] [options]
              phases (each a quiz activity of the course, each with one attempt per teacher; any may be left out):
                --storm ACTIVITY       all teachers start within --start-window-ms, think --think-ms per question, answer 20, submit
                --flat ACTIVITY        the same with no think time: the whole quiz flow as fast as the server allows
                --sustained ACTIVITY   all start, then save answers in a loop for --sustain-s, read pages in a loop for
                                       --page-loop-s (10), then all submit at once
                --submit-quizzes A,B,… (with --sustained) sustained submits: before the sustained phase's own submit,
                                       each teacher's attempt (answers saved and graded by the app) is copied in
                                       SQL into each of these quiz activities; then every teacher submits its
                                       copies one after the other (250 in flight) until all are submitted
                --warmup ACTIVITY      first, --warmup-teachers (25) of them go round this quiz's pages flat out for
                                       --warmup-s (90), then submit (tiered JIT, caches); not measured
              --teachers N (250)  --user-prefix P (bench: users P1..PN)  --password PW (Demo@2569)
              --app-pid PID  --pg-pid POSTMASTER_PID (CPU per request from /proc; 0: not measured)
              --start-window-ms 1000  --think-ms 1000 (storm; each think is uniform in [think/2, 3·think/2])
              --sustain-s 30  --health-s 10 (client-side GET /health loop first; 0: none)  --right 0.75
              --sign-in-parallel 8  --md FILE (markdown results)  --kv FILE (key=value results)
            """;

        public static Options Parse(string[] args)
        {
            var map = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < args.Length; i++)
            {
                if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length) throw new ArgumentException($"bad argument {args[i]}");
                map[args[i][2..]] = args[++i];
            }
            string Req(string k) => map.TryGetValue(k, out var v) ? v : throw new ArgumentException($"--{k} is required");
            string Opt(string k, string d) => map.GetValueOrDefault(k, d);
            Guid? Id(string k) => map.TryGetValue(k, out var v) ? Guid.Parse(v) : null;
            int Int(string k, int d) => int.Parse(Opt(k, d.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);
            var known = new HashSet<string> { "base", "pg", "course", "storm", "flat", "sustained", "teachers", "user-prefix", "password", "app-pid", "pg-pid",
                "start-window-ms", "think-ms", "sustain-s", "health-s", "right", "sign-in-parallel", "md", "kv", "warmup", "warmup-teachers", "warmup-s", "page-loop-s", "submit-quizzes" };
            if (map.Keys.FirstOrDefault(k => !known.Contains(k)) is { } unknown) throw new ArgumentException($"unknown option --{unknown}");
            return new Options(Req("base"), Req("pg"), Guid.Parse(Req("course")), Id("storm"), Id("flat"), Id("sustained"),
                Int("teachers", 250), Opt("user-prefix", "bench"), Opt("password", "Demo@2569"), Int("app-pid", 0), Int("pg-pid", 0),
                Int("start-window-ms", 1000), Int("think-ms", 1000), Int("sustain-s", 30), Int("health-s", 10),
                double.Parse(Opt("right", "0.75"), CultureInfo.InvariantCulture), Int("sign-in-parallel", 8), map.GetValueOrDefault("md"),
                map.GetValueOrDefault("kv"), Id("warmup"), Int("warmup-teachers", 25), Int("warmup-s", 90), Int("page-loop-s", 10),
                [.. Opt("submit-quizzes", "").Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Guid.Parse)]);
        }
    }

    public sealed class Runner(Options o, Flows flows, Verifier verifier, Browser browser)
    {
        private readonly StringBuilder md = new();
        private readonly List<(string Key, string Value)> kv = [];
        private readonly List<(string Target, string Measured, string Met)> targets = [];
        private bool allOk = true;
        private List<Teacher> teachers = [];

        private static void Say(string s) => Console.Error.WriteLine($"quizload: {s}");

        private string ActivityPath(Guid activity) => $"/Learn/Activity/{o.CourseId}/{activity}";

        public async Task<int> RunAsync()
        {
            teachers = Enumerable.Range(1, o.Teachers).Select(i => new Teacher(i, $"{o.UserPrefix}{i}", 1000 + i)).ToList();
            var persons = await verifier.PersonIdsAsync(teachers.Select(t => t.User));
            foreach (var t in teachers)
                t.PersonId = persons.TryGetValue(t.User, out var id) ? id : throw new InvalidOperationException($"no user {t.User} in the database");

            var signIn = new PhaseStats("sign-in");
            var cpu = new CpuWindow(o.AppPid, o.PgPid);
            await ForEachAsync(teachers, o.SignInParallel, t => flows.SignInAsync(t, signIn));
            var signInCpu = cpu.Stop();
            Say($"signed in {teachers.Count(t => !t.Failed)} of {teachers.Count} in {signInCpu.Seconds:0.0} s");
            if (teachers.Any(t => t.Failed)) return Abort(signIn, "a teacher could not sign in");
            md.AppendLine(CultureInfo.InvariantCulture, $"Sign-in of the {teachers.Count} teachers ({o.SignInParallel} at a time, one PBKDF2 check each): {signInCpu.Seconds:0.0} s, p50 {signIn.Kinds[Kind.SignIn].Percentiles().P50:0} ms per request.");
            md.AppendLine();

            if (o.WarmupActivity is { } warmup) await WarmupAsync(warmup);
            if (o.HealthSeconds > 0) await HealthAsync();
            if (o.StormActivity is { } storm) await QuizPhaseAsync("storm", storm, o.ThinkMs);
            if (o.FlatActivity is { } flat) await QuizPhaseAsync("flat", flat, 0);
            if (o.SustainedActivity is { } sustained) await SustainedAsync(sustained);

            var summary = new StringBuilder();
            summary.AppendLine("| target (issue 5) | measured | met |");
            summary.AppendLine("| --- | --- | --- |");
            foreach (var (target, measured, met) in targets) summary.AppendLine(CultureInfo.InvariantCulture, $"| {target} | {measured} | {met} |");
            summary.AppendLine();
            await WriteAsync(summary + md.ToString());
            return allOk ? 0 : 1;
        }

        private int Abort(PhaseStats s, string why)
        {
            Say($"ERROR: {why}");
            foreach (var f in s.Kinds.Values.SelectMany(k => k.FailureSamples)) Say("  " + f);
            return 1;
        }

        /// <summary>The client's own floor: every teacher's connection loops GET /health (anonymous), as wrk does, for comparison with the quiz requests.</summary>
        private async Task HealthAsync()
        {
            var s = new PhaseStats("health");
            var anonymous = new Teacher(0, "anonymous", 1);
            var cpu = new CpuWindow(o.AppPid, o.PgPid);
            var until = Stopwatch.GetTimestamp() + (long)(o.HealthSeconds * Stopwatch.Frequency);
            await Task.WhenAll(teachers.Select(async _ =>
            {
                while (Stopwatch.GetTimestamp() < until)
                    await browser.SendAsync(anonymous, s, Kind.Health, HttpMethod.Get, "/health", null, r => Browser.Expect(r, HttpStatusCode.OK), sendCookies: false);
            }));
            var w = cpu.Stop();
            var n = s.Kinds[Kind.Health].Count;
            var rps = n / w.Seconds;
            Put("client_health_rps", rps.ToString("0"));
            md.AppendLine(CultureInfo.InvariantCulture, $"### /health through this client ({teachers.Count} connections, {o.HealthSeconds} s)");
            md.AppendLine();
            md.AppendLine(CultureInfo.InvariantCulture, $"{rps:0} requests/s; the quiz requests below go through the same client, so saves/s ÷ this is the like-for-like ratio.");
            md.AppendLine();
            KindTable(s, w);
            Say($"health: {rps:0}/s, {Cpu(w, n)}");
            if (s.Failures > 0) allOk = false;
        }

        private void Put(string key, string value) => kv.Add((key, value));

        /// <summary>
        /// A few teachers take a quiz of their own flat out, going round its pages (GET, autosave) for --warmup-s before they
        /// submit, so that the measured phases meet a warm app (tiered JIT settled, caches filled), as a real one is by 8 am.
        /// </summary>
        private async Task WarmupAsync(Guid activity)
        {
            var s = new PhaseStats("warmup");
            var few = teachers.Take(o.WarmupTeachers).ToList();
            var sw = Stopwatch.StartNew();
            var until = Stopwatch.GetTimestamp() + (long)(o.WarmupSeconds * Stopwatch.Frequency);
            await ForEachAsync(few, few.Count, async t =>
            {
                if (!await flows.OpenActivityAsync(t, s, ActivityPath(activity))) return false;
                if (await flows.StartAsync(t, s, ActivityPath(activity)) is not { } first) return false;
                var pages = Browser.PagesIn(first);
                do
                {
                    for (var p = 1; p <= pages; p++)
                    {
                        if (await flows.PageAsync(t, s, p) is not { } page) return false;
                        foreach (var (slot, values) in Browser.ChoicesIn(page))
                            if (!await flows.SaveAsync(t, s, slot, flows.Choose(t, values))) return false;
                    }
                } while (Stopwatch.GetTimestamp() < until);
                return await flows.SummaryAsync(t, s) && await flows.SubmitAsync(t, s) && await flows.ReviewAsync(t, s);
            });
            foreach (var t in few) t.Failed = false;
            md.AppendLine(CultureInfo.InvariantCulture, $"Warm-up: {few.Count} teachers went round a separate quiz's pages flat out for ≥ {o.WarmupSeconds} s and submitted it ({s.Requests} requests in {sw.Elapsed.TotalSeconds:0.0} s, {s.Failures} failures; not measured further).");
            md.AppendLine();
            Say($"warm-up: {s.Requests} requests in {sw.Elapsed.TotalSeconds:0.0} s, {s.Failures} failures");
        }


        /// <summary>Opening the quiz's page before the signal (teachers waiting for the trainer's "go"), 16 at a time.</summary>
        private async Task<PhaseStats> PrepareAsync(string name, Guid activity)
        {
            var pre = new PhaseStats(name + "-prepare");
            foreach (var t in teachers) t.Failed = false;
            await ForEachAsync(teachers, 16, t => flows.OpenActivityAsync(t, pre, ActivityPath(activity)));
            if (teachers.Any(t => t.Failed)) allOk = false;
            return pre;
        }

        /// <summary>Start offsets spread evenly over the window, in a shuffled order of teachers.</summary>
        private Dictionary<Teacher, long> StartTimes(long signal)
        {
            var rng = new Random(42);
            var order = teachers.OrderBy(_ => rng.Next()).ToList();
            var step = o.StartWindowMs * Stopwatch.Frequency / 1000.0 / Math.Max(1, teachers.Count);
            return order.Select((t, i) => (t, at: signal + (long)(i * step))).ToDictionary(x => x.t, x => x.at);
        }

        private async Task QuizPhaseAsync(string name, Guid activity, int thinkMs)
        {
            var pre = await PrepareAsync(name, activity);
            var s = new PhaseStats(name);
            var signal = Stopwatch.GetTimestamp() + Stopwatch.Frequency / 2;
            var at = StartTimes(signal);
            Say($"{name}: {teachers.Count} teachers start within {o.StartWindowMs} ms, think {thinkMs} ms per question");
            await Flows.DelayUntil(signal);
            var cpu = new CpuWindow(o.AppPid, o.PgPid);
            await Task.WhenAll(teachers.Where(t => !t.Failed).Select(t => flows.TakeQuizAsync(t, s, ActivityPath(activity), at[t], thinkMs)));
            var w = cpu.Stop();
            var v = await verifier.VerifyAsync(activity, teachers, 20);
            var starts = teachers.Where(t => t.StartSentUtc is not null).Select(t => t.StartSentUtc!.Value).ToList();
            var sendWindow = starts.Count > 1 ? (starts.Max() - starts.Min()).TotalMilliseconds : 0;
            var flowsPerS = teachers.Count(t => !t.Failed) / w.Seconds;

            md.AppendLine(name == "storm"
                ? $"### Storm: {teachers.Count} teachers start the same quiz within {o.StartWindowMs / 1000.0:0.#} s, think ~{thinkMs} ms per question, answer 20, submit"
                : $"### Flat out: {teachers.Count} teachers start within {o.StartWindowMs / 1000.0:0.#} s and take the whole quiz with no think time");
            md.AppendLine();
            md.AppendLine(CultureInfo.InvariantCulture, $"StartQuiz posts sent over {sendWindow:0} ms; the attempts' started_at_utc span {v.StartWindowSeconds:0.000} s. " +
                $"Each teacher: StartQuiz → page 1, then per question (one per page) an autosave and the next page, then the summary, submit, review " +
                $"(44 requests). Whole phase {w.Seconds:0.0} s, {s.Requests} requests = {s.Requests / w.Seconds:0} requests/s; " +
                $"{flowsPerS:0.0} whole quiz flows/s; submits span {v.SubmitWindowSeconds:0.00} s (submitted_at_utc).");
            md.AppendLine();
            KindTable(s, w);
            md.AppendLine(CultureInfo.InvariantCulture, $"Before the signal each teacher opened the quiz's activity page (16 at a time): p50 {pre.Kinds[Kind.Activity].Percentiles().P50:0.0} ms, p99 {pre.Kinds[Kind.Activity].Percentiles().P99:0.0} ms, {pre.Failures} failures.");
            md.AppendLine();
            VerifyLines(v);

            var page = s.Kinds[Kind.Page].Percentiles();
            // The same after the start burst: pages requested once every StartQuiz has been answered.
            var afterStarts = s.Kinds[Kind.Start].LastAnswered;
            var pageAfter = s.Kinds[Kind.Page].Percentiles(afterStarts);
            var saveAfter = s.Kinds[Kind.Save].Percentiles(afterStarts);
            var startsTook = (afterStarts - signal) / (double)Stopwatch.Frequency;
            md.AppendLine(CultureInfo.InvariantCulture, $"After the start burst (the last StartQuiz answered {startsTook:0.00} s after the signal): attempt page p50 {pageAfter.P50:0.0} ms, p95 {pageAfter.P95:0.0}, p99 {pageAfter.P99:0.0}, max {pageAfter.Max:0.0} ({s.Kinds[Kind.Page].CountFrom(afterStarts)} pages); save p50 {saveAfter.P50:0.0} ms, p99 {saveAfter.P99:0.0} ({s.Kinds[Kind.Save].CountFrom(afterStarts)} saves).");
            md.AppendLine();
            Put($"{name}_page_p99_after_starts", $"{pageAfter.P99:0.0}");
            Put($"{name}_page_p50", $"{page.P50:0.0}");
            Put($"{name}_page_p99", $"{page.P99:0.0}");
            Put($"{name}_rps", $"{s.Requests / w.Seconds:0}");
            Put($"{name}_flows_per_s", $"{flowsPerS:0.0}");
            Put($"{name}_lost", v.Lost.ToString(CultureInfo.InvariantCulture));
            Put($"{name}_failures", s.Failures.ToString(CultureInfo.InvariantCulture));
            var worstP99 = new[] { Kind.Start, Kind.Page, Kind.Save, Kind.Summary, Kind.Submit, Kind.Review }
                .Select(k => (k, p: s.Kinds[k].Percentiles().P99)).MaxBy(x => x.p);
            targets.Add(($"p99 of a page < 100 ms ({name}{(thinkMs > 0 ? $", think ~{thinkMs} ms" : ", no think time")})",
                $"attempt page p99 {page.P99:0.0} ms (p50 {page.P50:0.0}); after the start burst ({startsTook:0.0} s) p99 {pageAfter.P99:0.0} ms; slowest kind: {worstP99.k} p99 {worstP99.p:0.0} ms", page.P99 < 100 ? "yes" : "**no**"));
            targets.Add(($"no lost answer ({name})", $"{v.AnswersStoredAsSent} of {v.AnswersAcknowledged} acknowledged answers stored as sent; {v.Lost} lost; {v.Attempts} attempts for {v.Teachers} teachers, {v.Duplicates} duplicates, {v.NotFinished} not finished, {v.MarkMismatches} wrong marks",
                v.Ok && s.Failures == 0 ? "yes" : "**no**"));
            if (name == "flat") targets.Add(("whole quiz flows/s (Moodle: ~3/s here)", $"{flowsPerS:0.0} attempts/s (44 requests each)", "—"));
            if (!v.Ok || s.Failures > 0) allOk = false;
            Say($"{name}: {s.Requests / w.Seconds:0} req/s, page p50 {page.P50:0.0} p99 {page.P99:0.0} ms, {s.Failures} failures, lost {v.Lost}, {Cpu(w, s.Requests)}");
        }

        /// <summary>All start; then saves as fast as the server takes them for --sustain-s; then everybody submits at once.</summary>
        private async Task SustainedAsync(Guid activity)
        {
            var pre = await PrepareAsync("sustained", activity);
            var s = new PhaseStats("sustained-start");
            var signal = Stopwatch.GetTimestamp() + Stopwatch.Frequency / 2;
            var at = StartTimes(signal);
            var firstPages = new Dictionary<Teacher, string>();
            var startCpu = new CpuWindow(o.AppPid, o.PgPid);
            await Task.WhenAll(teachers.Where(t => !t.Failed).Select(async t =>
            {
                await Flows.DelayUntil(at[t]);
                if (await flows.StartAsync(t, s, ActivityPath(activity)) is { } page) lock (firstPages) firstPages[t] = page;
            }));
            var startW = startCpu.Stop();
            var active = teachers.Where(t => !t.Failed).ToList();
            Say($"sustained: {active.Count} attempts started in {startW.Seconds:0.0} s; saving for {o.SustainSeconds} s");

            // The save loop: each teacher changes its answers slot after slot (1..20, 1..20, ...), one save in flight at a time.
            var loop = new PhaseStats("sustained-saves");
            var loopCpu = new CpuWindow(o.AppPid, o.PgPid);
            var until = Stopwatch.GetTimestamp() + (long)(o.SustainSeconds * Stopwatch.Frequency);
            await Task.WhenAll(active.Select(async t =>
            {
                var page = firstPages[t];
                var slots = Browser.SlotsIn(page);
                var values = Browser.ChoicesIn(page).Values.First();
                for (var k = 0; Stopwatch.GetTimestamp() < until; k++)
                {
                    var slot = k % slots + 1;
                    var value = values[(k / slots + t.Index + slot) % values.Count];
                    if (!await flows.SaveAsync(t, loop, slot, value)) return;
                }
            }));
            var loopW = loopCpu.Stop();
            var saves = loop.Kinds[Kind.Save].Count;
            var acknowledged = active.Sum(t => t.SavesAcknowledged);
            var savesPerS = acknowledged / loopW.Seconds;

            // The answers they leave: one more save per question, right with probability --right as in the storm, so that
            // most attempts pass and their submits (and the copies' below) write the activity's completion, as a real
            // post-test's do. Not part of the saves/s above.
            var final = new PhaseStats("sustained-final");
            await Task.WhenAll(active.Where(t => !t.Failed).Select(async t =>
            {
                var page = firstPages[t];
                var values = Browser.ChoicesIn(page).Values.First();
                for (var slot = 1; slot <= Browser.SlotsIn(page); slot++)
                    if (!await flows.SaveAsync(t, final, slot, flows.Choose(t, values))) return;
            }));

            // Page loop: the attempt's pages, one after the other (1..20, 1..20, ...), one request in flight per teacher.
            var pages = new PhaseStats("sustained-pages");
            var pagesCpu = new CpuWindow(o.AppPid, o.PgPid);
            var pagesUntil = Stopwatch.GetTimestamp() + (long)(o.PageLoopSeconds * Stopwatch.Frequency);
            await Task.WhenAll(active.Where(t => !t.Failed).Select(async t =>
            {
                var count = Browser.PagesIn(firstPages[t]);
                for (var k = t.Index; Stopwatch.GetTimestamp() < pagesUntil; k++)
                    if (await flows.PageAsync(t, pages, k % count + 1) is null) return;
            }));
            var pagesW = pagesCpu.Stop();
            var pageCount = pages.Kinds[Kind.Page].Count;

            // Copies of every attempt (answers saved and graded by the app above) in the sustained-submit quizzes, made now,
            // while they are still in progress.
            var cloneWatch = Stopwatch.StartNew();
            var copies = o.SubmitQuizzes.Count > 0 ? await verifier.CloneAsync(activity, o.SubmitQuizzes) : 0;
            if (copies > 0) Say($"sustained: {copies} copies of the attempts made in {cloneWatch.Elapsed.TotalSeconds:0.0} s");

            // Submit storm: every teacher posts "Submit all and finish" at the same moment (a trainer's "time's up").
            var submit = new PhaseStats("sustained-submit");
            var submitCpu = new CpuWindow(o.AppPid, o.PgPid);
            await Task.WhenAll(active.Where(t => !t.Failed).Select(t => flows.SubmitAsync(t, submit)));
            var submitW = submitCpu.Stop();
            var submitted = submit.Kinds[Kind.Submit].Count - submit.Kinds[Kind.Submit].Failures;
            var submitsPerS = submitted / submitW.Seconds;
            var reviews = new PhaseStats("sustained-review");
            await ForEachAsync(active.Where(t => !t.Failed).ToList(), 32, t => flows.ReviewAsync(t, reviews));
            var v = await verifier.VerifyAsync(activity, teachers, 20);

            md.AppendLine(CultureInfo.InvariantCulture, $"### Sustained: {active.Count} teachers save answers as fast as the server takes them for {o.SustainSeconds} s, then all submit at once");
            md.AppendLine();
            md.AppendLine(CultureInfo.InvariantCulture, $"Start (within {o.StartWindowMs / 1000.0:0.#} s; StartQuiz + page 1): {startW.Seconds:0.0} s, attempts' started_at_utc span {v.StartWindowSeconds:0.000} s.");
            md.AppendLine();
            KindTable(s, startW);
            md.AppendLine(CultureInfo.InvariantCulture, $"**Answer saves** (autosave POSTs, one in flight per teacher, no think time; each changes the stored answer of a slot): " +
                $"{acknowledged} saved in {loopW.Seconds:0.0} s = **{savesPerS:0} saves/s**. Then each teacher saved its final answers, right with probability {o.Right} ({final.Kinds[Kind.Save].Count} saves, {final.Failures} failures; not counted here).");
            md.AppendLine();
            KindTable(loop, loopW);
            if (pageCount > 0)
            {
                md.AppendLine(CultureInfo.InvariantCulture, $"**Attempt pages** in a loop (GET /Learn/Attempt/{{id}}/{{page}}, one in flight per teacher, no think time) for {o.PageLoopSeconds} s: {pageCount / pagesW.Seconds:0} pages/s.");
                md.AppendLine();
                KindTable(pages, pagesW);
                Put("sustained_pages_per_s", $"{pageCount / pagesW.Seconds:0}");
                Put("sustained_page_app_us", pagesW.PerRequest(pagesW.AppCpu, pageCount));
                Put("sustained_page_pg_us", pagesW.PerRequest(pagesW.PgCpu, pageCount));
            }
            md.AppendLine(CultureInfo.InvariantCulture, $"**Graded attempt submissions** (all {active.Count} POST the summary form at once; each grades 20 answers and writes the attempt, its questions and, when it passes, the completion): " +
                $"{submitted} in {submitW.Seconds:0.00} s = **{submitsPerS:0} submissions/s** (submitted_at_utc span {v.SubmitWindowSeconds:0.00} s).");
            md.AppendLine();
            KindTable(submit, submitW);
            md.AppendLine(CultureInfo.InvariantCulture, $"Then the review page, 32 at a time: p50 {reviews.Kinds[Kind.Review].Percentiles().P50:0.0} ms, p99 {reviews.Kinds[Kind.Review].Percentiles().P99:0.0} ms, {reviews.Failures} failures. " +
                $"Quiz activity page before the start (16 at a time): p50 {pre.Kinds[Kind.Activity].Percentiles().P50:0.0} ms, {pre.Failures} failures.");
            md.AppendLine();
            VerifyLines(v);

            Put("sustained_saves_per_s", $"{savesPerS:0}");
            Put("sustained_save_p50", $"{loop.Kinds[Kind.Save].Percentiles().P50:0.0}");
            Put("sustained_save_p99", $"{loop.Kinds[Kind.Save].Percentiles().P99:0.0}");
            Put("sustained_save_app_us", loopW.PerRequest(loopW.AppCpu, saves));
            Put("sustained_save_pg_us", loopW.PerRequest(loopW.PgCpu, saves));
            Put("sustained_submits_per_s", $"{submitsPerS:0}");
            Put("sustained_submit_app_us", submitW.PerRequest(submitW.AppCpu, submitted));
            Put("sustained_submit_pg_us", submitW.PerRequest(submitW.PgCpu, submitted));
            Put("sustained_lost", v.Lost.ToString(CultureInfo.InvariantCulture));
            Put("sustained_load", loopW.LoadBefore);
            targets.Add(("≥ 2,000 graded submissions/s, read as **answer saves/s** (each autosave is one answer submitted and stored)",
                $"{savesPerS:0} saves/s (p50 {loop.Kinds[Kind.Save].Percentiles().P50:0.0} ms, p99 {loop.Kinds[Kind.Save].Percentiles().P99:0.0} ms at {active.Count} in flight)",
                savesPerS >= 2000 ? "yes" : "**no**"));
            targets.Add(("≥ 2,000 graded submissions/s, read as **graded attempt submissions/s** (submit + grade 20 answers)",
                $"{submitsPerS:0} submissions/s ({submitted} at once)", submitsPerS >= 2000 ? "yes" : "**no**"));
            targets.Add(("no lost answer (sustained)", $"{v.AnswersStoredAsSent} of {v.AnswersAcknowledged} final answers stored as last sent ({acknowledged} saves acknowledged); {v.Lost} lost; {v.Duplicates} duplicate attempts, {v.NotFinished} not finished, {v.MarkMismatches} wrong marks",
                v.Ok && loop.Failures + submit.Failures + s.Failures == 0 ? "yes" : "**no**"));
            if (!v.Ok || s.Failures + loop.Failures + final.Failures + pages.Failures + submit.Failures + reviews.Failures > 0) allOk = false;
            Say($"sustained: {savesPerS:0} saves/s (p99 {loop.Kinds[Kind.Save].Percentiles().P99:0.0} ms, {Cpu(loopW, saves)}), {submitsPerS:0} submissions/s ({Cpu(submitW, submitted)}), lost {v.Lost}");
            if (copies > 0) await SubmitLoopAsync(active.Where(t => !t.Failed).ToList(), cloneWatch.Elapsed.TotalSeconds);
        }

        /// <summary>
        /// Sustained graded submissions: every teacher submits its copied attempts one after the other, one in flight per
        /// teacher, until all are submitted; then PostgreSQL is asked whether each was graded and completed as it should be.
        /// </summary>
        private async Task SubmitLoopAsync(List<Teacher> active, double cloneSeconds)
        {
            var mine = await verifier.AttemptsInAsync(o.SubmitQuizzes);
            var s = new PhaseStats("sustained-submits");
            var cpu = new CpuWindow(o.AppPid, o.PgPid);
            var firstAt = Stopwatch.GetTimestamp();
            await Task.WhenAll(active.Select(async t =>
            {
                foreach (var id in mine.GetValueOrDefault(t.PersonId, []))
                    if (!await flows.SubmitAsync(t, s, id)) return;
            }));
            var w = cpu.Stop();
            var n = s.Kinds[Kind.Submit].Count - s.Kinds[Kind.Submit].Failures;
            var perS = n / w.Seconds;
            // The steady part: the middle 80 % of the submits (the first 10 % ramp up, the last 10 % trail off as teachers finish).
            var steady = s.Kinds[Kind.Submit].SteadyRate(0.1);
            var check = await verifier.VerifyCopiesAsync(o.SubmitQuizzes);

            md.AppendLine(CultureInfo.InvariantCulture, $"**Sustained graded attempt submissions**: before the submit above, each teacher's attempt (20 answers saved, and graded, by the app in the save loop) was copied in SQL into {o.SubmitQuizzes.Count} more quiz activities of the course ({mine.Values.Sum(x => x.Count)} attempts in progress, {cloneSeconds:0.0} s); " +
                $"then every teacher posted *Submit all and finish* for its copies one after the other, {active.Count} in flight, until all were submitted: " +
                $"{n} in {w.Seconds:0.0} s = **{perS:0} submissions/s** (steady middle 80 %: {steady:0}/s). Each adds up 20 stored grades and writes the attempt, and when it passes (60 %) the activity's completion and its outbox event.");
            md.AppendLine();
            KindTable(s, w);
            md.AppendLine(CultureInfo.InvariantCulture, $"Check in PostgreSQL: **{(check.Ok ? "every copy graded exactly once" : "PROBLEMS")}** — {check.Attempts} attempts, {check.NotFinished} not finished, {check.WrongMarks} marks and {check.WrongFractions} question fractions differ from what the answers earn; " +
                $"{check.Passed} passed and {check.Completions} quiz activities recorded as passed and completed for them ({check.MissingCompletions} missing, {check.ExtraCompletions} without a passing attempt); {check.Events} ActivityCompleted events in the outbox.");
            md.AppendLine();
            Put("sustained_loop_submits_per_s", $"{perS:0}");
            Put("sustained_loop_submits_steady_per_s", $"{steady:0}");
            Put("sustained_loop_seconds", $"{w.Seconds:0.0}");
            Put("sustained_loop_submit_app_us", w.PerRequest(w.AppCpu, n));
            Put("sustained_loop_submit_pg_us", w.PerRequest(w.PgCpu, n));
            targets.Add(("≥ 2,000 graded submissions/s **sustained**, read as graded attempt submissions/s (each teacher submitting attempt after attempt)",
                $"{perS:0} submissions/s over {w.Seconds:0.0} s ({n} attempts; steady middle 80 %: {steady:0}/s; p99 {s.Kinds[Kind.Submit].Percentiles().P99:0.0} ms at {active.Count} in flight); CPU per submit app {w.PerRequest(w.AppCpu, n)} µs, PostgreSQL {w.PerRequest(w.PgCpu, n)} µs",
                perS >= 2000 && w.Seconds >= 10 ? "yes" : "**no**"));
            if (!check.Ok || s.Failures > 0) allOk = false;
            Say($"sustained submits: {perS:0}/s over {w.Seconds:0.0} s (steady {steady:0}/s), {Cpu(w, n)}; check {(check.Ok ? "ok" : "FAILED")}");
        }

        private static string Cpu(CpuWindow.Result w, int requests) =>
            $"CPU/request app {w.PerRequest(w.AppCpu, requests)} µs, PostgreSQL {w.PerRequest(w.PgCpu, requests)} µs, client {w.PerRequest(w.ClientCpu, requests)} µs (load {w.LoadBefore})";

        private void KindTable(PhaseStats s, CpuWindow.Result w)
        {
            md.AppendLine("| request | count | failures | p50 ms | p95 ms | p99 ms | max ms | statuses |");
            md.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |");
            foreach (var (kind, k) in s.Kinds.Where(k => k.Value.Count > 0))
            {
                var p = k.Percentiles();
                md.AppendLine(CultureInfo.InvariantCulture, $"| {kind.ToString().ToLowerInvariant()} | {k.Count} | {k.Failures}{(k.Retries > 0 ? $" ({k.Retries} retried)" : "")} | {p.P50:0.0} | {p.P95:0.0} | {p.P99:0.0} | {p.Max:0.0} | {k.Statuses} |");
            }
            md.AppendLine();
            md.AppendLine(CultureInfo.InvariantCulture, $"{s.Requests} requests in {w.Seconds:0.00} s = {s.Requests / w.Seconds:0} requests/s; CPU per request: app {w.PerRequest(w.AppCpu, s.Requests)} µs, " +
                $"PostgreSQL {w.PerRequest(w.PgCpu, s.Requests)} µs, this client {w.PerRequest(w.ClientCpu, s.Requests)} µs " +
                $"(app {w.AppCpu:0.0} s, PostgreSQL {w.PgCpu:0.0} s, client {w.ClientCpu:0.0} s of CPU in {w.Seconds:0.0} s on {Environment.ProcessorCount} cores); load average {w.LoadBefore} → {w.LoadAfter}.");
            md.AppendLine();
            foreach (var f in s.Kinds.Values.SelectMany(k => k.FailureSamples).Take(5)) md.AppendLine(CultureInfo.InvariantCulture, $"- failure: `{f.Replace('`', '\'')}`");
            if (s.Failures > 0) md.AppendLine();
        }

        private void VerifyLines(Verifier.Result v)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"Check in PostgreSQL: **{(v.Ok ? "no lost answer" : "PROBLEMS")}** — {v.Attempts} attempts for {v.Teachers} teachers " +
                $"({v.Duplicates} duplicates, {v.Missing} missing, {v.WrongAttempt} not the one the app redirected to, {v.NotFinished} not finished); " +
                $"{v.AnswersStoredAsSent} of {v.AnswersAcknowledged} acknowledged answers stored exactly as sent with their sequence ({v.Lost} lost, {v.UnansweredSlots} slots never answered); " +
                $"{v.MarkMismatches} marks and {v.FractionMismatches} question fractions differ from what the answers earn.");
            md.AppendLine();
            foreach (var p in v.Problems.Take(10)) md.AppendLine(CultureInfo.InvariantCulture, $"- {p}");
            if (v.Problems.Count > 0) md.AppendLine();
        }

        private static async Task ForEachAsync(IReadOnlyList<Teacher> items, int parallel, Func<Teacher, Task<bool>> action)
        {
            var next = -1;
            await Task.WhenAll(Enumerable.Range(0, Math.Min(parallel, items.Count)).Select(async _ =>
            {
                int i;
                while ((i = Interlocked.Increment(ref next)) < items.Count) await action(items[i]);
            }));
        }

        private async Task WriteAsync(string markdown)
        {
            if (o.Markdown is { } path) await File.WriteAllTextAsync(path, markdown);
            else Console.WriteLine(markdown);
            if (o.Kv is { } kvPath) await File.WriteAllLinesAsync(kvPath, kv.Select(x => $"{x.Key}={x.Value}"));
        }
    }
}
