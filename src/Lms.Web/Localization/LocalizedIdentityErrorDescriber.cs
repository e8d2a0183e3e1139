using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace Lms.Web.Localization;

/// <summary>Identity's validation messages in the reader's language.</summary>
public sealed class LocalizedIdentityErrorDescriber(IStringLocalizer<SharedResource> l) : IdentityErrorDescriber
{
    private IdentityError E(string code, string text, params object[] args) => new() { Code = code, Description = l[text, args] };

    public override IdentityError PasswordTooShort(int length) => E(nameof(PasswordTooShort), "Passwords must be at least {0} characters.", length);
    public override IdentityError PasswordRequiresDigit() => E(nameof(PasswordRequiresDigit), "Passwords must have at least one digit (0-9).");
    public override IdentityError PasswordMismatch() => E(nameof(PasswordMismatch), "The current password is incorrect.");
    public override IdentityError InvalidToken() => E(nameof(InvalidToken), "This link is invalid or has expired. Please request a new one.");
    public override IdentityError DuplicateEmail(string email) => E(nameof(DuplicateEmail), "The e-mail {0} is already used by another person.", email);
    public override IdentityError DuplicateUserName(string userName) => E(nameof(DuplicateUserName), "The username {0} is already taken.", userName);
    public override IdentityError InvalidEmail(string? email) => E(nameof(InvalidEmail), "The e-mail {0} is not valid.", email ?? "");
    public override IdentityError InvalidUserName(string? userName) => E(nameof(InvalidUserName), "The username {0} may only contain letters a-z, digits and . _ - @ +", userName ?? "");
    public override IdentityError DefaultError() => E(nameof(DefaultError), "Something went wrong. Please try again.");
    public override IdentityError ConcurrencyFailure() => E(nameof(ConcurrencyFailure), "Someone else changed this record at the same time. Please reload and try again.");
}
