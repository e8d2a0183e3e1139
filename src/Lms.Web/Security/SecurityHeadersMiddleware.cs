namespace Lms.Web.Security;

/// <summary>
/// Headers on every response. The CSP allows scripts and styles only from our own origin (no
/// 'unsafe-inline'), so injected markup cannot run script even if encoding were ever missed.
/// Frames may come only from the two privacy-enhanced video players that site.js builds from the
/// Markdown renderer's <c>.video-embed</c> placeholders (YouTube's no-cookie host and Vimeo's player).
/// </summary>
public sealed class SecurityHeadersMiddleware(RequestDelegate next)
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; font-src 'self'; " +
        "connect-src 'self'; media-src 'self' blob:; object-src 'none'; base-uri 'self'; form-action 'self'; " +
        "frame-src " + VideoFrameSources + "; frame-ancestors 'none'";

    public const string VideoFrameSources = "https://www.youtube-nocookie.com https://player.vimeo.com";

    public Task InvokeAsync(HttpContext context)
    {
        var h = context.Response.Headers;
        h.ContentSecurityPolicy = ContentSecurityPolicy;
        h.XContentTypeOptions = "nosniff";
        h.XFrameOptions = "DENY";
        h["Referrer-Policy"] = "strict-origin-when-cross-origin";
        h["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
        h["Cross-Origin-Opener-Policy"] = "same-origin";
        return next(context);
    }
}
