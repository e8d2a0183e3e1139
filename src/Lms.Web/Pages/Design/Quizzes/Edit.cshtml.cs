using System.ComponentModel.DataAnnotations;
using Lms.Domain.Calendar;
using Lms.Domain.Common;
using Lms.Domain.Courses;
using Lms.Domain.Questions;
using Lms.Domain.Quizzes;
using Lms.Infrastructure.Persistence;
using Lms.Web.Localization;
using Lms.Web.Pages.Design.Courses;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Lms.Web.Pages.Design.Quizzes;

/// <summary>
/// A quiz activity's settings and questions. Settings take effect at once (as in Moodle); the questions lock once
/// someone has started an attempt, so every attempt is marked out of the same paper.
/// </summary>
public sealed class EditModel(LmsDbContext db, IStringLocalizer<SharedResource> l) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid CourseId { get; set; }
    [BindProperty(SupportsGet = true)] public Guid ActivityId { get; set; }
    [BindProperty] public SettingsInput Input { get; set; } = new();
    public Course Course { get; private set; } = null!;
    public Activity Activity { get; private set; } = null!;
    public Quiz Quiz { get; private set; } = null!;
    public IReadOnlyList<QuestionCategory> Categories { get; private set; } = [];
    public IReadOnlyList<Question> BankQuestions { get; private set; } = [];
    public IReadOnlyDictionary<Guid, Question> SlotQuestions { get; private set; } = new Dictionary<Guid, Question>();
    public int AttemptCount { get; private set; }
    [TempData] public string? StatusMessage { get; set; }
    [TempData] public string? ErrorMessage { get; set; }

    public sealed class SettingsInput
    {
        [Required, StringLength(255)] public string Title { get; set; } = "";
        [StringLength(50_000)] public string? Intro { get; set; }
        public DateTime? OpensAtLocal { get; set; }
        public DateTime? ClosesAtLocal { get; set; }
        [Range(0, 1440)] public int TimeLimitMinutes { get; set; }
        [Range(0, 100)] public int AttemptsAllowed { get; set; } = 1;
        public GradingMethod GradingMethod { get; set; }
        [Range(0, 100)] public decimal PassPercent { get; set; } = 60;
        public bool ShuffleQuestions { get; set; }
        [Range(0, 50)] public int QuestionsPerPage { get; set; } = 1;
        public ReviewTiming ShowScore { get; set; }
        public ReviewTiming ShowFeedback { get; set; }
        public ReviewTiming ShowRightAnswers { get; set; }
        public QuizRole Role { get; set; }
        public bool RequiresPreTest { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        Input = new SettingsInput
        {
            Title = Quiz.Title, Intro = Quiz.Intro, OpensAtLocal = ToLocal(Quiz.OpensAtUtc), ClosesAtLocal = ToLocal(Quiz.ClosesAtUtc),
            TimeLimitMinutes = (int)(Quiz.TimeLimit?.TotalMinutes ?? 0), AttemptsAllowed = Quiz.AttemptsAllowed,
            GradingMethod = Quiz.GradingMethod, PassPercent = Quiz.PassPercent, ShuffleQuestions = Quiz.ShuffleQuestions,
            QuestionsPerPage = Quiz.QuestionsPerPage, ShowScore = Quiz.ShowScore, ShowFeedback = Quiz.ShowFeedback,
            ShowRightAnswers = Quiz.ShowRightAnswers, Role = Quiz.Role, RequiresPreTest = Quiz.RequiresPreTest,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostSettingsAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct, track: true)) return NotFound();
        if (!ModelState.IsValid) return Page();
        return await SaveAsync(() =>
        {
            Quiz.Rename(Input.Title, Input.Intro ?? "");
            Quiz.Schedule(ToUtc(Input.OpensAtLocal), ToUtc(Input.ClosesAtLocal),
                Input.TimeLimitMinutes > 0 ? TimeSpan.FromMinutes(Input.TimeLimitMinutes) : null);
            Quiz.SetGrading(Input.AttemptsAllowed, Input.GradingMethod, Input.PassPercent);
            Quiz.SetLayout(Input.ShuffleQuestions, Input.QuestionsPerPage);
            Quiz.SetReview(Input.ShowScore, Input.ShowFeedback, Input.ShowRightAnswers);
            Quiz.SetRole(Input.Role, Input.Role == QuizRole.PostTest && Input.RequiresPreTest);
        }, ct);
    }

    public async Task<IActionResult> OnPostAddQuestionsAsync(List<Guid> questionIds, decimal mark, CancellationToken ct)
    {
        if (!await LoadAsync(ct, track: true)) return NotFound();
        var allowed = BankQuestions.Select(q => q.Id).ToHashSet();
        var add = questionIds.Where(allowed.Contains).Where(id => Quiz.Slots.All(s => s.QuestionId != id)).ToList();
        if (add.Count == 0) { ErrorMessage = l["Tick at least one question to add."]; return Redirect(); }
        return await SaveAsync(() => Quiz.ReplaceSlots(Quiz.Slots.Concat(add.Select(id => QuizSlot.Fixed(id, mark <= 0 ? 1 : mark)))), ct);
    }

    public async Task<IActionResult> OnPostAddRandomAsync(Guid categoryId, int count, decimal mark, bool includeSubcategories, CancellationToken ct)
    {
        if (!await LoadAsync(ct, track: true)) return NotFound();
        if (Categories.All(c => c.Id != categoryId)) { ErrorMessage = l["Choose a category."]; return Redirect(); }
        return await SaveAsync(() => Quiz.ReplaceSlots([.. Quiz.Slots, QuizSlot.Random(categoryId, count, mark <= 0 ? 1 : mark, includeSubcategories)]), ct);
    }

    public async Task<IActionResult> OnPostRemoveSlotAsync(int index, CancellationToken ct)
    {
        if (!await LoadAsync(ct, track: true)) return NotFound();
        if (index < 0 || index >= Quiz.Slots.Count) return Redirect();
        return await SaveAsync(() => Quiz.ReplaceSlots(Quiz.Slots.Where((_, i) => i != index)), ct);
    }

    public async Task<IActionResult> OnPostMoveSlotAsync(int index, int delta, CancellationToken ct)
    {
        if (!await LoadAsync(ct, track: true)) return NotFound();
        var to = index + Math.Sign(delta);
        if (index < 0 || index >= Quiz.Slots.Count || to < 0 || to >= Quiz.Slots.Count) return Redirect();
        var slots = Quiz.Slots.ToList();
        (slots[index], slots[to]) = (slots[to], slots[index]);
        return await SaveAsync(() => Quiz.ReplaceSlots(slots), ct);
    }

    public async Task<IActionResult> OnPostSetMarkAsync(int index, decimal mark, CancellationToken ct)
    {
        if (!await LoadAsync(ct, track: true)) return NotFound();
        if (index < 0 || index >= Quiz.Slots.Count) return Redirect();
        var slots = Quiz.Slots.ToList();
        var s = slots[index];
        return await SaveAsync(() =>
        {
            slots[index] = s.IsRandom
                ? QuizSlot.Random(s.CategoryId!.Value, s.Count, mark, s.IncludeSubcategories)
                : QuizSlot.Fixed(s.QuestionId!.Value, mark);
            Quiz.ReplaceSlots(slots);
        }, ct);
    }

    private async Task<IActionResult> SaveAsync(Action change, CancellationToken ct)
    {
        try
        {
            change();
            await db.SaveChangesAsync(ct);
            StatusMessage = l["Saved."];
        }
        catch (DomainException e)
        {
            ErrorMessage = DomainErrors.Describe(e, l);
        }
        catch (DbUpdateConcurrencyException)
        {
            ErrorMessage = l["Someone else changed this quiz at the same time. Please check it and try again."];
        }
        return Redirect();
    }

    private RedirectToPageResult Redirect() => RedirectToPage(new { courseId = CourseId, activityId = ActivityId });

    /// <summary>The course draft, the quiz activity and its quiz (made here for quiz activities older than quizzes), and the banks it can draw from.</summary>
    private async Task<bool> LoadAsync(CancellationToken ct, bool track = false)
    {
        var course = await db.LoadDraftAsync(CourseId, ct);
        var activity = course?.AllActivities.FirstOrDefault(a => a.Id == ActivityId && a.Kind == ActivityKind.Quiz);
        if (course is null || activity is null) return false;
        (Course, Activity) = (course, activity);
        var quizId = activity.QuizId ?? activity.Id;
        var quiz = await db.Quizzes.FirstOrDefaultAsync(q => q.Id == quizId, ct);
        if (quiz is null)
        {
            quiz = new Quiz(quizId, course.Id, activity.Title);
            db.Quizzes.Add(quiz);
            try { await db.SaveChangesAsync(ct); }
            catch (DbUpdateException e) when (PostgresErrors.IsUniqueViolation(e))
            {
                db.ChangeTracker.Clear();
                quiz = await db.Quizzes.FirstAsync(q => q.Id == quizId, ct);
            }
        }
        if (quiz.CourseId != course.Id) return false;
        Quiz = quiz;
        if (!track) db.Entry(quiz).State = EntityState.Detached;
        Categories = await db.QuestionCategories.AsNoTracking().Where(c => c.CourseId == course.Id || c.CourseId == null)
            .OrderBy(c => c.CourseId == null).ThenBy(c => c.Name).ToListAsync(ct);
        var categoryIds = Categories.Select(c => c.Id).ToList();
        BankQuestions = await db.Questions.AsNoTracking().Where(q => categoryIds.Contains(q.CategoryId) && !q.Hidden)
            .OrderBy(q => q.Name).ToListAsync(ct);
        var slotIds = quiz.Slots.Where(s => s.QuestionId is not null).Select(s => s.QuestionId!.Value).ToList();
        SlotQuestions = await db.Questions.AsNoTracking().Where(q => slotIds.Contains(q.Id)).ToDictionaryAsync(q => q.Id, ct);
        AttemptCount = await db.QuizAttempts.CountAsync(a => a.QuizId == quiz.Id, ct);
        return true;
    }

    private static DateTime? ToLocal(DateTime? utc) => utc is { } u ? u + FiscalYear.ThailandOffset : null;
    private static DateTime? ToUtc(DateTime? local) => local is { } l ? DateTime.SpecifyKind(l - FiscalYear.ThailandOffset, DateTimeKind.Utc) : null;
}
