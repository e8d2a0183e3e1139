using Lms.Domain.Common;
using Lms.Domain.Courses;
using Lms.Domain.Enrolments;
using Lms.Domain.Quizzes;
using Lms.Web.Learning;
using Lms.Web.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Lms.Web.Pages.Learn;

/// <summary>The quiz part of an activity page: its settings, the teacher's attempts and grade, and starting or resuming.</summary>
public sealed partial class ActivityModel
{
    public sealed record QuizInfo(Quiz Quiz, string IntroHtml, IReadOnlyList<QuizAttempt> Attempts, decimal? Grade, bool ShowScore, string? Blocked);

    public QuizInfo? Quiz { get; private set; }

    private async Task<QuizInfo?> QuizInfoAsync(PublishedActivity activity, Guid me, CancellationToken ct)
    {
        if (activity.Quiz is not { } quizId) return null;
        var quiz = await db.Quizzes.AsNoTracking().FirstOrDefaultAsync(q => q.Id == quizId, ct);
        if (quiz is null) return null;
        var mine = await attempts.AttemptsOfAsync(quiz.Id, me, ct);
        var now = learner.Now;
        var open = mine.Any(a => a.State == AttemptState.InProgress);
        string? blocked = null;
        if (!open)
        {
            if (quiz.Slots.Count == 0) blocked = l["This quiz has no questions yet."];
            else if (quiz.OpensAtUtc is { } o && now < o) blocked = l["This quiz opens on {0}.", DateDisplay.DateAndTime(o)];
            else if (quiz.IsClosed(now)) blocked = l["This quiz has closed."];
            else if (quiz.AttemptsAllowed > 0 && mine.Count >= quiz.AttemptsAllowed) blocked = l["You have used all your attempts."];
        }
        var intro = string.IsNullOrWhiteSpace(quiz.Intro) ? "" : markdown.ToSafeHtml(quiz.Intro);
        return new QuizInfo(quiz, intro, mine, QuizGrade.Of(quiz.GradingMethod, mine), quiz.MayReview(quiz.ShowScore, now), blocked);
    }

    /// <summary>Starts an attempt, or resumes the one in progress (a double click makes one attempt: see AttemptService).</summary>
    public async Task<IActionResult> OnPostStartQuizAsync(CancellationToken ct)
    {
        var me = LearnerContext.PersonId(User);
        // The learner pages' one-statement read (course version, enrolment, progress): 250 teachers press this in the same second.
        var snapshot = await learner.SnapshotAsync(CourseId, me, ct);
        var activity = snapshot?.Course.Find(ActivityId);
        if (snapshot is null || activity is not { Quiz: { } quizId } || snapshot.Enrolment is not { } enrolment) return NotFound();
        if (!CompletionRules.IsOpen(snapshot.Course.Outline(), activity.Rules, enrolment.ProgressByActivity, learner.Now))
            return RedirectToPage(new { courseId = CourseId, activityId = ActivityId });
        try
        {
            var attempt = await attempts.StartOrResumeAsync(quizId, me, ct);
            if (attempt is null) return NotFound();
            return RedirectToPage("/Learn/Attempt/Index", new { attemptId = attempt.Id });
        }
        catch (DomainException e)
        {
            ErrorMessage = DomainErrors.Describe(e, l);
            return RedirectToPage(new { courseId = CourseId, activityId = ActivityId });
        }
    }
}
