using System.Globalization;
using Lms.Domain.Common;
using Lms.Domain.Questions;
using Lms.Domain.Quizzes;
using Lms.Infrastructure.Courses;
using Lms.Infrastructure.Persistence;
using Lms.Infrastructure.Quizzes;
using Lms.Web.Learning;
using Lms.Web.Localization;
using Lms.Web.Quizzes;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Lms.Web.Pages.Teach;

/// <summary>
/// A trainer marks one question of a submitted quiz attempt by hand — an essay, or an override of an automatic mark.
/// The attempt's grade becomes final (and the quiz activity may complete) once no essay is left ungraded; that happens
/// in <see cref="AttemptService.GradeAsync"/>, in the same transaction as the mark.
/// </summary>
public sealed class QuizGradeModel(LmsDbContext db, AttemptAccess access, AttemptService attempts, CoursePublisher publisher,
    IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid AttemptId { get; set; }
    [BindProperty(SupportsGet = true)] public int Slot { get; set; }
    /// <summary>Text, not a number, so that a wrong entry is answered with our own message in the reader's language.</summary>
    [BindProperty] public string? Mark { get; set; }
    [BindProperty] public string? Comment { get; set; }
    [TempData] public string? StatusMessage { get; set; }

    public AttemptAccess.Loaded Data { get; private set; } = null!;
    public SlotView Question { get; private set; } = null!;
    public string CourseTitle { get; private set; } = "";
    public string PersonName { get; private set; } = "";
    public string? School { get; private set; }
    /// <summary>The questions of this attempt a trainer grades by hand, for moving between them.</summary>
    public IReadOnlyList<AttemptQuestion> HandGraded { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        var q = Question.Question;
        if (q.GradedAtUtc is not null || q.GradeState != GradeState.NeedsGrading)
            Mark = q.EarnedMark?.ToString("0.##", CultureInfo.InvariantCulture);
        Comment = q.GraderComment;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        var max = Question.Question.MaxMark;
        if (ReadMark(max) is not { } mark) return Page();
        try
        {
            var graded = await attempts.GradeAsync(AttemptId, Slot, mark, Comment ?? "", LearnerContext.PersonId(User), ct);
            StatusMessage = graded.State == AttemptState.Finished
                ? l["Every written answer of this attempt is graded: {0} of {1} marks ({2}%).", (graded.Mark ?? 0).ToString("0.##"),
                    graded.MaxMark.ToString("0.##"), (graded.Percent ?? 0).ToString("0.##")]
                : l["The mark has been saved."];
            var next = graded.Questions.Where(x => x.GradeState == GradeState.NeedsGrading).OrderBy(x => x.Slot).FirstOrDefault();
            return next is null ? Redirect("/Teach/Grading") : RedirectToPage(new { attemptId = AttemptId, slot = next.Slot });
        }
        catch (DomainException e)
        {
            ModelState.AddModelError(string.Empty, DomainErrors.Describe(e, l));
            return Page();
        }
    }

    /// <summary>The posted mark, or null after adding the reason it cannot be used.</summary>
    private decimal? ReadMark(decimal max)
    {
        var text = (Mark ?? "").Trim();
        var outOf = max.ToString("0.##", CultureInfo.InvariantCulture);
        if (text.Length == 0)
            ModelState.AddModelError(nameof(Mark), l["Please enter a mark."]);
        else if (!decimal.TryParse(text, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var mark)
                 || Math.Round(mark, 2) != mark)
            ModelState.AddModelError(nameof(Mark), l["The mark must be a number with at most two decimals, e.g. 7.5."]);
        else if (mark < 0 || mark > max)
            ModelState.AddModelError(nameof(Mark), l["The mark must be between 0 and {0}.", outOf]);
        else if ((Comment ?? "").Length > 10_000)
            ModelState.AddModelError(nameof(Comment), l["The comment is too long (at most 10,000 characters)."]);
        else
            return mark;
        return null;
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (await access.SubmittedAsync(AttemptId, ct) is not { } loaded) return false;
        var question = loaded.Attempt.Questions.FirstOrDefault(q => q.Slot == Slot);
        if (question is null || question.MaxMark == 0) return false;
        Data = loaded;
        Question = access.ToReview(loaded, question, asGrader: true);
        HandGraded = loaded.Attempt.Questions
            .Where(q => loaded.Contents[(q.QuestionId, q.Version)].NeedsManualGrading || q.GradedAtUtc is not null)
            .OrderBy(q => q.Slot).ToList();
        CourseTitle = (await publisher.CurrentAsync(loaded.Attempt.CourseId, ct))?.TitleTh ?? "";
        var person = await db.People.AsNoTracking().Where(p => p.Id == loaded.Attempt.PersonId)
            .Select(p => new
            {
                Name = p.Title + p.FirstName + " " + p.LastName,
                School = db.Schools.Where(s => s.Id == p.SchoolId).Select(s => s.NameTh).FirstOrDefault(),
            }).FirstAsync(ct);
        (PersonName, School) = (person.Name, person.School);
        return true;
    }

    /// <summary>What the question's author wrote for graders (Moodle's "information for graders"), as safe HTML.</summary>
    public string GraderInfoHtml => Question.Content is EssayQuestion { GraderInfo: { Length: > 0 } info } ? Question.Html(info) : "";
}
