using Lms.Web.Setup;
using Microsoft.AspNetCore.Http;
using Serilog.Events;

namespace Lms.Web.Tests.Setup;

/// <summary>Which requests leave a line in the log at the default level: not the fast page views that are most of the traffic.</summary>
public sealed class RequestLogLevelTests
{
    private static LogEventLevel Level(string method, string path, int status, double ms, Exception? ex = null)
    {
        var http = new DefaultHttpContext();
        http.Request.Method = method;
        http.Request.Path = path;
        http.Response.StatusCode = status;
        return LoggingSetup.RequestLogLevel(http, ms, ex);
    }

    [Fact]
    public void A_fast_successful_page_view_is_not_logged_at_the_default_level() =>
        Assert.Equal(LogEventLevel.Debug, Level("GET", "/Learn/Course/1", 200, 3));

    [Theory]
    [InlineData("POST", "/Learn/Activity/1/2", 302, 3)]  // something may have changed
    [InlineData("GET", "/Learn/Course/1", 404, 3)]       // not found
    [InlineData("GET", "/Admin/Users", 403, 3)]          // refused
    [InlineData("GET", "/Learn/Course/1", 200, 900)]     // slow
    public void Changes_refusals_and_slow_reads_are_logged(string method, string path, int status, double ms) =>
        Assert.Equal(LogEventLevel.Information, Level(method, path, status, ms));

    [Fact]
    public void Failures_are_errors_and_health_probes_stay_out()
    {
        Assert.Equal(LogEventLevel.Error, Level("GET", "/Learn/Course/1", 500, 3));
        Assert.Equal(LogEventLevel.Error, Level("GET", "/Learn/Course/1", 200, 3, new InvalidOperationException()));
        Assert.Equal(LogEventLevel.Verbose, Level("GET", "/health", 200, 1));
    }

    [Fact]
    public void A_request_cancelled_because_its_client_left_is_not_an_error_but_one_cancelled_otherwise_is()
    {
        using var left = new CancellationTokenSource();
        left.Cancel();
        var http = new DefaultHttpContext { RequestAborted = left.Token };
        http.Request.Method = "GET";
        http.Response.StatusCode = 500;
        Assert.Equal(LogEventLevel.Information, LoggingSetup.RequestLogLevel(http, 3, new TaskCanceledException()));
        Assert.Equal(LogEventLevel.Error, Level("GET", "/Learn/Course/1", 500, 3, new TaskCanceledException()));
    }
}
