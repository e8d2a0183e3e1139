using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace PlcLoad;

public sealed class Runner(Options o, HttpClient http, Verifier verifier)
{
    private readonly StringBuilder md = new();
    private readonly List<(string Key, string Value)> kv = [];
    private readonly List<RoomClient> roomClients = [];
    private List<Teacher> teachers = [];
    private Dictionary<Guid, Verifier.Room> finalRooms = [];
    private bool ok = true;

    private static void Say(string s) => Console.Error.WriteLine($"plcload: {DateTime.UtcNow:HH:mm:ss} {s}");
    private void Kv(string key, FormattableString value) => kv.Add((key, value.ToString(CultureInfo.InvariantCulture)));
    private void Md(FormattableString line) => md.AppendLine(line.ToString(CultureInfo.InvariantCulture));

    public async Task<int> RunAsync()
    {
        var members = await verifier.MembersAsync(o.UserPrefix);
        teachers = Enumerable.Range(1, o.Teachers).Select(i => new Teacher(i, $"{o.UserPrefix}{i}")).ToList();
        foreach (var t in teachers)
        {
            if (!members.TryGetValue(t.User, out var m)) throw new InvalidOperationException($"{t.User} is not a member of a PLC group");
            (t.PersonId, t.GroupId) = m;
        }
        var groups = teachers.GroupBy(t => t.GroupId).ToList();
        Say($"{teachers.Count} teachers in {groups.Count} groups; signing in ({o.SignInParallel} at a time) ...");

        var signIn = new CpuWindow(o.AppPid, o.PgPid);
        var failures = new List<string>();
        await ForEachAsync(teachers, o.SignInParallel, async t =>
        {
            if (await t.SignInAsync(http, o.Password) is { } why) lock (failures) failures.Add(why);
        });
        var signInCpu = signIn.Stop();
        if (failures.Count > 0)
        {
            Say($"ERROR: {failures.Count} sign-ins failed, e.g. {failures[0]}");
            return 1;
        }
        Say($"signed in {teachers.Count} in {signInCpu.Seconds:0.0} s");
        Md($"{teachers.Count} teachers in {groups.Count} PLC groups ({groups.Min(g => g.Count())}–{groups.Max(g => g.Count())} members), each signed in once ({o.SignInParallel} at a time): {signInCpu.Seconds:0.0} s.");
        Md($"");

        var phases = o.Phases.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (phases.Contains("rooms")) await RoomsAsync(groups.Max(g => g.Count()));
        if (phases.Contains("idle")) await IdleAsync();

        await Parallel.ForEachAsync(roomClients, new ParallelOptions { MaxDegreeOfParallelism = 64 }, async (c, _) => await c.DisposeAsync());
        if (o.Markdown is not null) await File.WriteAllTextAsync(o.Markdown, md.ToString());
        if (o.Kv is not null) await File.WriteAllLinesAsync(o.Kv, kv.Select(p => $"{p.Key}={p.Value}"));
        Console.Error.WriteLine(md.ToString());
        return ok ? 0 : 1;
    }

    private static async Task ForEachAsync<T>(IEnumerable<T> items, int parallel, Func<T, Task> body) =>
        await Parallel.ForEachAsync(items, new ParallelOptions { MaxDegreeOfParallelism = parallel }, async (item, _) => await body(item));

    // ------------------------------------------------------------------------------------------------------ rooms
    private async Task RoomsAsync(int largestRoom)
    {
        var sendCapacity = (int)(o.Teachers * o.RatePerMember * (o.WarmupSeconds + o.Seconds + 5)) + 10_000;
        var ledger = new Ledger(sendCapacity, (int)(o.Teachers * o.RatePerMember * (o.Seconds + 5) * largestRoom) + 10_000);
        Say($"connecting {teachers.Count} room pages to /hubs/plc ...");
        var connect = Stopwatch.StartNew();
        var connectFailures = new List<string>();
        foreach (var t in teachers) roomClients.Add(new RoomClient(t, o.BaseUrl, "/hubs/plc", ledger));
        await ForEachAsync(roomClients, o.ConnectParallel, async c =>
        {
            try
            {
                await c.ConnectAsync(record: true);
                await c.JoinAsync(0);
            }
            catch (Exception e) { lock (connectFailures) connectFailures.Add($"{c.Teacher.User}: {e.GetType().Name} {e.Message}"); }
        });
        if (connectFailures.Count > 0)
        {
            Say($"ERROR: {connectFailures.Count} connections failed, e.g. {connectFailures[0]}");
            ok = false;
            Md($"**{connectFailures.Count} of {teachers.Count} room connections failed**, e.g. `{connectFailures[0]}`.");
            return;
        }
        Say($"connected and joined in {connect.Elapsed.TotalSeconds:0.0} s");
        Md($"{teachers.Count} WebSocket connections to `/hubs/plc`, each joined to its room: {connect.Elapsed.TotalSeconds:0.0} s.");
        Md($"");

        // One schedule from the warm-up into the measured window, as a room that is in use does not pause: each member
        // keeps its own rhythm across the boundary, and a send is measured when its time falls in the window. (Ending
        // the warm-up, waiting for its last sends and starting every member afresh put a gap and a restart at the
        // window's first seconds, which were often its worst.)
        Say($"warm-up {o.WarmupSeconds} s (not measured), then measuring: {o.RatePerMember} message/s per teacher = {o.Teachers * o.RatePerMember:0} messages/s for {o.Seconds} s ...");
        var sendsBefore = 0L;
        CpuWindow cpu = null!;
        var rssBefore = 0L;
        var boundary = Stopwatch.GetTimestamp() + (long)(o.WarmupSeconds * Stopwatch.Frequency);
        ledger.Delivery.StartAt = boundary;
        var windowOpens = Task.Run(async () =>
        {
            var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), boundary);
            if (wait > TimeSpan.Zero) await Task.Delay(wait);
            sendsBefore = ledger.SendCount;
            cpu = new CpuWindow(o.AppPid, o.PgPid);
            rssBefore = o.AppPid > 0 ? CpuWindow.Rss(o.AppPid) : 0;
        });
        await SendAllAsync(o.WarmupSeconds + o.Seconds, measuredFrom: boundary);
        await windowOpens;
        var window = cpu.Stop();
        var measuredSends = ledger.SendCount - sendsBefore;

        // The last deliveries: wait until every member has every message of its room, or --drain-s.
        var rooms = teachers.GroupBy(t => t.GroupId).ToDictionary(g => g.Key, g => g.Count());
        var sends = ledger.SendsById();
        var acked = ledger.AckedById();
        var expectedTotal = acked.Keys.Sum(id => (long)rooms[sends[id].GroupId]);
        var drain = Stopwatch.StartNew();
        while (drain.Elapsed.TotalSeconds < o.DrainSeconds && roomClients.Sum(c => (long)c.Received.Count) < expectedTotal - acked.Count)
            await Task.Delay(100);
        await Task.Delay(500); // anything doubled or late turns up too

        // ---- verification
        finalRooms = await verifier.RoomsAsync(rooms.Keys);
        var gapless = finalRooms.Values.Count(r => r.Count == 0 || (r.MinSeq == 1 && r.MaxSeq == r.Count && r.Distinct == r.Count));
        var storedAsAcked = await verifier.StoredAsAckedAsync(acked, sends);
        var storedTotal = finalRooms.Values.Sum(r => r.Count);
        long lost = 0, doubled = 0, outOfOrder = 0, deliveries = 0, foreign = 0;
        var ownEchoed = false;
        var ownByAuthor = acked.GroupBy(a => sends[a.Key].Author).ToDictionary(g => g.Key, g => g.Select(a => a.Value).ToHashSet());
        foreach (var c in roomClients)
        {
            var got = c.Received;
            deliveries += got.Count;
            foreign += c.Foreign;
            var own = ownByAuthor.GetValueOrDefault(c.Teacher.PersonId) ?? [];
            if (got.Any(own.Contains)) ownEchoed = true;
            var distinct = got.ToHashSet();
            doubled += got.Count - distinct.Count;
            for (var i = 1; i < got.Count; i++) if (got[i] <= got[i - 1]) outOfOrder++;
            distinct.UnionWith(own);
            var room = finalRooms[c.Teacher.GroupId];
            for (long s = 1; s <= room.MaxSeq; s++) if (!distinct.Contains(s)) lost++;
        }
        var unacked = sends.Count - acked.Count;
        var allOk = gapless == finalRooms.Count && storedAsAcked == acked.Count && storedTotal == acked.Count
                    && lost == 0 && doubled == 0 && foreign == 0 && ledger.SendFailures == 0;
        ok &= allOk;

        var d = ledger.Delivery.Percentiles();
        var a = ledger.Ack.Percentiles();
        var rate = measuredSends / window.Seconds;
        var appPerMsg = window.AppCpuSeconds / measuredSends * 1e6;
        var pgPerMsg = window.PgCpuSeconds / measuredSends * 1e6;
        var rssAfter = o.AppPid > 0 ? CpuWindow.Rss(o.AppPid) : 0;
        Kv("messages_per_s", $"{rate:0}");
        Kv("delivery_p50_ms", $"{d.P50:0.0}"); Kv("delivery_p95_ms", $"{d.P95:0.0}"); Kv("delivery_p99_ms", $"{d.P99:0.0}"); Kv("delivery_max_ms", $"{d.Max:0.0}");
        Kv("ack_p50_ms", $"{a.P50:0.0}"); Kv("ack_p99_ms", $"{a.P99:0.0}");
        Kv("lost", $"{lost}"); Kv("doubled", $"{doubled}"); Kv("out_of_order", $"{outOfOrder}");
        Kv("app_cpu_us_per_message", $"{appPerMsg:0}"); Kv("pg_cpu_us_per_message", $"{pgPerMsg:0}");
        Kv("load_during", $"{window.LoadAfter}");
        Say($"{rate:0} messages/s; delivery p50 {d.P50:0.0} p99 {d.P99:0.0} max {d.Max:0.0} ms; lost {lost}, doubled {doubled}, out of order {outOfOrder}");

        Md($"**Rooms**: {o.Teachers} members sending {o.RatePerMember} message/s each (start times spread over the second, each member on its own schedule), {o.WarmupSeconds} s warm-up then {o.Seconds} s measured; load average {window.LoadBefore} before, {window.LoadAfter} after.");
        Md($"");
        Md($"| | measured |");
        Md($"| --- | --- |");
        Md($"| messages sent in the measured window | {measuredSends:N0} in {window.Seconds:0.0} s = **{rate:0} messages/s** |");
        Md($"| deliveries measured (to every other member of the room) | {ledger.Delivery.Count:N0} |");
        Md($"| delivery latency, send call → arrival at another member | p50 {d.P50:0.0} ms, p95 {d.P95:0.0} ms, **p99 {d.P99:0.0} ms**, p99.9 {d.P999:0.0} ms, max {d.Max:0.0} ms |");
        Md($"| acknowledgement (SendMessage answered: stored, numbered) | p50 {a.P50:0.0} ms, p95 {a.P95:0.0} ms, p99 {a.P99:0.0} ms, max {a.Max:0.0} ms |");
        Md($"| CPU per message (app + PostgreSQL) | {appPerMsg:0} µs + {pgPerMsg:0} µs ({window.AppCpuSeconds / window.Seconds * 100:0}% + {window.PgCpuSeconds / window.Seconds * 100:0}% of one core) |");
        Md($"| app resident memory before → after the window | {rssBefore / 1048576.0:0} → {rssAfter / 1048576.0:0} MiB |");
        var seconds = ledger.Delivery.BySecond().Where(x => x.Second < o.Seconds).ToList();
        var slow = seconds.Count(x => x.P99 >= 25);
        Kv("seconds_p99_over_25ms", $"{slow}");
        Md($"| seconds of the window whose delivery p99 was 25 ms or more | {slow} of {seconds.Count}; the worst: {string.Join(", ", seconds.OrderByDescending(x => x.P99).Take(5).Select(x => $"second {x.Second} p99 {x.P99:0} ms (max {x.Max:0})"))}; the best: p99 {seconds.Select(x => x.P99).DefaultIfEmpty(double.NaN).Min():0.0} ms |");
        Md($"");
        Md($"Checked after the run (warm-up included): {sends.Count:N0} sends, {acked.Count:N0} acknowledged, {unacked} not acknowledged ({ledger.SendFailures} failed); PostgreSQL holds {storedTotal:N0} messages, {storedAsAcked:N0} of the acknowledged ones with the room and number their sender was told; rooms numbered 1…N without a gap or repeat: {gapless} of {finalRooms.Count}; the clients received {deliveries:N0} messages ({(ownEchoed ? "the sender's own included" : "not their own: the sender has its number from the acknowledgement")}): **{lost} lost, {doubled} doubled**, {foreign} from another room. {(allOk ? "**Nothing lost or doubled.**" : "**CHECKS FAILED.**")} Order of arrival: **{outOfOrder:N0} of {deliveries:N0} arrivals ({100.0 * outOfOrder / Math.Max(1, deliveries):0.00}%) came after a message with a higher number** of the same room (two members' sends numbered n and n+1 in PostgreSQL are then sent to the room independently); the room page places each message by its number, so what a member sees is in order.");
        foreach (var f in ledger.FailureSamples.Take(5)) Md($"- failure: `{f}`");
        Md($"");
    }

    /// <summary>
    /// Every member sends --rate messages/s for <paramref name="seconds"/>, each on its own schedule starting at a random
    /// point of the first period; sends due from <paramref name="measuredFrom"/> on are measured.
    /// </summary>
    private async Task SendAllAsync(int seconds, long measuredFrom)
    {
        var period = TimeSpan.FromSeconds(1 / o.RatePerMember);
        var start = Stopwatch.GetTimestamp();
        var end = start + (long)(seconds * Stopwatch.Frequency);
        await Task.WhenAll(roomClients.Select(async c =>
        {
            var rng = new Random(c.Teacher.Index * 7919);
            var next = start + (long)(rng.NextDouble() * period.TotalSeconds * Stopwatch.Frequency);
            var inFlight = new List<Task>();
            var n = 0;
            while (next < end)
            {
                var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), next);
                if (wait > TimeSpan.Zero) await Task.Delay(wait);
                inFlight.Add(c.SendAsync(++n, measured: next >= measuredFrom));
                inFlight.RemoveAll(t => t.IsCompletedSuccessfully);
                next += (long)(period.TotalSeconds * Stopwatch.Frequency);
            }
            await Task.WhenAll(inFlight);
        }));
    }

    // ------------------------------------------------------------------------------------------------------ idle
    /// <summary>Idle pages: connections that joined a room and wait. The app's resident memory after each step gives the cost of one.</summary>
    private async Task IdleAsync()
    {
        if (o.AppPid <= 0) { Md($"Idle connections: not measured (no --app-pid)."); return; }
        var plc = o.IdleHub == "/hubs/plc";
        if (plc && finalRooms.Count == 0) finalRooms = await verifier.RoomsAsync(teachers.Select(t => t.GroupId));
        var ledger = new Ledger(16, 16);
        var points = new List<(int Connections, long Rss)>();
        await Task.Delay(5000);
        var baseline = roomClients.Count;
        points.Add((0, CpuWindow.Rss(o.AppPid)));
        Say($"idle: {baseline} connections open, app RSS {points[0].Rss / 1048576.0:0} MiB; adding {o.IdleConnections} to {o.IdleHub} ({o.IdleStep} at a time) ...");
        var failures = 0;
        string? firstFailure = null;
        for (var added = 0; added < o.IdleConnections;)
        {
            var batch = Enumerable.Range(added, Math.Min(o.IdleStep, o.IdleConnections - added))
                .Select(i => new RoomClient(teachers[i % teachers.Count], o.BaseUrl, o.IdleHub, ledger)).ToList();
            await ForEachAsync(batch, o.ConnectParallel, async c =>
            {
                try
                {
                    await c.ConnectAsync(record: false);
                    if (plc) await c.JoinAsync(finalRooms[c.Teacher.GroupId].MaxSeq);
                }
                catch (Exception e)
                {
                    Interlocked.Increment(ref failures);
                    firstFailure ??= $"{e.GetType().Name} {e.Message}";
                }
            });
            roomClients.AddRange(batch);
            added += batch.Count;
            await Task.Delay(5000); // let the app's allocations settle (and a GC run) before reading its memory
            points.Add((added, CpuWindow.Rss(o.AppPid)));
            Say($"  +{added} idle connections: app RSS {points[^1].Rss / 1048576.0:0} MiB");
        }
        var idleCpu = new CpuWindow(o.AppPid, o.PgPid);
        await Task.Delay(15_000);
        var idle = idleCpu.Stop();

        // Least squares: RSS = a + b · connections.
        var n = points.Count;
        var mx = points.Average(p => (double)p.Connections);
        var my = points.Average(p => (double)p.Rss);
        var slope = points.Sum(p => (p.Connections - mx) * (p.Rss - my)) / points.Sum(p => (p.Connections - mx) * (p.Connections - mx));
        var perGiB = 1024.0 * 1024 * 1024 / slope;
        var total = baseline + o.IdleConnections;
        Kv("idle_bytes_per_connection", $"{slope:0}");
        Kv("idle_connections_per_gib", $"{perGiB:0}");
        Kv("idle_failures", $"{failures}");
        ok &= failures == 0;
        Md($"**Idle connections** ({o.IdleHub}{(plc ? ", each joined to its room as an open room page is" : "")}, WebSockets, SignalR's 15 s keep-alive): {o.IdleConnections:N0} added to the {baseline:N0} room pages, {o.IdleStep:N0} at a time{(failures > 0 ? $", **{failures} failed** (e.g. `{firstFailure}`)" : "")}; the app's resident memory after each step (5 s to settle):");
        Md($"");
        Md($"| connections added | app RSS |");
        Md($"| --- | --- |");
        foreach (var p in points) Md($"| {p.Connections:N0} | {p.Rss / 1048576.0:0} MiB |");
        Md($"");
        Md($"Growth **{slope / 1024:0.0} KiB per connection** (least squares over the steps) → **{perGiB:N0} idle connections per GiB** of the app's memory. With {total:N0} connections open and idle, the app used {idle.AppCpuSeconds / idle.Seconds * 100:0.0}% of one core (keep-alives), PostgreSQL {idle.PgCpuSeconds / idle.Seconds * 100:0.0}%; load average {idle.LoadAfter}.");
        Md($"");
    }
}
