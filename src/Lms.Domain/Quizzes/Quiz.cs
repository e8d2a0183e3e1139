using Lms.Domain.Common;

namespace Lms.Domain.Quizzes;

/// <summary>
/// The settings and questions of a quiz activity. Like Moodle, a quiz is edited in place rather than through the
/// course's draft: its questions are locked once anyone has attempted it (<see cref="Lock"/>), so every attempt of
/// a quiz is marked out of the same questions; timing and review settings stay editable.
/// </summary>
public sealed class Quiz
{
    public const int MaxSlots = 200;

    public Guid Id { get; private set; }
    public Guid CourseId { get; private set; }
    public string Title { get; private set; } = "";
    public string Intro { get; private set; } = "";
    public DateTime? OpensAtUtc { get; private set; }
    public DateTime? ClosesAtUtc { get; private set; }
    public TimeSpan? TimeLimit { get; private set; }
    /// <summary>0 means no limit.</summary>
    public int AttemptsAllowed { get; private set; } = 1;
    public GradingMethod GradingMethod { get; private set; }
    /// <summary>Percentage of the maximum needed to pass (and to complete the activity).</summary>
    public decimal PassPercent { get; private set; } = 60m;
    public bool ShuffleQuestions { get; private set; }
    /// <summary>0 shows every question on one page.</summary>
    public int QuestionsPerPage { get; private set; } = 1;
    public ReviewTiming ShowScore { get; private set; } = ReviewTiming.AfterSubmit;
    public ReviewTiming ShowFeedback { get; private set; } = ReviewTiming.AfterSubmit;
    public ReviewTiming ShowRightAnswers { get; private set; } = ReviewTiming.AfterClose;
    public QuizRole Role { get; private set; }
    /// <summary>For a post-test: the pre-test must be finished first.</summary>
    public bool RequiresPreTest { get; private set; }
    public bool StructureLocked { get; private set; }

    private List<QuizSlot> slots = [];
    public IReadOnlyList<QuizSlot> Slots => slots;

    private Quiz() { }

    public Quiz(Guid id, Guid courseId, string title)
    {
        if (id == Guid.Empty) throw new DomainException("quiz.id_required", "A quiz needs an id.");
        Id = id;
        CourseId = courseId;
        Rename(title, "");
    }

    public void Rename(string title, string intro)
    {
        Title = Text.Required(title, "quiz.title_required", 255);
        Intro = (intro ?? "").Trim();
        if (Intro.Length > 50_000) throw new DomainException("text.too_long", "Quiz introduction too long.");
    }

    public void Schedule(DateTime? opensAtUtc, DateTime? closesAtUtc, TimeSpan? timeLimit)
    {
        if (opensAtUtc is { } o && closesAtUtc is { } c && c <= o)
            throw new DomainException("quiz.closes_before_opens", "The quiz must close after it opens.");
        if (timeLimit is { } t && (t < TimeSpan.FromMinutes(1) || t > TimeSpan.FromHours(24)))
            throw new DomainException("quiz.time_limit_invalid", "A time limit is between 1 minute and 24 hours.");
        OpensAtUtc = opensAtUtc;
        ClosesAtUtc = closesAtUtc;
        TimeLimit = timeLimit;
    }

    public void SetGrading(int attemptsAllowed, GradingMethod method, decimal passPercent)
    {
        if (attemptsAllowed is < 0 or > 100) throw new DomainException("quiz.attempts_invalid", "Attempts allowed is between 0 (no limit) and 100.");
        if (passPercent is < 0 or > 100) throw new DomainException("quiz.pass_invalid", "The pass mark is a percentage from 0 to 100.");
        if (!Enum.IsDefined(method)) throw new DomainException("quiz.method_invalid", "Unknown grading method.");
        AttemptsAllowed = attemptsAllowed;
        GradingMethod = method;
        PassPercent = passPercent;
    }

    public void SetLayout(bool shuffleQuestions, int questionsPerPage)
    {
        if (questionsPerPage is < 0 or > 50) throw new DomainException("quiz.per_page_invalid", "Questions per page is between 0 (all) and 50.");
        ShuffleQuestions = shuffleQuestions;
        QuestionsPerPage = questionsPerPage;
    }

    public void SetReview(ReviewTiming score, ReviewTiming feedback, ReviewTiming rightAnswers)
    {
        ShowScore = score;
        ShowFeedback = feedback;
        ShowRightAnswers = rightAnswers;
    }

    public void SetRole(QuizRole role, bool requiresPreTest)
    {
        if (requiresPreTest && role != QuizRole.PostTest)
            throw new DomainException("quiz.pretest_only_for_posttest", "Only a post-test can require the pre-test.");
        Role = role;
        RequiresPreTest = requiresPreTest;
    }

    public void ReplaceSlots(IEnumerable<QuizSlot> newSlots)
    {
        if (StructureLocked) throw new DomainException("quiz.locked", "Questions cannot change once the quiz has been attempted.");
        var list = newSlots.ToList();
        if (list.Count > MaxSlots) throw new DomainException("quiz.too_many_slots", $"At most {MaxSlots} slots.");
        slots = list;
    }

    /// <summary>The same settings and questions for another course (a course copied for next fiscal year); not locked.</summary>
    public Quiz CopyFor(Guid newId, Guid newCourseId)
    {
        var copy = (Quiz)MemberwiseClone();
        copy.Id = newId;
        copy.CourseId = newCourseId;
        copy.StructureLocked = false;
        copy.slots = [.. slots];
        return copy;
    }

    /// <summary>The number of questions an attempt gets.</summary>
    public int QuestionCount => slots.Sum(s => s.IsRandom ? s.Count : 1);
    public decimal MaxMark => slots.Sum(s => s.Mark * (s.IsRandom ? s.Count : 1));

    /// <summary>Called when the first attempt starts.</summary>
    public void Lock() => StructureLocked = true;

    /// <summary>Whether the quiz is open for starting or continuing an attempt at <paramref name="nowUtc"/>.</summary>
    public bool IsOpen(DateTime nowUtc) =>
        (OpensAtUtc is not { } o || nowUtc >= o) && (ClosesAtUtc is not { } c || nowUtc < c);

    public bool IsClosed(DateTime nowUtc) => ClosesAtUtc is { } c && nowUtc >= c;

    /// <summary>When an attempt started at <paramref name="startedAtUtc"/> must end: the time limit or the close, whichever comes first.</summary>
    public DateTime? DeadlineFor(DateTime startedAtUtc)
    {
        DateTime? byLimit = TimeLimit is { } t ? startedAtUtc + t : null;
        return (byLimit, ClosesAtUtc) switch
        {
            ({ } a, { } b) => a < b ? a : b,
            ({ } a, null) => a,
            (null, { } b) => b,
            _ => null,
        };
    }

    public bool MayReview(ReviewTiming timing, DateTime nowUtc) => timing switch
    {
        ReviewTiming.AfterSubmit => true,
        ReviewTiming.AfterClose => IsClosed(nowUtc),
        _ => false,
    };

    public bool Passes(decimal percent) => PassesAt(PassPercent, percent);

    /// <summary>The pass rule on its own, for code that has read only the pass mark.</summary>
    public static bool PassesAt(decimal passPercent, decimal percent) => percent >= passPercent;
}
