using System.ComponentModel.DataAnnotations;
using System.Text;
using Lms.Infrastructure.Email;
using Lms.Infrastructure.Identity;
using Lms.Infrastructure.Persistence;
using Lms.Web.Localization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Lms.Web.Pages.Account;

public sealed class ForgotPasswordModel(UserManager<LmsUser> users, LmsDbContext db, IEmailSender email,
    IStringLocalizer<SharedResource> l, ILogger<ForgotPasswordModel> log) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Please enter your e-mail.")]
    [EmailAddress(ErrorMessage = "The e-mail is not valid.")]
    [StringLength(256)]
    [Display(Name = "E-mail")]
    public string Email { get; set; } = "";

    public bool Sent { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid) return Page();
        var user = await users.FindByEmailAsync(Email.Trim());
        if (user is not null && await db.People.AnyAsync(p => p.Id == user.Id && p.IsActive, ct))
        {
            await PasswordResetMail.SendAsync(user, users, email, l, Url, Request, ct);
            log.LogInformation("Password reset requested for {UserId}", user.Id);
        }
        // Same answer whether or not the address is registered: nobody can probe for accounts.
        Sent = true;
        return Page();
    }
}

/// <summary>Builds and sends the reset link; also used when an administrator invites a new person.</summary>
public static class PasswordResetMail
{
    public static async Task SendAsync(LmsUser user, UserManager<LmsUser> users, IEmailSender email,
        IStringLocalizer l, IUrlHelper url, HttpRequest request, CancellationToken ct)
    {
        var token = await users.GeneratePasswordResetTokenAsync(user);
        var code = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));
        var link = url.Page("/Account/ResetPassword", pageHandler: null,
            values: new { userId = user.Id, code }, protocol: request.Scheme, host: request.Host.Value)!;
        var subject = l["Set your password for Teacher Development"];
        var body = l["Open this link within 2 hours to set a new password:\n{0}\n\nIf you did not ask for this, ignore this e-mail.", link];
        await email.SendAsync(new EmailMessage(user.Email!, subject, body), ct);
    }
}
