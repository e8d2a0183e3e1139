using System.Diagnostics;
using System.Globalization;

namespace PlcLoad;

/// <summary>CPU of the app and of the whole PostgreSQL cluster over a window, from /proc (clock ticks).</summary>
public sealed class CpuWindow(int appPid, int pgPid)
{
    private static readonly double Hz = 100; // CLK_TCK on Linux
    private readonly long app0 = Ticks(appPid), pg0 = PgTicks(pgPid), start = Stopwatch.GetTimestamp();
    private readonly string load0 = LoadAverage();

    public sealed record Result(double Seconds, double AppCpuSeconds, double PgCpuSeconds, string LoadBefore, string LoadAfter);

    public Result Stop() => new(Stopwatch.GetElapsedTime(start).TotalSeconds,
        appPid > 0 ? (Ticks(appPid) - app0) / Hz : double.NaN, pgPid > 0 ? (PgTicks(pgPid) - pg0) / Hz : double.NaN, load0, LoadAverage());

    public static string LoadAverage() => string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));

    /// <summary>utime + stime (fields 14, 15); with <paramref name="children"/> also the reaped children's (16, 17).</summary>
    private static long Ticks(int pid, bool children = false)
    {
        if (pid <= 0) return 0;
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var f = stat[(stat.LastIndexOf(')') + 2)..].Split(' '); // fields from 3 on
            long F(int n) => long.Parse(f[n - 3], CultureInfo.InvariantCulture);
            return F(14) + F(15) + (children ? F(16) + F(17) : 0);
        }
        catch (IOException) { return 0; }
    }

    /// <summary>The postmaster with the backends it reaped, plus every live child (backends, WAL writer, …).</summary>
    private static long PgTicks(int postmaster)
    {
        if (postmaster <= 0) return 0;
        var total = Ticks(postmaster, children: true);
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid)) continue;
            try
            {
                var stat = File.ReadAllText($"{dir}/stat");
                var f = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                if (int.Parse(f[1], CultureInfo.InvariantCulture) == postmaster) total += Ticks(pid);
            }
            catch (IOException) { }
        }
        return total;
    }

    /// <summary>Resident memory of a process in bytes (VmRSS).</summary>
    public static long Rss(int pid)
    {
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
        return 0;
    }
}

/// <summary>
/// Latencies in milliseconds, recorded from many threads into one preallocated array, each with the second of the
/// window it was recorded in (from <see cref="StartAt"/>), so that a bad p99 can be told apart as a few stalls or a
/// steady queue.
/// </summary>
public sealed class Latencies(int capacity)
{
    private readonly float[] values = new float[capacity];
    private readonly short[] seconds = new short[capacity];
    private int count;
    public int Dropped { get; private set; }
    /// <summary>Stopwatch timestamp of second 0 (set when the measured window starts).</summary>
    public long StartAt { get; set; } = Stopwatch.GetTimestamp();

    public void Add(double ms)
    {
        var i = Interlocked.Increment(ref count) - 1;
        if (i >= values.Length) { Dropped++; return; }
        values[i] = (float)ms;
        seconds[i] = (short)Math.Clamp(Stopwatch.GetElapsedTime(StartAt).TotalSeconds, 0, short.MaxValue);
    }

    public int Count => Math.Min(count, values.Length);

    public (double P50, double P95, double P99, double P999, double Max) Percentiles() => Of(values.AsSpan(0, Count).ToArray());

    /// <summary>Per second of the window: how many, p99 and max.</summary>
    public List<(int Second, int Count, double P99, double Max)> BySecond() =>
        Enumerable.Range(0, Count).GroupBy(i => (int)seconds[i])
            .Select(g => { var p = Of(g.Select(i => values[i]).ToArray()); return (g.Key, g.Count(), p.P99, p.Max); })
            .OrderBy(x => x.Key).ToList();

    private static (double P50, double P95, double P99, double P999, double Max) Of(float[] sorted)
    {
        var n = sorted.Length;
        if (n == 0) return (double.NaN, double.NaN, double.NaN, double.NaN, double.NaN);
        Array.Sort(sorted);
        double At(double q) => sorted[Math.Min(n - 1, (int)Math.Ceiling(q * n) - 1)];
        return (At(0.50), At(0.95), At(0.99), At(0.999), sorted[^1]);
    }
}
