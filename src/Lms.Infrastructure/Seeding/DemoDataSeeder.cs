using Lms.Domain.Organisation;
using Lms.Infrastructure.Identity;
using Lms.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Lms.Infrastructure.Seeding;

/// <summary>
/// Seeds the Sukhothai demo office once (only into a database with no office yet), in one transaction.
/// Roles are ensured on every start because later features rely on them existing.
/// </summary>
public sealed class DemoDataSeeder(LmsDbContext db, IPasswordHasher<LmsUser> hasher, IOptions<SeedOptions> options,
    TimeProvider clock, ILogger<DemoDataSeeder> log)
{
    public async Task SeedAsync(CancellationToken ct = default)
    {
        await EnsureRolesAsync(db, ct);
        if (await db.Offices.AnyAsync(ct)) return;

        var password = options.Value.DemoPassword;
        if (string.IsNullOrWhiteSpace(password))
            throw new InvalidOperationException("Seed:DemoPassword must be set to seed demo data.");

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var office = new ServiceAreaOffice(SukhothaiDemo.OfficeId, "สำนักงานเขตพื้นที่การศึกษามัธยมศึกษาสุโขทัย",
            "Secondary Educational Service Area Office Sukhothai", "สพม.สท");
        db.Offices.Add(office);

        var schools = SukhothaiDemo.Schools.Select((s, i) => new School(Guid.NewGuid(), office.Id,
            $"6401{i + 1:D4}", s.NameTh, s.NameEn, s.District, "สุโขทัย")).ToList();
        db.Schools.AddRange(schools);

        var roles = await db.Roles.ToDictionaryAsync(r => r.Name!, r => r.Id, ct);
        // One PBKDF2 hash (210,000 iterations take ~0.1 s) shared by every demo account; each account
        // still gets its own security stamp. Real accounts always get their own salted hash.
        var hash = hasher.HashPassword(null!, password);

        foreach (var a in SukhothaiDemo.Accounts)
        {
            var school = a.SchoolIndex is { } i ? schools[i].Id : (Guid?)null;
            AddPerson(new Person(Guid.NewGuid(), a.Title, a.FirstName, a.LastName, a.Position, school, a.Subject, now),
                a.UserName, a.Email, a.Roles, hash, roles);
        }

        var n = 0;
        for (var si = 0; si < schools.Count; si++)
        {
            var staff = new List<(Position, string[])>
            {
                (Position.SchoolDirector, [SystemRole.SchoolDirector, SystemRole.Learner]),
                (Position.EducationalPersonnel, [SystemRole.Learner]),
                (Position.AssistantTeacher, [SystemRole.Learner]),
                (Position.AssistantTeacher, [SystemRole.Learner]),
            };
            staff.AddRange(Enumerable.Repeat((Position.Teacher, new[] { SystemRole.Learner }), 6));
            for (var k = 0; k < staff.Count; k++)
            {
                var (position, personRoles) = staff[k];
                n++;
                var female = n % 2 == 0;
                var first = female ? SukhothaiDemo.FemaleFirstNames[n % 12] : SukhothaiDemo.MaleFirstNames[n % 12];
                var last = SukhothaiDemo.LastNames[(n * 7) % SukhothaiDemo.LastNames.Length];
                var title = female ? (n % 4 == 0 ? "นาง" : "นางสาว") : "นาย";
                var subject = position is Position.Teacher or Position.AssistantTeacher
                    ? (SubjectArea)(1 + (n % 8)) : (SubjectArea?)null;
                var userName = $"s{si + 1:D2}p{k + 1:D2}";
                AddPerson(new Person(Guid.NewGuid(), title, first, last, position, schools[si].Id, subject, now),
                    userName, $"{userName}@sukhothai.example", personRoles, hash, roles);
            }
        }

        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        log.LogInformation("Seeded demo office with {Schools} schools and {People} people", schools.Count,
            SukhothaiDemo.Accounts.Length + n);
    }

    private void AddPerson(Person person, string userName, string email, string[] personRoles, string hash,
        Dictionary<string, Guid> roles)
    {
        db.People.Add(person);
        db.Users.Add(new LmsUser
        {
            Id = person.Id, Person = person, UserName = userName, NormalizedUserName = userName.ToUpperInvariant(),
            Email = email, NormalizedEmail = email.ToUpperInvariant(), EmailConfirmed = true, PasswordHash = hash,
            SecurityStamp = Guid.NewGuid().ToString("N"), ConcurrencyStamp = Guid.NewGuid().ToString(),
            LockoutEnabled = true,
        });
        foreach (var r in personRoles)
            db.UserRoles.Add(new IdentityUserRole<Guid> { UserId = person.Id, RoleId = roles[r] });
    }

    public static async Task EnsureRolesAsync(LmsDbContext db, CancellationToken ct)
    {
        var existing = await db.Roles.Select(r => r.Name).ToListAsync(ct);
        foreach (var name in SystemRole.All.Except(existing))
            db.Roles.Add(new IdentityRole<Guid>(name!) { Id = Guid.NewGuid(), NormalizedName = name!.ToUpperInvariant(),
                ConcurrencyStamp = Guid.NewGuid().ToString() });
        await db.SaveChangesAsync(ct);
    }
}
