using System.ComponentModel.DataAnnotations;
using System.Text;
using Lms.Infrastructure.Identity;
using Lms.Web.Localization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Localization;

namespace Lms.Web.Pages.Account;

public sealed class ResetPasswordModel(UserManager<LmsUser> users, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid UserId { get; set; }
    [BindProperty(SupportsGet = true)] public string Code { get; set; } = "";
    [BindProperty] public NewPasswordInput Input { get; set; } = new();

    public IActionResult OnGet() => UserId == Guid.Empty || string.IsNullOrEmpty(Code) ? BadLink() : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        var user = await users.FindByIdAsync(UserId.ToString());
        string token;
        try { token = Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(Code)); }
        catch (FormatException) { return BadLink(); }
        if (user is null) return BadLink();

        var result = await users.ResetPasswordAsync(user, token, Input.NewPassword);
        if (!result.Succeeded)
        {
            foreach (var e in result.Errors) ModelState.AddModelError(string.Empty, e.Description);
            return Page();
        }
        // A person who proved they own the mailbox is no longer locked out.
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        TempData["StatusMessage"] = l["Your password has been set. Please sign in."].Value;
        return RedirectToPage("/Account/Login");
    }

    private PageResult BadLink()
    {
        ModelState.AddModelError(string.Empty, l["This link is invalid or has expired. Please request a new one."]);
        return Page();
    }
}
