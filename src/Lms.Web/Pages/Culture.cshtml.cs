using Lms.Infrastructure.Identity;
using Lms.Web.Localization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lms.Web.Pages;

/// <summary>The language switcher: remembers the choice in a cookie and, when signed in, on the account.</summary>
public sealed class CultureModel(UserManager<LmsUser> users) : PageModel
{
    public IActionResult OnGet() => LocalRedirect("/");

    public async Task<IActionResult> OnPostAsync(string? culture, string? returnUrl)
    {
        var chosen = LocalizationSetup.Parse(culture) ?? LocalizationSetup.Thai;
        LocalizationSetup.WriteCultureCookie(Response, chosen);
        if (User.Identity?.IsAuthenticated == true && await users.GetUserAsync(User) is { } user &&
            user.PreferredCulture != chosen.Name)
        {
            user.PreferredCulture = chosen.Name;
            await users.UpdateAsync(user);
        }
        return LocalRedirect(!string.IsNullOrEmpty(returnUrl) && Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
    }
}
