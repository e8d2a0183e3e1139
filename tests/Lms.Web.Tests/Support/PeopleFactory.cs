using Lms.Domain.Organisation;
using Lms.Infrastructure.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Lms.Web.Tests.Support;

/// <summary>Creates a fresh person with an account and password, so a test can change them without affecting others.</summary>
public static class PeopleFactory
{
    public static async Task<(Guid Id, string UserName)> CreatePersonAsync(this LmsAppFactory app, string[] roles,
        Position position = Position.Teacher, string password = LmsAppFactory.DemoPassword)
    {
        var userName = $"u{Guid.NewGuid():N}"[..12];
        Guid id = default;
        await app.ScopeAsync(async sp =>
        {
            var accounts = sp.GetRequiredService<PersonAccounts>();
            var users = sp.GetRequiredService<UserManager<LmsUser>>();
            var school = position is Position.Teacher or Position.AssistantTeacher or Position.SchoolDirector
                ? app.Db(db => db.Schools.OrderBy(s => s.Code).First().Id) : (Guid?)null;
            var (user, result) = await accounts.CreateAsync(new NewPerson($"{userName}@test.example", userName, "นาย",
                "ทดสอบ", userName, "", "", position, school, null, roles));
            Assert.True(result.Succeeded, string.Join(", ", result.Errors.Select(e => e.Description)));
            Assert.True((await users.AddPasswordAsync(user!, password)).Succeeded);
            id = user!.Id;
        });
        return (id, userName);
    }
}
