using Lms.Domain.Questions;
using Lms.Domain.Quizzes;
using Lms.Infrastructure.Persistence;
using Lms.Infrastructure.Quizzes;
using Microsoft.EntityFrameworkCore;

namespace Lms.Web.Quizzes;

/// <summary>
/// Loading an attempt for its owner: someone else's attempt is "not found" (never "forbidden", which would confirm it
/// exists). An attempt whose time has run out is submitted on the spot, so a page never offers answers that no longer count.
/// </summary>
public sealed class AttemptAccess(LmsDbContext db, AttemptService attempts, AttemptReader reader, QuestionContents contents,
    QuestionText texts, TimeProvider clock)
{
    public DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <param name="UnreadNotifications">The bell's count, read with the attempt (for <see cref="Notifications.BellCount"/>).</param>
    public sealed record Loaded(QuizAttempt Attempt, Quiz Quiz, IReadOnlyDictionary<(Guid, int), QuestionContent> Contents,
        int? UnreadNotifications = null);

    public async Task<Loaded?> OwnAsync(Guid attemptId, Guid personId, CancellationToken ct)
    {
        var read = await reader.OwnAsync(attemptId, personId, ct);
        if (read is null) return null;
        if (read.Attempt.IsOverdue(Now))
        {
            await attempts.SubmitAsync(attemptId, personId, byTimer: true, ct);
            db.ChangeTracker.Clear();
            read = await reader.OwnAsync(attemptId, personId, ct) ?? throw new InvalidOperationException("The attempt went away.");
        }
        attempts.RememberSlots(read.Attempt);
        var content = await contents.GetAsync(read.Attempt.Questions.Select(q => (q.QuestionId, q.Version)), ct);
        return new Loaded(read.Attempt, read.Quiz, content, read.UnreadNotifications);
    }

    /// <summary>
    /// Any person's attempt, for a trainer grading it — once submitted only: until then the answers are the teacher's
    /// own work in progress (and an unknown or unsubmitted attempt is simply not found).
    /// </summary>
    public async Task<Loaded?> SubmittedAsync(Guid attemptId, CancellationToken ct)
    {
        var attempt = await db.QuizAttempts.AsNoTracking().Include(a => a.Questions)
            .FirstOrDefaultAsync(a => a.Id == attemptId && a.State != AttemptState.InProgress, ct);
        if (attempt is null) return null;
        var quiz = await db.Quizzes.AsNoTracking().FirstAsync(q => q.Id == attempt.QuizId, ct);
        var content = await contents.GetAsync(attempt.Questions.Select(q => (q.QuestionId, q.Version)), ct);
        return new Loaded(attempt, quiz, content);
    }

    public SlotView ToAnswer(Loaded l, AttemptQuestion q) =>
        new(q, l.Contents[(q.QuestionId, q.Version)], texts, Review: false, ShowFeedback: false, ShowRightAnswer: false, ShowMarks: false);

    /// <summary>For review: what the quiz's review options allow the teacher to see now.</summary>
    public SlotView ToReview(Loaded l, AttemptQuestion q, bool asGrader = false) =>
        new(q, l.Contents[(q.QuestionId, q.Version)], texts, Review: true,
            ShowFeedback: asGrader || l.Quiz.MayReview(l.Quiz.ShowFeedback, Now),
            ShowRightAnswer: asGrader || l.Quiz.MayReview(l.Quiz.ShowRightAnswers, Now),
            ShowMarks: asGrader || l.Quiz.MayReview(l.Quiz.ShowScore, Now));
}
