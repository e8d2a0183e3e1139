using System.ComponentModel.DataAnnotations;
using Lms.Infrastructure.Identity;
using Lms.Web.Localization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Lms.Web.Pages.Account;

public sealed class ChangePasswordModel(UserManager<LmsUser> users, SignInManager<LmsUser> signIn,
    IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty] public ChangeInput Input { get; set; } = new();
    [TempData] public string? StatusMessage { get; set; }

    public sealed class ChangeInput : NewPasswordInput
    {
        [Required(ErrorMessage = "Please enter your current password.")]
        [DataType(DataType.Password)]
        [StringLength(200, ErrorMessage = "The password is too long.")]
        public string CurrentPassword { get; set; } = "";
    }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        var user = await users.GetUserAsync(User);
        if (user is null) return Challenge();
        var result = await users.ChangePasswordAsync(user, Input.CurrentPassword, Input.NewPassword);
        if (!result.Succeeded)
        {
            foreach (var e in result.Errors) ModelState.AddModelError(string.Empty, e.Description);
            return Page();
        }
        // The security stamp changed: sessions on other devices end at their next check; keep this one.
        await signIn.RefreshSignInAsync(user);
        StatusMessage = l["Your password has been changed."];
        return RedirectToPage();
    }
}
