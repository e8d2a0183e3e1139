using Lms.Infrastructure.Identity;
using Lms.Infrastructure.Persistence;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using System.Security.Claims;

namespace Lms.Web.Security;

/// <summary>
/// Identity's sign-in manager plus one rule of the office: a deactivated person can neither sign in
/// nor keep a session (checked at every security-stamp validation, i.e. within a minute).
/// </summary>
public sealed class LmsSignInManager(
    UserManager<LmsUser> userManager, IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<LmsUser> claimsFactory, IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<LmsUser>> logger, IAuthenticationSchemeProvider schemes,
    IUserConfirmation<LmsUser> confirmation, LmsDbContext db)
    : SignInManager<LmsUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public override async Task<bool> CanSignInAsync(LmsUser user) =>
        await base.CanSignInAsync(user) && await IsActiveAsync(user.Id);

    public override async Task<LmsUser?> ValidateSecurityStampAsync(ClaimsPrincipal? principal)
    {
        var user = await base.ValidateSecurityStampAsync(principal);
        return user is not null && await IsActiveAsync(user.Id) ? user : null;
    }

    private Task<bool> IsActiveAsync(Guid id) => db.People.AsNoTracking().AnyAsync(p => p.Id == id && p.IsActive);
}
