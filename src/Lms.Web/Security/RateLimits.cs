using System.Threading.RateLimiting;
using Lms.Web.Localization;
using Microsoft.Extensions.Localization;

namespace Lms.Web.Security;

/// <summary>
/// Limits password guessing and reset-mail flooding per client address. Only form posts count:
/// a school's whole staff behind one NAT address may still open the sign-in page.
/// </summary>
public static class RateLimits
{
    public const string SignInPolicy = "sign-in";

    public static IServiceCollection AddLmsRateLimiting(this IServiceCollection services, IConfiguration config)
    {
        var permits = config.GetValue("RateLimits:SignInPostsPerWindow", 30);
        var window = TimeSpan.FromSeconds(config.GetValue("RateLimits:SignInWindowSeconds", 60));
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(SignInPolicy, http =>
                HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method)
                    ? RateLimitPartition.GetNoLimiter("reads")
                    : RateLimitPartition.GetFixedWindowLimiter(
                        $"{http.Connection.RemoteIpAddress}|{http.Request.Path}",
                        _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = window, QueueLimit = 0 }));
            o.OnRejected = async (ctx, ct) =>
            {
                ctx.HttpContext.Response.Headers.RetryAfter = ((int)window.TotalSeconds).ToString();
                var l = ctx.HttpContext.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
                ctx.HttpContext.Response.ContentType = "text/plain; charset=utf-8";
                await ctx.HttpContext.Response.WriteAsync(l["Too many attempts. Please wait a minute and try again."], ct);
            };
        });
        return services;
    }
}
