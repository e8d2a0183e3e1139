using Lms.Infrastructure.Identity;
using Lms.Infrastructure.Persistence;
using Lms.Web.Localization;
using Microsoft.AspNetCore.Identity;

namespace Lms.Web.Security;

public static class IdentitySetup
{
    public static IServiceCollection AddLmsIdentity(this IServiceCollection services, IConfiguration config, CookiePolicy cookies)
    {
        services.AddIdentity<LmsUser, IdentityRole<Guid>>(o =>
            {
                // 5 wrong passwords in a row lock the account for 15 minutes (configurable).
                o.Lockout.MaxFailedAccessAttempts = config.GetValue("Security:MaxFailedAccessAttempts", 5);
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(config.GetValue("Security:LockoutMinutes", 15));
                o.Lockout.AllowedForNewUsers = true;
                // Length over composition rules (NIST SP 800-63B); one digit keeps a word alone out.
                o.Password.RequiredLength = 8;
                o.Password.RequireDigit = true;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.User.RequireUniqueEmail = true;
                o.User.AllowedUserNameCharacters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._@+";
            })
            .AddEntityFrameworkStores<LmsDbContext>()
            .AddDefaultTokenProviders()
            .AddSignInManager<LmsSignInManager>()
            .AddErrorDescriber<LocalizedIdentityErrorDescriber>();

        // OWASP (2023) recommends at least 210,000 PBKDF2-HMAC-SHA512 iterations.
        services.Configure<PasswordHasherOptions>(o => o.IterationCount = Math.Max(210_000,
            config.GetValue("Security:PasswordHashIterations", 210_000)));
        // Reset links are valid for 2 hours.
        services.Configure<DataProtectionTokenProviderOptions>(o => o.TokenLifespan = TimeSpan.FromHours(2));
        // A deactivated person (their security stamp changes) is signed out at the next check.
        services.Configure<SecurityStampValidatorOptions>(o =>
            o.ValidationInterval = TimeSpan.FromSeconds(config.GetValue("Security:StampValidationSeconds", 60)));

        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = cookies.Session;
            o.Cookie.SecurePolicy = cookies.SecurePolicy;
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.Path = "/";
            o.LoginPath = "/Account/Login";
            o.LogoutPath = "/Account/Logout";
            o.AccessDeniedPath = "/Account/AccessDenied";
            o.ExpireTimeSpan = TimeSpan.FromHours(config.GetValue("Security:SessionHours", 8));
            o.SlidingExpiration = true;
            o.Events.OnValidatePrincipal = StampValidation.ValidateWhenDueAsync;
            // The live-update hub is called by script, not opened by a person: a status it can act on, not a sign-in page.
            o.Events.OnRedirectToLogin = ctx => RedirectUnlessHub(ctx, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = ctx => RedirectUnlessHub(ctx, StatusCodes.Status403Forbidden);
        });
        return services;
    }

    private static Task RedirectUnlessHub(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> ctx, int status)
    {
        if (ctx.Request.Path.StartsWithSegments("/hubs")) ctx.Response.StatusCode = status;
        else ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }
}
