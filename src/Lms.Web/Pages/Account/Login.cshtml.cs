using System.ComponentModel.DataAnnotations;
using Lms.Infrastructure.Identity;
using Lms.Web.Localization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Lms.Web.Pages.Account;

public sealed class LoginModel(SignInManager<LmsUser> signIn, UserManager<LmsUser> users,
    IPasswordHasher<LmsUser> hasher, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty] public LoginInput Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    [TempData] public string? StatusMessage { get; set; }

    public sealed class LoginInput
    {
        [Required(ErrorMessage = "Please enter your e-mail or username.")]
        [Display(Name = "E-mail or username")]
        [StringLength(256)]
        public string Login { get; set; } = "";

        [Required(ErrorMessage = "Please enter your password.")]
        [DataType(DataType.Password)]
        [Display(Name = "Password")]
        [StringLength(200)]
        public string Password { get; set; } = "";

        [Display(Name = "Keep me signed in on this device")]
        public bool RememberMe { get; set; }
    }

    public IActionResult OnGet() => User.Identity?.IsAuthenticated == true ? LocalRedirect(SafeReturnUrl) : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        var login = Input.Login.Trim();
        var user = login.Contains('@') ? await users.FindByEmailAsync(login) : await users.FindByNameAsync(login);
        if (user is null)
        {
            // Spend the same time as a real check so response times do not reveal which accounts exist.
            hasher.VerifyHashedPassword(new LmsUser(), dummyHash ??= hasher.HashPassword(new LmsUser(), "not-a-password-0"), Input.Password);
            return Invalid();
        }

        var result = await signIn.PasswordSignInAsync(user, Input.Password, Input.RememberMe, lockoutOnFailure: true);
        if (result.IsLockedOut) return RedirectToPage("/Account/Lockout");
        if (!result.Succeeded) return Invalid();

        if (LocalizationSetup.Parse(user.PreferredCulture) is { } culture)
            LocalizationSetup.WriteCultureCookie(Response, culture);
        return LocalRedirect(SafeReturnUrl);
    }

    private string SafeReturnUrl => !string.IsNullOrEmpty(ReturnUrl) && Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/";

    private PageResult Invalid()
    {
        // One message for an unknown account, a wrong password and a deactivated account.
        ModelState.AddModelError(string.Empty, l["The e-mail/username or password is incorrect."]);
        return Page();
    }

    private static string? dummyHash;
}
