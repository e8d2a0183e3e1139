using System.Net.Mail;

namespace Lms.Infrastructure.Importing;

/// <summary>Syntax of the sign-in e-mail and user name of an imported account.</summary>
internal static class AccountNameRules
{
    /// <summary>ASP.NET Identity's default <c>UserOptions.AllowedUserNameCharacters</c>; a name outside
    /// it would pass the preview and then fail when the account is created.</summary>
    private const string UserNameCharacters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._@+";

    /// <summary>
    /// A bare address (no display name, nothing around it) whose domain has a dot:
    /// MailAddress alone accepts "somchai@school", which is never a deliverable address here.
    /// </summary>
    public static bool IsValidEmail(string email)
    {
        if (!MailAddress.TryCreate(email, out var address)) return false;
        if (address.Address != email || address.DisplayName.Length > 0) return false;
        var host = address.Host;
        return host.Contains('.') && !host.StartsWith('.') && !host.EndsWith('.') && !host.Contains("..", StringComparison.Ordinal);
    }

    public static bool IsValidUserName(string userName) => userName.All(c => UserNameCharacters.Contains(c));

    /// <summary>The part before the last "@" (a quoted local part may itself contain one).</summary>
    public static string DefaultUserName(string email)
    {
        var at = email.LastIndexOf('@');
        return at > 0 ? email[..at] : "";
    }
}
