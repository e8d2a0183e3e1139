namespace Lms.Web.Security;

/// <summary>Returns the request id that every log line of the request carries, so a user can quote it to support.</summary>
public sealed class RequestIdHeaderMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        context.Response.Headers["X-Request-Id"] = context.TraceIdentifier;
        return next(context);
    }
}
