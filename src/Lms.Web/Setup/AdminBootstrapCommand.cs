using Lms.Domain.Organisation;
using Lms.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;

namespace Lms.Web.Setup;

/// <summary>
/// `dotnet Lms.Web.dll create-admin EMAIL FIRST-NAME LAST-NAME` with the password on standard input
/// (or in LMS_ADMIN_PASSWORD): the first administrator of a new installation, who then adds everyone
/// else through the web. Run again for an existing e-mail, it grants the Administrator role.
/// </summary>
public static class AdminBootstrapCommand
{
    public const string Name = "create-admin";

    public static bool Matches(string[] args) => args.Length > 0 && args[0] == Name;

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextReader stdin, TextWriter output)
    {
        if (args.Length != 4)
        {
            await output.WriteLineAsync($"usage: {Name} EMAIL FIRST-NAME LAST-NAME   (password on standard input or in LMS_ADMIN_PASSWORD)");
            return 2;
        }
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<LmsUser>>();
        var accounts = scope.ServiceProvider.GetRequiredService<PersonAccounts>();
        var (email, first, last) = (args[1], args[2], args[3]);

        if (await users.FindByEmailAsync(email) is { } existing)
        {
            var granted = await users.AddToRoleAsync(existing, SystemRole.Administrator);
            await output.WriteLineAsync(granted.Succeeded ? $"{email} is now an administrator." : Describe(granted));
            return granted.Succeeded || await users.IsInRoleAsync(existing, SystemRole.Administrator) ? 0 : 1;
        }

        var password = Environment.GetEnvironmentVariable("LMS_ADMIN_PASSWORD") ?? (await stdin.ReadLineAsync())?.Trim();
        if (string.IsNullOrEmpty(password))
        {
            await output.WriteLineAsync("No password given (standard input or LMS_ADMIN_PASSWORD).");
            return 2;
        }
        // Check the password before creating anything, so a refused password leaves no half-made account.
        foreach (var validator in users.PasswordValidators)
        {
            var check = await validator.ValidateAsync(users, new LmsUser { Email = email }, password);
            if (!check.Succeeded)
            {
                await output.WriteLineAsync(Describe(check));
                return 1;
            }
        }
        var (user, result) = await accounts.CreateAsync(new NewPerson(email, null, "", first, last, "", "",
            Position.EducationalPersonnel, null, null, [SystemRole.Administrator, SystemRole.Learner]));
        if (user is null)
        {
            await output.WriteLineAsync(Describe(result));
            return 1;
        }
        var set = await users.AddPasswordAsync(user, password);
        await output.WriteLineAsync(set.Succeeded ? $"Administrator {email} created; sign in as {user.UserName}." : Describe(set));
        return set.Succeeded ? 0 : 1;
    }

    private static string Describe(IdentityResult r) => string.Join(Environment.NewLine, r.Errors.Select(e => e.Description));
}
