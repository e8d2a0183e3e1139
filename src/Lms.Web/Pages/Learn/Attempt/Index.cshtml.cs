using Lms.Domain.Common;
using Lms.Domain.Quizzes;
using Lms.Infrastructure.Quizzes;
using Lms.Web.Learning;
using Lms.Web.Notifications;
using Lms.Web.Quizzes;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lms.Web.Pages.Learn.Attempt;

/// <summary>
/// Taking a quiz, a page of questions at a time. Every answer is saved as it is given (site.js posts each change to
/// <see cref="OnPostSaveAsync"/>); without JavaScript, moving between pages saves the page. The server's deadline
/// rules: a page opened after it shows the review instead.
/// </summary>
public sealed class IndexModel(AttemptAccess access, AttemptService attempts) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid AttemptId { get; set; }
    [BindProperty(SupportsGet = true)] public int PageNumber { get; set; } = 1;
    public AttemptAccess.Loaded Data { get; private set; } = null!;
    public IReadOnlyList<SlotView> Questions { get; private set; } = [];
    public int SecondsLeft { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var loaded = await access.OwnAsync(AttemptId, LearnerContext.PersonId(User), ct);
        if (loaded is null) return NotFound();
        if (loaded.Attempt.State != AttemptState.InProgress) return RedirectToPage("Review", new { attemptId = AttemptId });
        Data = loaded;
        ViewData[BellCount.ViewDataKey] = loaded.UnreadNotifications;
        PageNumber = Math.Clamp(PageNumber, 1, Math.Max(1, loaded.Attempt.PageCount));
        Questions = loaded.Attempt.Questions.Where(q => q.Page == PageNumber).OrderBy(q => q.Slot).Select(q => access.ToAnswer(loaded, q)).ToList();
        SecondsLeft = loaded.Attempt.DeadlineUtc is { } d ? (int)Math.Max(0, (d - access.Now).TotalSeconds) : -1;
        return Page();
    }

    /// <summary>Autosave of one question: answers with what happened, for the "saved" note beside it.</summary>
    public async Task<IActionResult> OnPostSaveAsync(int slot, long seq, CancellationToken ct)
    {
        try
        {
            var outcome = await attempts.SaveAsync(AttemptId, LearnerContext.PersonId(User), slot, AnswerForm.Read(Request.Form, slot), seq, ct);
            return new JsonResult(new { outcome = outcome.ToString().ToLowerInvariant() }) { StatusCode = outcome == SaveOutcome.Closed ? 409 : 200 };
        }
        catch (DomainException e) when (e.Code == "attempt.not_found") { return NotFound(); }
        catch (DomainException e) { return BadRequest(new { error = e.Code }); }
    }

    /// <summary>
    /// Saves every question of the page (the way without JavaScript, and a safety net with it), then goes to the page
    /// asked for, or to the summary before submitting.
    /// </summary>
    public async Task<IActionResult> OnPostPageAsync(string? go, CancellationToken ct)
    {
        var me = LearnerContext.PersonId(User);
        // A sequence from the server's clock, in the same units as the browser's (milliseconds × 1000), so a page post
        // and the autosaves before it are ordered by when they happened.
        var seq = access.Now.Subtract(DateTime.UnixEpoch).Ticks / TimeSpan.TicksPerMillisecond * 1000 + 999;
        var closed = false;
        try
        {
            foreach (var slot in AnswerForm.Slots(Request.Form))
                closed |= await attempts.SaveAsync(AttemptId, me, slot, AnswerForm.Read(Request.Form, slot), seq, ct) == SaveOutcome.Closed;
        }
        catch (DomainException e) when (e.Code == "attempt.not_found") { return NotFound(); }
        if (closed || go == "summary") return RedirectToPage("Summary", new { attemptId = AttemptId });
        return RedirectToPage("Index", new { attemptId = AttemptId, pageNumber = int.TryParse(go, out var p) ? p : PageNumber });
    }
}
