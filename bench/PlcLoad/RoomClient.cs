using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace PlcLoad;

/// <summary>When a message was sent (Stopwatch ticks), and whether it falls in the measured window.</summary>
/// <remarks>A struct, and arrivals are read into <see cref="Arrival"/>: the client stands in for 1,000 browsers in one
/// process, and its own garbage collections (40–115 ms pauses with a JsonElement per arrival) were showing up as
/// delivery latency.</remarks>
public readonly record struct Sent(long At, bool Measured, Guid GroupId, Guid Author);

/// <summary>The parts of a pushed room message the client checks (the rest of the JSON is skipped, not kept).</summary>
public sealed record Arrival(Guid Id, Guid GroupId, long Sequence);

/// <summary>Shared between all clients of a run: the send times by message id and the latencies measured.</summary>
public sealed class Ledger(int capacity)
{
    public ConcurrentDictionary<Guid, Sent> Sends { get; } = new();
    public Latencies Delivery { get; } = new(capacity);
    public Latencies Ack { get; } = new(capacity / 4 + 1000);
    public ConcurrentDictionary<Guid, long> Acked { get; } = new(); // id → sequence
    public int SendFailures;
    public ConcurrentQueue<string> FailureSamples { get; } = new();

    public void Fail(string why)
    {
        Interlocked.Increment(ref SendFailures);
        if (FailureSamples.Count < 10) FailureSamples.Enqueue(why);
    }
}

/// <summary>One teacher's room page: a SignalR connection over a WebSocket that joins the room, sends and records what arrives.</summary>
public sealed class RoomClient(Teacher teacher, string baseUrl, string hubPath, Ledger ledger) : IAsyncDisposable
{
    private readonly Lock gate = new();
    private readonly List<long> received = [];
    private HubConnection? connection;
    public Teacher Teacher => teacher;
    public int Foreign; // messages of another room (must stay 0)

    public IReadOnlyList<long> Received { get { lock (gate) return received.ToList(); } }

    public async Task ConnectAsync(bool record)
    {
        connection = new HubConnectionBuilder()
            .WithUrl(new Uri(new Uri(baseUrl), hubPath), o =>
            {
                o.Transports = HttpTransportType.WebSockets;
                o.Headers["Cookie"] = teacher.CookieHeader;
            })
            .Build();
        connection.ServerTimeout = TimeSpan.FromMinutes(2);
        if (record) connection.On<Arrival>("MessageReceived", OnMessage);
        await connection.StartAsync();
    }

    public Task JoinAsync(long afterSequence) =>
        connection!.InvokeCoreAsync("JoinRoom", typeof(object), [teacher.GroupId, afterSequence]);

    private void OnMessage(Arrival m)
    {
        var now = Stopwatch.GetTimestamp();
        var (id, seq) = (m.Id, m.Sequence);
        if (m.GroupId != teacher.GroupId) { Interlocked.Increment(ref Foreign); return; }
        lock (gate) received.Add(seq);
        if (ledger.Sends.TryGetValue(id, out var sent) && sent.Measured && sent.Author != teacher.PersonId)
            ledger.Delivery.Add(Stopwatch.GetElapsedTime(sent.At, now).TotalMilliseconds);
    }

    /// <summary>SendMessage(PlcSendInput) as the room page does: an id made here (a retry would reuse it), the room, the text.</summary>
    public async Task SendAsync(int n, bool measured)
    {
        var id = Guid.CreateVersion7();
        var at = Stopwatch.GetTimestamp();
        ledger.Sends[id] = new Sent(at, measured, teacher.GroupId, teacher.PersonId);
        try
        {
            var result = await connection!.InvokeCoreAsync("SendMessage", typeof(JsonElement), [new
            {
                Id = id, GroupId = teacher.GroupId, Body = $"ข้อความที่ {n} จาก {teacher.User}: แผนการสอนคาบหน้า ลองใช้กิจกรรมกลุ่ม",
            }]);
            var ackMs = Stopwatch.GetElapsedTime(at).TotalMilliseconds;
            var r = (JsonElement)result!;
            if (TryGet(r, "ok", out var accepted) && accepted.ValueKind == JsonValueKind.True
                && TryGet(r, "sequence", out var s) && s.ValueKind == JsonValueKind.Number)
            {
                ledger.Acked[id] = s.GetInt64();
                if (measured) ledger.Ack.Add(ackMs);
            }
            else ledger.Fail($"{teacher.User}: refused: {r.GetRawText()}");
        }
        catch (Exception e)
        {
            ledger.Fail($"{teacher.User}: {e.GetType().Name} {e.Message}");
        }
    }

    public static bool TryGet(JsonElement e, string name, out JsonElement value)
    {
        value = default;
        if (e.ValueKind != JsonValueKind.Object) return false;
        foreach (var p in e.EnumerateObject())
            if (p.Name.Equals(name, StringComparison.OrdinalIgnoreCase)) { value = p.Value; return true; }
        return false;
    }

    public async ValueTask DisposeAsync()
    {
        if (connection is not null) await connection.DisposeAsync();
    }
}
