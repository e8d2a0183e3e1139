using System.Security.Claims;
using Lms.Infrastructure.Auditing;

namespace Lms.Web.Security;

/// <summary>The signed-in user as the author of audited changes; "anonymous" for sign-in and reset flows.</summary>
public sealed class HttpAuditActor(IHttpContextAccessor http) : IAuditActor
{
    public Guid? Id => Guid.TryParse(http.HttpContext?.User.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    public string Name => http.HttpContext?.User.Identity?.IsAuthenticated == true
        ? http.HttpContext.User.Identity.Name ?? "?"
        : http.HttpContext is null ? "system" : "anonymous";
}
