using Lms.Domain.Organisation;
using Lms.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Lms.Infrastructure.Identity;

/// <summary>What an administrator (or an import row) gives to create a person with an account.</summary>
public sealed record NewPerson(string Email, string? UserName, string Title, string FirstName, string LastName,
    string FirstNameEn, string LastNameEn, Position Position, Guid? SchoolId, SubjectArea? SubjectArea,
    IReadOnlyCollection<string> Roles);

/// <summary>
/// Creates and changes a person together with their account, so the two never disagree.
/// Accounts are created without a password: the person sets one through the e-mailed link.
/// Callers own the transaction.
/// </summary>
public sealed class PersonAccounts(LmsDbContext db, UserManager<LmsUser> users, TimeProvider clock)
{
    /// <exception cref="Lms.Domain.Common.DomainException">when the person's data breaks a rule.</exception>
    public async Task<(LmsUser? User, IdentityResult Result)> CreateAsync(NewPerson n)
    {
        var person = new Person(Guid.NewGuid(), n.Title, n.FirstName, n.LastName, n.Position, n.SchoolId, n.SubjectArea,
            clock.GetUtcNow().UtcDateTime);
        person.Rename(n.Title, n.FirstName, n.LastName, n.FirstNameEn, n.LastNameEn);
        var email = n.Email.Trim();
        var user = new LmsUser
        {
            Id = person.Id, Person = person, Email = email, EmailConfirmed = true, LockoutEnabled = true,
            UserName = string.IsNullOrWhiteSpace(n.UserName) ? DefaultUserName(email) : n.UserName.Trim(),
        };
        db.People.Add(person);
        var result = await users.CreateAsync(user);
        if (!result.Succeeded)
        {
            db.Entry(person).State = EntityState.Detached;
            db.Entry(user).State = EntityState.Detached;
            return (null, result);
        }
        result = await SetRolesAsync(user, n.Roles);
        return (result.Succeeded ? user : null, result);
    }

    /// <summary>Makes the account's roles exactly <paramref name="roles"/> (unknown names are ignored).</summary>
    public async Task<IdentityResult> SetRolesAsync(LmsUser user, IEnumerable<string> roles)
    {
        var wanted = roles.Where(SystemRole.IsKnown).Distinct().ToList();
        var current = await users.GetRolesAsync(user);
        var remove = current.Except(wanted).ToList();
        var add = wanted.Except(current).ToList();
        if (remove.Count > 0)
        {
            var r = await users.RemoveFromRolesAsync(user, remove);
            if (!r.Succeeded) return r;
        }
        return add.Count > 0 ? await users.AddToRolesAsync(user, add) : IdentityResult.Success;
    }

    public static string DefaultUserName(string email) => email.Split('@')[0].ToLowerInvariant();
}
