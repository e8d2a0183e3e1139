using System.Net;
using Lms.Web.Tests.Support;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace Lms.Web.Tests.ScaleOut;

/// <summary>
/// Two real app instances, as two servers behind a load balancer: each on its own Kestrel port (real WebSockets),
/// both on the same PostgreSQL database and the test Redis as their SignalR backplane. A channel prefix of their
/// own keeps other test classes' instances (same demo people, same ids) off their channels.
/// </summary>
public sealed class TwoInstances : IAsyncLifetime
{
    private readonly string channelPrefix = $"lms-test-{Guid.NewGuid():N}";
    public LmsAppFactory A { get; private set; } = null!;
    public LmsAppFactory B { get; private set; } = null!;

    private LmsAppFactory Instance(LmsAppFactory app)
    {
        app.With("Redis:Connection", TestRedis.Connection)
            .With("Redis:ChannelPrefix", channelPrefix)
            // Plain http on loopback (as ./run.sh): the deployed __Host-/Secure cookies need https.
            .With("Security:HttpsOnly", "false");
        app.UseKestrel(0);
        return app;
    }

    public async Task InitializeAsync()
    {
        _ = TestRedis.Connection; // says clearly what is missing before anything starts
        A = Instance(new LmsAppFactory());
        await A.InitializeAsync();
        A.StartServer();
        B = Instance(LmsAppFactory.SharingDatabaseWith(A));
        await B.InitializeAsync();
        B.StartServer();
    }

    public async Task DisposeAsync()
    {
        if (B is not null) await ((IAsyncLifetime)B).DisposeAsync();
        if (A is not null) await ((IAsyncLifetime)A).DisposeAsync(); // drops the database
    }
}

/// <summary>What a person's browser does against one instance: sign in there, open live connections there.</summary>
public sealed class BrowserOn : IDisposable
{
    private readonly HttpClientHandler handler;
    public Uri Site { get; }
    public HttpClient Client { get; }
    public CookieContainer Cookies => handler.CookieContainer;

    private BrowserOn(Uri site)
    {
        Site = site;
        handler = new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false };
        Client = new HttpClient(handler) { BaseAddress = site };
    }

    public static async Task<BrowserOn> SignedInAsync(LmsAppFactory instance, string login)
    {
        var browser = new BrowserOn(AddressOf(instance));
        await browser.Client.SignInOkAsync(login);
        return browser;
    }

    /// <summary>A SignalR connection over a real WebSocket, carrying the sign-in cookie as the page's script does.</summary>
    public HubConnection Hub(string path) =>
        new HubConnectionBuilder()
            .WithUrl(new Uri(Site, path), o =>
            {
                o.Transports = HttpTransportType.WebSockets;
                o.Cookies = Cookies;
            })
            .Build();

    public static Uri AddressOf(LmsAppFactory instance)
    {
        var address = instance.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        // Kestrel reports the address it bound, e.g. http://127.0.0.1:41234
        return new Uri(address.Replace("[::]", "127.0.0.1").Replace("0.0.0.0", "127.0.0.1").Replace("localhost", "127.0.0.1"));
    }

    public void Dispose()
    {
        Client.Dispose();
        handler.Dispose();
    }
}
