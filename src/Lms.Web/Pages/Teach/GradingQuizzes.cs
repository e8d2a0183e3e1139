using Lms.Domain.Questions;
using Lms.Domain.Quizzes;
using Microsoft.EntityFrameworkCore;

namespace Lms.Web.Pages.Teach;

/// <summary>
/// The quiz part of the grading queue: one row per written answer (essay) of a submitted attempt still waiting for a
/// mark — the attempt's grade is final only when all of them are marked — or, with "already graded", the answers marked by hand.
/// </summary>
public sealed partial class GradingModel
{
    public sealed record QuizRow(Guid AttemptId, int Slot, string Course, string Quiz, string Person, string? School,
        DateTime SubmittedAtUtc, bool Graded);

    public IReadOnlyList<QuizRow> QuizRows { get; private set; } = [];

    private async Task LoadQuizAnswersAsync(CancellationToken ct)
    {
        // Two plain filters rather than one conditional WHERE, so PostgreSQL plans each on its own.
        var questions = ShowGraded
            ? db.AttemptQuestions.AsNoTracking().Where(aq => aq.GradedAtUtc != null)
            : db.AttemptQuestions.AsNoTracking().Where(aq => aq.GradeState == GradeState.NeedsGrading);
        var attempts = ShowGraded
            ? db.QuizAttempts.AsNoTracking()
            : db.QuizAttempts.AsNoTracking().Where(a => a.State == AttemptState.NeedsGrading);
        var q = from aq in questions
                join a in attempts on aq.AttemptId equals a.Id
                join quiz in db.Quizzes.AsNoTracking() on a.QuizId equals quiz.Id
                join p in db.People.AsNoTracking() on a.PersonId equals p.Id
                orderby a.SubmittedAtUtc, a.Id, aq.Slot
                select new
                {
                    a.Id, aq.Slot, a.CourseId, quiz.Title, a.SubmittedAtUtc, Graded = aq.GradedAtUtc != null,
                    Name = p.Title + p.FirstName + " " + p.LastName,
                    School = db.Schools.Where(x => x.Id == p.SchoolId).Select(x => x.NameTh).FirstOrDefault(),
                };
        var answers = await q.Take(500).ToListAsync(ct);
        var courses = await publisher.CurrentAsync(answers.Select(x => x.CourseId).Distinct().ToList(), ct);
        QuizRows = answers.Select(x => new QuizRow(x.Id, x.Slot, courses.GetValueOrDefault(x.CourseId)?.TitleTh ?? "", x.Title,
            x.Name, x.School, x.SubmittedAtUtc ?? default, x.Graded)).ToList();
    }
}
