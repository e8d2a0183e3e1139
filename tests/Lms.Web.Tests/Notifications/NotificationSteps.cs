using System.Net;
using Lms.Domain.Notifications;
using Lms.Infrastructure.Notifications;
using Lms.Web.Tests.Support;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Lms.Web.Tests.Notifications;

/// <summary>What a notification looks like to a page's script (the hub's JSON, read back).</summary>
public sealed record Pushed(Guid Id, NotificationKind Kind, string Title, string Body, string Url);

/// <summary>What other features do (call INotifier) and what a person's open page does (connect to the hub).</summary>
public static class NotificationSteps
{
    public static readonly Uri Site = new("https://localhost");

    public static async Task<bool> NotifyAsync(this LmsAppFactory app, Guid personId, string occasion,
        NotificationKind kind = NotificationKind.CertificateIssued, string title = "ได้รับเกียรติบัตรหลักสูตรการจัดการเรียนรู้เชิงรุก",
        string body = "ดาวน์โหลดเกียรติบัตรได้ที่หน้ารายวิชา", string link = "/Learn")
    {
        var stored = false;
        await app.ScopeAsync(async sp => stored = await sp.GetRequiredService<INotifier>()
            .NotifyAsync(new NotificationRequest(personId, kind, occasion, title, body, link), CancellationToken.None));
        return stored;
    }

    public static Task<Notification> NotificationAsync(this LmsAppFactory app, Guid personId, string occasion) =>
        app.DbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(
            db.Notifications, n => n.PersonId == personId && n.OccasionKey == occasion));

    /// <summary>A signed-in browser whose cookies a SignalR connection can carry, as a real page's script does.</summary>
    public static async Task<(HttpClient Client, CookieContainer Cookies)> SignedInBrowserAsync(this LmsAppFactory app, string login)
    {
        var cookies = new CookieContainerHandler();
        var client = app.CreateDefaultClient(Site, cookies);
        await client.SignInOkAsync(login);
        return (client, cookies.Container);
    }

    /// <summary>
    /// A connection to the notification hub through the test server, with long polling (the test server has no
    /// WebSockets) and the browser's cookies (none: an anonymous visitor).
    /// </summary>
    public static HubConnection HubConnection(this LmsAppFactory app, CookieContainer? cookies) =>
        new HubConnectionBuilder()
            .WithUrl(new Uri(Site, "/hubs/notifications"), o =>
            {
                o.Transports = HttpTransportType.LongPolling;
                o.HttpMessageHandlerFactory = _ => app.Server.CreateHandler();
                if (cookies is not null) o.Headers["Cookie"] = cookies.GetCookieHeader(Site);
            })
            .Build();
}

/// <summary>Records what the hub sent one page, and lets a test wait for it.</summary>
public sealed class HubRecorder
{
    private readonly object gate = new();
    private readonly List<Pushed> notifications = [];
    private readonly List<int> counts = [];
    private TaskCompletionSource changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public HubRecorder(HubConnection connection)
    {
        connection.On<Pushed>("Notify", n => Add(() => notifications.Add(n)));
        connection.On<int>("UnreadCount", n => Add(() => counts.Add(n)));
    }

    public IReadOnlyList<Pushed> Notifications { get { lock (gate) return notifications.ToList(); } }
    public IReadOnlyList<int> Counts { get { lock (gate) return counts.ToList(); } }

    private void Add(Action add)
    {
        TaskCompletionSource done;
        lock (gate)
        {
            add();
            done = changed;
            changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        done.TrySetResult();
    }

    public async Task WaitUntilAsync(Func<HubRecorder, bool> condition, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        while (true)
        {
            Task next;
            lock (gate)
            {
                next = changed.Task;
            }
            if (condition(this)) return;
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero) throw new TimeoutException("the page was not told what the test expected");
            await Task.WhenAny(next, Task.Delay(left));
        }
    }
}
