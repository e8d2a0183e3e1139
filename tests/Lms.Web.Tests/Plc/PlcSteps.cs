using System.Net;
using Lms.Domain.Calendar;
using Lms.Domain.Organisation;
using Lms.Domain.Plc;
using Lms.Infrastructure.Plc;
using Lms.Web.Plc;
using Lms.Web.Tests.Notifications;
using Lms.Web.Tests.Support;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;

namespace Lms.Web.Tests.Plc;

/// <summary>A teacher made for one test, signed in, with their browser's cookies.</summary>
public sealed record PlcPerson(Guid Id, string UserName, HttpClient Browser, CookieContainer Cookies);

/// <summary>What PLC tests do: make people and groups, open rooms over real SignalR connections.</summary>
public static class PlcSteps
{
    public static async Task<PlcPerson> NewTeacherAsync(this LmsAppFactory app, string[]? roles = null, Position position = Position.Teacher)
    {
        var (id, userName) = await app.CreatePersonAsync(roles ?? [SystemRole.Learner], position);
        var (client, cookies) = await app.SignedInBrowserAsync(userName);
        return new PlcPerson(id, userName, client, cookies);
    }

    /// <summary>A group of the first school (or a network) with these members; the first is its facilitator unless roles say otherwise.</summary>
    public static async Task<Guid> NewGroupAsync(this LmsAppFactory app, string name, IEnumerable<(Guid Person, PlcRole Role)> members, bool network = false)
    {
        var id = Guid.NewGuid();
        await app.DbAsync(async db =>
        {
            var school = network ? (Guid?)null : await db.Schools.OrderBy(s => s.Code).Select(s => s.Id).FirstAsync();
            var creator = await db.People.OrderBy(p => p.CreatedAtUtc).Select(p => p.Id).FirstAsync();
            var group = new PlcGroup(id, name, school, SubjectArea.Thai, new FiscalYear(2570), creator, DateTime.UtcNow);
            foreach (var (person, role) in members) group.AddMember(person, role, DateTime.UtcNow);
            db.PlcGroups.Add(group);
            return await db.SaveChangesAsync();
        });
        return id;
    }

    public static async Task<Guid> NewGroupAsync(this LmsAppFactory app, PlcPerson facilitator, params PlcPerson[] members) =>
        await app.NewGroupAsync("กลุ่ม PLC ภาษาไทย ม.ต้น", [(facilitator.Id, PlcRole.Facilitator), .. members.Select(m => (m.Id, PlcRole.Member))]);

    /// <summary>A room page's connection: long polling through the test server, with the person's cookies.</summary>
    public static async Task<RoomClient> OpenRoomClientAsync(this LmsAppFactory app, PlcPerson person)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(NotificationSteps.Site, PlcHub.Path), o =>
            {
                o.Transports = HttpTransportType.LongPolling;
                o.HttpMessageHandlerFactory = _ => app.Server.CreateHandler();
                o.Headers["Cookie"] = person.Cookies.GetCookieHeader(NotificationSteps.Site);
            })
            .Build();
        var client = new RoomClient(connection, person);
        await connection.StartAsync();
        return client;
    }

    public static PlcSendInput Message(Guid groupId, string body, Guid? id = null, Guid? replyTo = null,
        IReadOnlyList<Guid>? mentions = null, IReadOnlyList<Guid>? attachments = null) =>
        new(id ?? Guid.NewGuid(), groupId, body, replyTo, mentions, attachments);
}

/// <summary>One open room page: its connection and everything the server told it, with waits for what a test expects.</summary>
public sealed class RoomClient : IAsyncDisposable
{
    private readonly object gate = new();
    private readonly List<PlcMessageView> received = [];
    private readonly List<PlcMessageView> changed = [];
    private readonly List<Guid> removedFrom = [];
    private readonly List<(Guid Group, bool Open)> roomStates = [];
    private readonly List<(Guid Group, DateTime? Until)> mutes = [];
    private readonly List<(Guid Group, Guid Person)> typing = [];
    private readonly List<(Guid Group, IReadOnlyList<Guid> Online)> presence = [];
    private TaskCompletionSource signal = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public RoomClient(HubConnection connection, PlcPerson person)
    {
        Connection = connection;
        Person = person;
        connection.On<PlcMessageView>("MessageReceived", m => Add(() => received.Add(m)));
        connection.On<PlcMessageView>("MessageChanged", m => Add(() => changed.Add(m)));
        connection.On<Guid>("RemovedFromRoom", g => Add(() => removedFrom.Add(g)));
        connection.On<Guid, bool>("RoomStateChanged", (g, open) => Add(() => roomStates.Add((g, open))));
        connection.On<Guid, DateTime?>("MutedChanged", (g, until) => Add(() => mutes.Add((g, until))));
        connection.On<Guid, Guid, string>("Typing", (g, p, _) => Add(() => typing.Add((g, p))));
        connection.On<Guid, IReadOnlyList<Guid>>("PresenceChanged", (g, online) => Add(() => presence.Add((g, online))));
        connection.On<Guid>("MembersChanged", _ => Add(() => { }));
    }

    public HubConnection Connection { get; }
    public PlcPerson Person { get; }

    public IReadOnlyList<PlcMessageView> Received { get { lock (gate) return received.ToList(); } }
    public IReadOnlyList<PlcMessageView> Changed { get { lock (gate) return changed.ToList(); } }
    public IReadOnlyList<Guid> RemovedFrom { get { lock (gate) return removedFrom.ToList(); } }
    public IReadOnlyList<(Guid Group, bool Open)> RoomStates { get { lock (gate) return roomStates.ToList(); } }
    public IReadOnlyList<(Guid Group, DateTime? Until)> Mutes { get { lock (gate) return mutes.ToList(); } }
    public IReadOnlyList<(Guid Group, Guid Person)> TypingSignals { get { lock (gate) return typing.ToList(); } }
    public IReadOnlyList<(Guid Group, IReadOnlyList<Guid> Online)> Presence { get { lock (gate) return presence.ToList(); } }

    public Task<PlcJoinResult> JoinAsync(Guid groupId, long after = 0) => Connection.InvokeAsync<PlcJoinResult>("JoinRoom", groupId, after);
    public Task<PlcSendResult> SendAsync(PlcSendInput input) => Connection.InvokeAsync<PlcSendResult>("SendMessage", input);
    public Task<PlcSendResult> SendAsync(Guid groupId, string body) => SendAsync(PlcSteps.Message(groupId, body));

    private void Add(Action add)
    {
        TaskCompletionSource done;
        lock (gate)
        {
            add();
            done = signal;
            signal = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        done.TrySetResult();
    }

    public async Task WaitUntilAsync(Func<RoomClient, bool> condition, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        while (true)
        {
            Task next;
            lock (gate) next = signal.Task;
            if (condition(this)) return;
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero) throw new TimeoutException($"{Person.UserName}'s page never saw: {what}");
            await Task.WhenAny(next, Task.Delay(left));
        }
    }

    /// <summary>Waits a moment and asserts nothing more arrived (for "stops receiving").</summary>
    public async Task QuietForAsync(TimeSpan time, int expectedReceived)
    {
        await Task.Delay(time);
        Assert.Equal(expectedReceived, Received.Count);
    }

    public ValueTask DisposeAsync() => Connection.DisposeAsync();
}
