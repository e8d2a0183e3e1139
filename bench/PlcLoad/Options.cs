using System.Globalization;

namespace PlcLoad;

public sealed record Options(
    string BaseUrl, string Pg, string UserPrefix, int Teachers, string Password, int AppPid, int PgPid,
    int SignInParallel, string Phases, double RatePerMember, int WarmupSeconds, int Seconds, int DrainSeconds,
    int IdleConnections, int IdleStep, string IdleHub, int ConnectParallel, string? Markdown, string? Kv)
{
    public const string Usage = """
        PlcLoad --base URL --pg CONNECTION [options]
          --teachers N (1000)       bench users P1..PN (--user-prefix P, default plc), each a member of one PLC group
          --password PW (Demo@2569) --sign-in-parallel 16  --connect-parallel 32
          --phases "rooms idle"     rooms: every teacher's page joins its room over /hubs/plc and sends --rate
                                    messages/s (1) for --seconds (60) after --warmup-s (10) unmeasured; every
                                    client records every message it receives; then PostgreSQL and the clients are
                                    checked for lost, doubled or out-of-order messages.
                                    idle: --idle N (6000) more connections, --idle-step (1000) at a time, to
                                    --idle-hub (/hubs/plc, joined to the teacher's room; or /hubs/notifications),
                                    and the app's resident memory after each step → connections per GiB.
          --drain-s 10              how long to wait for the last deliveries after the senders stop
          --app-pid PID  --pg-pid POSTMASTER_PID   CPU from /proc (0: not measured)
          --md FILE  --kv FILE      results (markdown, key=value)
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
        int Int(string k, int d) => int.Parse(Opt(k, d.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);
        var known = new HashSet<string> { "base", "pg", "user-prefix", "teachers", "password", "app-pid", "pg-pid", "sign-in-parallel",
            "phases", "rate", "warmup-s", "seconds", "drain-s", "idle", "idle-step", "idle-hub", "connect-parallel", "md", "kv" };
        if (map.Keys.FirstOrDefault(k => !known.Contains(k)) is { } unknown) throw new ArgumentException($"unknown option --{unknown}");
        return new Options(Req("base"), Req("pg"), Opt("user-prefix", "plc"), Int("teachers", 1000), Opt("password", "Demo@2569"),
            Int("app-pid", 0), Int("pg-pid", 0), Int("sign-in-parallel", 16), Opt("phases", "rooms idle"),
            double.Parse(Opt("rate", "1"), CultureInfo.InvariantCulture), Int("warmup-s", 10), Int("seconds", 60), Int("drain-s", 10),
            Int("idle", 6000), Int("idle-step", 1000), Opt("idle-hub", "/hubs/plc"), Int("connect-parallel", 32),
            map.GetValueOrDefault("md"), map.GetValueOrDefault("kv"));
    }
}
