using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace PlcLoad;

/// <summary>When a message was sent (Stopwatch ticks), and whether it falls in the measured window.</summary>
public readonly record struct Sent(Guid Id, long At, bool Measured, Guid GroupId, Guid Author);

/// <summary>The parts of a pushed room message the client checks (the rest of the JSON is skipped, not kept).</summary>
public sealed record Arrival(Guid Id, Guid GroupId, long Sequence);

/// <summary>
/// Shared between all clients of a run: every send (its time, room and author) and the latencies measured.
/// </summary>
/// <remarks>
/// One process stands in for 1,000 browsers, so its own garbage collections would count as delivery latency. Sends are
/// therefore kept in arrays of structs, not in dictionaries of objects: a message id carries its slot (its first 4
/// bytes), so an arrival finds its send without a lookup structure, and the old generation holds no references for a
/// young collection to trace (with a dictionary entry per send, and a JsonElement per arrival, the client paused
/// 20–115 ms). Dictionaries by id are made only after the run, for the checks.
/// </remarks>
public sealed class Ledger(int capacity, int deliveries)
{
    private readonly Sent[] sends = new Sent[capacity];
    private readonly long[] acked = new long[capacity]; // sequence the server gave; 0 = not acknowledged
    private int next;
    public int SendCount => Math.Min(Volatile.Read(ref next), capacity);
    public Latencies Delivery { get; } = new(deliveries);
    public Latencies Ack { get; } = new(capacity);
    public int SendFailures;
    public ConcurrentQueue<string> FailureSamples { get; } = new();

    /// <summary>A new message id (random, version 4, its slot in the first 4 bytes), with its send recorded now.</summary>
    public (Guid Id, long At) NewSend(bool measured, Guid groupId, Guid author)
    {
        var slot = Interlocked.Increment(ref next) - 1;
        if (slot >= capacity) throw new InvalidOperationException($"More than {capacity} sends: raise the ledger's capacity.");
        Span<byte> b = stackalloc byte[16];
        Random.Shared.NextBytes(b);
        BinaryPrimitives.WriteInt32LittleEndian(b, slot);
        b[7] = (byte)((b[7] & 0x0F) | 0x40);
        b[8] = (byte)((b[8] & 0x3F) | 0x80);
        var id = new Guid(b);
        var at = Stopwatch.GetTimestamp();
        sends[slot] = new Sent(id, at, measured, groupId, author);
        return (id, at);
    }

    public bool TryGet(Guid id, out Sent sent)
    {
        var slot = SlotOf(id);
        sent = slot >= 0 && slot < SendCount ? sends[slot] : default;
        return sent.Id == id && id != Guid.Empty;
    }

    public void Acknowledge(Guid id, long sequence)
    {
        if (TryGet(id, out _)) acked[SlotOf(id)] = sequence;
    }

    private static int SlotOf(Guid id)
    {
        Span<byte> b = stackalloc byte[16];
        id.TryWriteBytes(b);
        return BinaryPrimitives.ReadInt32LittleEndian(b);
    }

    /// <summary>After the run: every send by id.</summary>
    public Dictionary<Guid, Sent> SendsById() => sends.Take(SendCount).ToDictionary(x => x.Id);

    /// <summary>After the run: the acknowledged sends' sequence numbers by id.</summary>
    public Dictionary<Guid, long> AckedById() =>
        Enumerable.Range(0, SendCount).Where(i => acked[i] > 0).ToDictionary(i => sends[i].Id, i => acked[i]);

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
        if (ledger.TryGet(id, out var sent) && sent.Measured && sent.Author != teacher.PersonId)
            ledger.Delivery.Add(Stopwatch.GetElapsedTime(sent.At, now).TotalMilliseconds);
    }

    /// <summary>SendMessage(PlcSendInput) as the room page does: an id made here (a retry would reuse it), the room, the text.</summary>
    public async Task SendAsync(int n, bool measured)
    {
        var (id, at) = ledger.NewSend(measured, teacher.GroupId, teacher.PersonId);
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
                ledger.Acknowledge(id, s.GetInt64());
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
