using System.Net;
using Lms.Web.Tests.Support;

namespace Lms.Web.Tests.ScaleOut;

/// <summary>/health tells an operator whether the configured Redis (the SignalR backplane) answers.</summary>
public sealed class RedisHealthTests
{
    [Fact]
    public async Task Health_is_plain_healthy_when_the_configured_redis_answers()
    {
        await using var app = new LmsAppFactory().With("Redis:Connection", TestRedis.Connection);
        await ((IAsyncLifetime)app).InitializeAsync();
        var response = await app.NewClient().GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Health_names_redis_when_it_does_not_answer_and_pages_still_work()
    {
        // Port 1 on loopback: nothing listens there.
        await using var app = new LmsAppFactory().With("Redis:Connection", "127.0.0.1:1,connectTimeout=500");
        await ((IAsyncLifetime)app).InitializeAsync();
        var client = app.NewClient();

        var response = await client.GetAsync("/health");
        // Degraded, not Unhealthy: pages work, only live pushes stay on this instance; a load balancer keeps it.
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Degraded\nredis: Degraded — Redis is not reachable", await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Account/Login")).StatusCode);
    }
}
