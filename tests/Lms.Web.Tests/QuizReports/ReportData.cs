using Lms.Domain.Enrolments;
using Lms.Domain.Organisation;
using Lms.Domain.Questions;
using Lms.Domain.Quizzes;
using Lms.Infrastructure.Identity;
using Lms.Infrastructure.Persistence;
using Lms.Infrastructure.Quizzes;
using Lms.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lms.Web.Tests.QuizReports;

/// <summary>
/// The people and attempts a report test needs, written straight into the database the way the attempt service leaves
/// them — so a test decides exactly who, in which school, answered what and took how long.
/// </summary>
public static class ReportData
{
    public const string SchoolA = "64010001"; // สุโขทัยวิทยาคม, the demo director's school
    public const string SchoolB = "64010002"; // อุดมดรุณี

    public sealed record Teacher(Guid Id, string Name);

    /// <summary>A new teacher of the school with the given school code, named so that no other row can match by accident.</summary>
    public static async Task<Teacher> TeacherAsync(this LmsAppFactory app, string schoolCode, string firstName)
    {
        var lastName = $"ทดสอบ{Guid.NewGuid():N}"[..14];
        Guid id = default;
        await app.ScopeAsync(async sp =>
        {
            var school = await sp.GetRequiredService<LmsDbContext>().Schools.Where(s => s.Code == schoolCode).Select(s => s.Id).SingleAsync();
            var (user, result) = await sp.GetRequiredService<PersonAccounts>().CreateAsync(new NewPerson(
                $"{Guid.NewGuid():N}@test.example", null, "ครู", firstName, lastName, "", "", Position.Teacher, school, null,
                [SystemRole.Learner]));
            Assert.True(result.Succeeded, string.Join(", ", result.Errors.Select(e => e.Description)));
            id = user!.Id;
        });
        return new Teacher(id, $"ครู{firstName} {lastName}");
    }

    public static Task EnrolAsync(this LmsAppFactory app, Guid courseId, Guid personId) => app.ScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<LmsDbContext>();
        db.Enrolments.Add(new Enrolment(Guid.NewGuid(), courseId, personId, EnrolmentSource.BySchool, null, DateTime.UtcNow));
        await db.SaveChangesAsync();
    });

    /// <summary>
    /// An attempt at a quiz of fixed true/false questions: <paramref name="right"/> says, per slot, whether the teacher
    /// answered it right ("true" is the right answer of <see cref="QuizSteps.TrueFalse"/>). Submitted after
    /// <paramref name="took"/>, or left in progress when that is null.
    /// </summary>
    public static async Task<Guid> AttemptAsync(this LmsAppFactory app, Guid quizId, Guid personId, bool[] right, TimeSpan? took)
    {
        var id = Guid.NewGuid();
        await app.ScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<LmsDbContext>();
            var quiz = await db.Quizzes.AsNoTracking().SingleAsync(q => q.Id == quizId);
            var ids = quiz.Slots.Select(s => s.QuestionId!.Value).ToList();
            var versions = await db.Questions.Where(q => ids.Contains(q.Id)).ToDictionaryAsync(q => q.Id, q => q.CurrentVersion);
            var content = await sp.GetRequiredService<QuestionContents>().GetAsync(ids.Select(q => (q, versions[q])), default);
            var candidates = ids.Select(q => (IReadOnlyList<QuizAttempt.Drawn>)[new QuizAttempt.Drawn(q, versions[q], content[(q, versions[q])])])
                .ToList();
            var number = 1 + await db.QuizAttempts.CountAsync(a => a.QuizId == quizId && a.PersonId == personId);
            var started = DateTime.UtcNow.AddHours(-2).AddMinutes(number);
            var attempt = QuizAttempt.Start(id, quiz, personId, number, candidates, seed: 1, started);
            for (var slot = 1; slot <= right.Length; slot++)
                attempt.SaveResponse(slot, new Response(new Dictionary<string, string> { ["answer"] = right[slot - 1] ? "true" : "false" }),
                    1, started);
            if (took is { } t) attempt.Submit((q, v) => content[(q, v)], started + t);
            db.QuizAttempts.Add(attempt);
            await db.SaveChangesAsync();
        });
        return id;
    }

    /// <summary>Right/wrong per question from a pattern such as "11010".</summary>
    public static bool[] Answers(string pattern) => pattern.Select(c => c == '1').ToArray();
}
