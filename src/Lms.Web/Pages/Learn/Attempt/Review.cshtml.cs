using Lms.Domain.Courses;
using Lms.Domain.Quizzes;
using Lms.Web.Learning;
using Lms.Web.Notifications;
using Lms.Web.Quizzes;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lms.Web.Pages.Learn.Attempt;

/// <summary>
/// A submitted attempt as its owner may see it: the score, feedback and right answers only when the quiz's review options
/// allow them (some quizzes show right answers only after closing, so they cannot pass to colleagues who have not sat it).
/// </summary>
public sealed class ReviewModel(AttemptAccess access, LearnerContext learner) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid AttemptId { get; set; }
    public AttemptAccess.Loaded Data { get; private set; } = null!;
    public IReadOnlyList<SlotView> Questions { get; private set; } = [];
    public bool ShowScore { get; private set; }
    public PublishedActivity? Activity { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var loaded = await access.OwnAsync(AttemptId, LearnerContext.PersonId(User), ct);
        if (loaded is null) return NotFound();
        if (loaded.Attempt.State == AttemptState.InProgress) return RedirectToPage("Index", new { attemptId = AttemptId });
        Data = loaded;
        ViewData[BellCount.ViewDataKey] = loaded.UnreadNotifications;
        ShowScore = loaded.Quiz.MayReview(loaded.Quiz.ShowScore, access.Now);
        Questions = loaded.Attempt.Questions.OrderBy(q => q.Slot).Select(q => access.ToReview(loaded, q)).ToList();
        Activity = (await learner.PublishedAsync(loaded.Quiz.CourseId, ct))?.Activities
            .FirstOrDefault(a => a.Quiz == loaded.Quiz.Id);
        return Page();
    }
}
