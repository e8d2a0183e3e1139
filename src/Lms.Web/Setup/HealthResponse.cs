using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Lms.Web.Setup;

/// <summary>
/// The body of <c>/health</c>: "Healthy" alone when everything answers (what load balancers and the benchmarks read);
/// otherwise the overall status and one line per check that is not healthy, e.g. "redis: Degraded — Redis is not
/// reachable", so an operator sees which part is away. Only the check's own short description is shown, never an
/// exception or a connection string (the page is public).
/// </summary>
public static class HealthResponse
{
    public static Task WriteAsync(HttpContext http, HealthReport report)
    {
        http.Response.ContentType = "text/plain; charset=utf-8";
        var text = report.Status.ToString();
        foreach (var (name, entry) in report.Entries.Where(e => e.Value.Status != HealthStatus.Healthy).OrderBy(e => e.Key))
            text += $"\n{name}: {entry.Status}{(string.IsNullOrEmpty(entry.Description) ? "" : " — " + entry.Description)}";
        return http.Response.WriteAsync(text);
    }
}
