using System.Diagnostics;
using System.Globalization;

namespace QuizLoad;

/// <summary>What a request was, for the latency tables.</summary>
public enum Kind
{
    /// <summary>GET /Account/Login and POST it (one PBKDF2 check).</summary>
    SignIn,
    /// <summary>GET /Learn/Activity/{course}/{activity}: the quiz's page with the start button.</summary>
    Activity,
    /// <summary>POST ?handler=StartQuiz: creates the attempt (draws and lays out 20 questions), 302 to it.</summary>
    Start,
    /// <summary>GET /Learn/Attempt/{id}/{page}: a page of questions.</summary>
    Page,
    /// <summary>POST /Learn/Attempt/{id}?handler=Save: one answer (site.js's autosave, multipart like the browser's FormData).</summary>
    Save,
    /// <summary>GET /Learn/Attempt/{id}/Summary: the page before submitting.</summary>
    Summary,
    /// <summary>POST /Learn/Attempt/{id}/Summary: submit and grade, 302 to the review.</summary>
    Submit,
    /// <summary>GET /Learn/Attempt/{id}/Review.</summary>
    Review,
    /// <summary>GET /health (anonymous), the floor of the stack.</summary>
    Health,
}

/// <summary>Latencies and outcomes of one kind of request. Thread-safe.</summary>
public sealed class KindStats
{
    private readonly Lock gate = new();
    private readonly List<double> millis = [];
    private readonly List<long> sentAt = [];
    private readonly SortedDictionary<int, int> statuses = [];

    public int Failures { get; private set; }
    public int Retries { get; private set; }
    public List<string> FailureSamples { get; } = [];

    public void Record(double ms, int status, bool ok, string? why, long sent = 0)
    {
        lock (gate)
        {
            millis.Add(ms);
            sentAt.Add(sent);
            statuses[status] = statuses.GetValueOrDefault(status) + 1;
            if (!ok)
            {
                Failures++;
                if (FailureSamples.Count < 5 && why is not null) FailureSamples.Add(why);
            }
        }
    }

    public void Retried()
    {
        lock (gate) Retries++;
    }

    public int Count
    {
        get { lock (gate) return millis.Count; }
    }

    public int CountFrom(long sentFrom)
    {
        lock (gate) return sentAt.Count(t => t >= sentFrom);
    }

    /// <summary>
    /// Requests per second between the answers of the <paramref name="trim"/> share and the 1 − trim share of the
    /// requests (by answer time): the rate once everybody is busy, without the ramp-up and the tail.
    /// </summary>
    public double SteadyRate(double trim)
    {
        double[] done;
        lock (gate) done = [.. sentAt.Select((t, i) => t / (double)System.Diagnostics.Stopwatch.Frequency + millis[i] / 1000)];
        if (done.Length < 10) return 0;
        Array.Sort(done);
        var (a, b) = ((int)(done.Length * trim), (int)(done.Length * (1 - trim)) - 1);
        return done[b] > done[a] ? (b - a) / (done[b] - done[a]) : 0;
    }

    /// <summary>When the last request of this kind was answered (a Stopwatch timestamp; 0 when none).</summary>
    public long LastAnswered { get; private set; }

    public void Answered(long at)
    {
        lock (gate) LastAnswered = Math.Max(LastAnswered, at);
    }

    public string Statuses
    {
        get { lock (gate) return string.Join(" ", statuses.Select(s => $"{(s.Key == 0 ? "error" : s.Key.ToString(CultureInfo.InvariantCulture))}×{s.Value}")); }
    }

    /// <summary>p50, p95, p99, max in milliseconds (nearest rank); with <paramref name="sentFrom"/>, only of the requests sent from then on (a Stopwatch timestamp).</summary>
    public (double P50, double P95, double P99, double Max) Percentiles(long sentFrom = 0)
    {
        double[] sorted;
        lock (gate) sorted = sentFrom == 0 ? [.. millis] : [.. millis.Where((_, i) => sentAt[i] >= sentFrom)];
        if (sorted.Length == 0) return (0, 0, 0, 0);
        Array.Sort(sorted);
        double At(double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
        return (At(0.50), At(0.95), At(0.99), sorted[^1]);
    }
}

/// <summary>One phase of the run: per-kind latencies, the wall time and the CPU spent by the app, PostgreSQL and this client.</summary>
public sealed class PhaseStats(string name)
{
    public string Name => name;
    public Dictionary<Kind, KindStats> Kinds { get; } = Enum.GetValues<Kind>().ToDictionary(k => k, _ => new KindStats());
    public List<string> Notes { get; } = [];
    public Dictionary<string, string> Values { get; } = [];

    public int Requests => Kinds.Values.Sum(k => k.Count);
    public int Failures => Kinds.Values.Sum(k => k.Failures);
}

/// <summary>CPU time of a process (and of a process tree) from /proc, and the load average.</summary>
public static class Proc
{
    private static readonly double TicksPerSecond = 100.0; // USER_HZ; Linux reports /proc/*/stat in 1/100 s on every common configuration

    /// <summary>utime + stime of one process in seconds; with children, also cutime + cstime (children that exited and were reaped).</summary>
    public static double CpuSeconds(int pid, bool reapedChildren = false)
    {
        var f = StatFields(pid);
        if (f is null) return double.NaN;
        var ticks = long.Parse(f[11], CultureInfo.InvariantCulture) + long.Parse(f[12], CultureInfo.InvariantCulture);
        if (reapedChildren) ticks += long.Parse(f[13], CultureInfo.InvariantCulture) + long.Parse(f[14], CultureInfo.InvariantCulture);
        return ticks / TicksPerSecond;
    }

    /// <summary>
    /// CPU of a PostgreSQL cluster: the postmaster with the children it has reaped (backends that exited during the run
    /// leave their time there) plus every live child (backends, WAL writer, checkpointer...).
    /// </summary>
    public static double TreeCpuSeconds(int rootPid)
    {
        var total = CpuSeconds(rootPid, reapedChildren: true);
        if (double.IsNaN(total)) return total;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid) || pid == rootPid) continue;
            var f = StatFields(pid);
            if (f is null || f[1] != rootPid.ToString(CultureInfo.InvariantCulture)) continue;
            total += (long.Parse(f[11], CultureInfo.InvariantCulture) + long.Parse(f[12], CultureInfo.InvariantCulture)) / TicksPerSecond;
        }
        return total;
    }

    /// <summary>Fields of /proc/PID/stat after the command name: [0] = state, [1] = ppid, [11] = utime, [12] = stime, [13] = cutime, [14] = cstime.</summary>
    private static string[]? StatFields(int pid)
    {
        try
        {
            var text = File.ReadAllText($"/proc/{pid}/stat");
            var close = text.LastIndexOf(')');
            return text[(close + 2)..].Split(' ');
        }
        catch (IOException) { return null; }
        catch (UnauthorizedAccessException) { return null; }
    }

    public static string LoadAverage()
    {
        try { return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)); }
        catch (IOException) { return "n/a"; }
    }

    public static double ClientCpuSeconds() => Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;
}

/// <summary>CPU of the app, PostgreSQL and this client over a window, and the load average when it began.</summary>
public sealed class CpuWindow
{
    private readonly int appPid, pgPid;
    private readonly double app0, pg0, client0;
    private readonly long t0 = Stopwatch.GetTimestamp();
    public string LoadBefore { get; } = Proc.LoadAverage();

    public CpuWindow(int appPid, int pgPid)
    {
        (this.appPid, this.pgPid) = (appPid, pgPid);
        app0 = appPid > 0 ? Proc.CpuSeconds(appPid) : double.NaN;
        pg0 = pgPid > 0 ? Proc.TreeCpuSeconds(pgPid) : double.NaN;
        client0 = Proc.ClientCpuSeconds();
    }

    public sealed record Result(double Seconds, double AppCpu, double PgCpu, double ClientCpu, string LoadBefore, string LoadAfter)
    {
        public string PerRequest(double cpu, int requests) =>
            double.IsNaN(cpu) || requests == 0 ? "n/a" : (cpu * 1e6 / requests).ToString("0", CultureInfo.InvariantCulture);
    }

    public Result Stop() => new(
        Stopwatch.GetElapsedTime(t0).TotalSeconds,
        appPid > 0 ? Proc.CpuSeconds(appPid) - app0 : double.NaN,
        pgPid > 0 ? Proc.TreeCpuSeconds(pgPid) - pg0 : double.NaN,
        Proc.ClientCpuSeconds() - client0,
        LoadBefore, Proc.LoadAverage());
}
