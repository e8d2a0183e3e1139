using System.Net;
using Lms.Web.Setup;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;

namespace Lms.Web.Tests.Security;

public sealed class ReverseProxySettingsTests
{
    private static ForwardedHeadersOptions Apply(params (string, string)[] settings)
    {
        var o = new ForwardedHeadersOptions();
        ReverseProxySettings.Apply(o, new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Item1, s.Item2))).Build());
        return o;
    }

    [Fact]
    public void Without_settings_only_loopback_may_forward_client_addresses()
    {
        var o = Apply();
        Assert.Contains(IPAddress.IPv6Loopback, o.KnownProxies);
        Assert.True(o.KnownIPNetworks.All(n => n.Contains(IPAddress.Loopback)));
        Assert.DoesNotContain(o.KnownIPNetworks, n => n.Contains(IPAddress.Parse("203.0.113.9")));
    }

    [Fact]
    public void A_configured_network_replaces_the_default()
    {
        var o = Apply(("ReverseProxy:KnownNetworks:0", "172.16.0.0/12"));
        Assert.Contains(o.KnownIPNetworks, n => n.Contains(IPAddress.Parse("172.18.0.5")));
        Assert.Empty(o.KnownProxies);
    }
}
