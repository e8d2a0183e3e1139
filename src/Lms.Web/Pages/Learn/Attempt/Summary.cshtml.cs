using Lms.Domain.Common;
using Lms.Domain.Quizzes;
using Lms.Infrastructure.Quizzes;
using Lms.Web.Learning;
using Lms.Web.Notifications;
using Lms.Web.Localization;
using Lms.Web.Quizzes;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Lms.Web.Pages.Learn.Attempt;

/// <summary>Before submitting: which questions have answers, and one confirmed submit that counts once.</summary>
public sealed class SummaryModel(AttemptAccess access, AttemptService attempts, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid AttemptId { get; set; }
    public AttemptAccess.Loaded Data { get; private set; } = null!;
    public int SecondsLeft { get; private set; }
    [TempData] public string? ErrorMessage { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var loaded = await access.OwnAsync(AttemptId, LearnerContext.PersonId(User), ct);
        if (loaded is null) return NotFound();
        if (loaded.Attempt.State != AttemptState.InProgress) return RedirectToPage("Review", new { attemptId = AttemptId });
        Data = loaded;
        ViewData[BellCount.ViewDataKey] = loaded.UnreadNotifications;
        SecondsLeft = loaded.Attempt.DeadlineUtc is { } d ? (int)Math.Max(0, (d - access.Now).TotalSeconds) : -1;
        return Page();
    }

    /// <summary>Submits once: a double click, a retry or the other tab finds it submitted and is shown the same review.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        try
        {
            await attempts.SubmitAsync(AttemptId, LearnerContext.PersonId(User), byTimer: false, ct);
        }
        catch (DomainException e) when (e.Code == "attempt.not_found") { return NotFound(); }
        catch (DomainException e)
        {
            ErrorMessage = DomainErrors.Describe(e, l);
            return RedirectToPage(new { attemptId = AttemptId });
        }
        return RedirectToPage("Review", new { attemptId = AttemptId });
    }
}
