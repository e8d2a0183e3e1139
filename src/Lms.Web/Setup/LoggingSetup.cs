using Serilog;
using Serilog.Events;
using Serilog.Formatting.Compact;

namespace Lms.Web.Setup;

public static class LoggingSetup
{
    /// <summary>
    /// Structured logs: compact JSON lines outside Development (one event per line, with RequestId and
    /// TraceId on every event written during a request), readable text in Development.
    /// </summary>
    public static void AddStructuredLogging(this WebApplicationBuilder builder)
    {
        builder.Services.AddSerilog((services, lc) =>
        {
            lc.ReadFrom.Configuration(builder.Configuration)
              .MinimumLevel.Override("Microsoft.AspNetCore", LogEventLevel.Warning)
              .MinimumLevel.Override("Microsoft.EntityFrameworkCore", LogEventLevel.Warning)
              .Enrich.FromLogContext();
            if (builder.Environment.IsDevelopment())
                lc.WriteTo.Console(outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {RequestId} {Message:lj}{NewLine}{Exception}");
            else
                lc.WriteTo.Console(new RenderedCompactJsonFormatter());
        });
    }

    /// <summary>A read answered at least this slowly is logged even when it succeeded.</summary>
    public static readonly TimeSpan SlowRequest = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// Which requests get a log line at the default (Information) level: failures (Error for 5xx and exceptions),
    /// refusals and not-found (4xx), everything that may change something (not GET/HEAD), and slow reads. A fast,
    /// successful read — most of the traffic — is logged at Debug only: a formatted JSON line and a write per page view
    /// showed as ~3 % of a course page's CPU in a profile, and a line per page a teacher opened is more personal data
    /// than running the site needs. Health probes every few seconds would drown the log (Verbose). A request cancelled
    /// because its client left is not a failure (Information).
    /// </summary>
    public static LogEventLevel RequestLogLevel(HttpContext http, double elapsedMs, Exception? ex)
    {
        // The client went away (closed the tab, a load test stopped): its request was cancelled, nothing failed.
        if (ex is OperationCanceledException && http.RequestAborted.IsCancellationRequested) return LogEventLevel.Information;
        if (ex is not null || http.Response.StatusCode >= 500) return LogEventLevel.Error;
        if (http.Request.Path.StartsWithSegments("/health")) return LogEventLevel.Verbose;
        if (http.Response.StatusCode >= 400 || !(HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method))
            || elapsedMs >= SlowRequest.TotalMilliseconds) return LogEventLevel.Information;
        return LogEventLevel.Debug;
    }

    public static void UseRequestLogging(this WebApplication app) =>
        app.UseSerilogRequestLogging(o =>
        {
            o.EnrichDiagnosticContext = (ctx, http) =>
            {
                ctx.Set("RequestId", http.TraceIdentifier);
                ctx.Set("UserId", http.User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value ?? "-");
            };
            o.GetLevel = RequestLogLevel;
        });
}
