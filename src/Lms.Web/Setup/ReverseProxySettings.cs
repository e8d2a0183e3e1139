using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Lms.Web.Setup;

/// <summary>
/// Which proxies may tell the app the client's address and scheme (X-Forwarded-For/-Proto).
/// Only loopback by default: trusting everyone would let any client fake its address and so slip
/// past the per-address sign-in limit. Deployments name their proxy (ReverseProxy:KnownProxies) or
/// its network (ReverseProxy:KnownNetworks, CIDR, e.g. the container network behind the TLS proxy).
/// </summary>
public static class ReverseProxySettings
{
    public static void Apply(ForwardedHeadersOptions o, IConfiguration config)
    {
        o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
        var proxies = config.GetSection("ReverseProxy:KnownProxies").Get<string[]>() ?? [];
        var networks = config.GetSection("ReverseProxy:KnownNetworks").Get<string[]>() ?? [];
        if (proxies.Length == 0 && networks.Length == 0) return; // framework default: loopback only
        o.KnownProxies.Clear();
        o.KnownIPNetworks.Clear();
        foreach (var proxy in proxies) o.KnownProxies.Add(IPAddress.Parse(proxy));
        foreach (var network in networks) o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
    }
}
