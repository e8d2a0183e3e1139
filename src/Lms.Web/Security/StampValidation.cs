using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Lms.Web.Security;

/// <summary>
/// Identity's security-stamp check, entered only when it is due. Identity's own handler builds the
/// validator with its sign-in manager, user manager, user store and database context on every request
/// and only then compares the cookie's age with the interval; this makes the same comparison first
/// (same options, same clock, same "older than the interval" rule) and hands over to Identity's
/// handler unchanged when validation is due. What is validated, and when, does not change.
/// </summary>
public static class StampValidation
{
    public static Task ValidateWhenDueAsync(CookieValidatePrincipalContext context)
    {
        var options = context.HttpContext.RequestServices.GetRequiredService<IOptions<SecurityStampValidatorOptions>>().Value;
        var issued = context.Properties.IssuedUtc;
        if (issued is not null)
        {
            var now = (options.TimeProvider ?? TimeProvider.System).GetUtcNow();
            if (now - issued.Value <= options.ValidationInterval) return Task.CompletedTask;
        }
        return SecurityStampValidator.ValidatePrincipalAsync(context);
    }
}
