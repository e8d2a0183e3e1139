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

    public static void UseRequestLogging(this WebApplication app) =>
        app.UseSerilogRequestLogging(o =>
        {
            o.EnrichDiagnosticContext = (ctx, http) =>
            {
                ctx.Set("RequestId", http.TraceIdentifier);
                ctx.Set("UserId", http.User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value ?? "-");
            };
            // Health probes every few seconds would drown the log.
            o.GetLevel = (http, _, ex) => ex is not null || http.Response.StatusCode >= 500 ? LogEventLevel.Error
                : http.Request.Path.StartsWithSegments("/health") ? LogEventLevel.Verbose : LogEventLevel.Information;
        });
}
