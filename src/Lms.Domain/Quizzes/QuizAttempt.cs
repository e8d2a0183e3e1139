using Lms.Domain.Common;
using Lms.Domain.Questions;

namespace Lms.Domain.Quizzes;

/// <summary>
/// One teacher's attempt at a quiz: the questions drawn for it (each pinned to the question version used), the answers
/// as they were saved, and the grade. Answers are saved one question at a time as they are given; the attempt ends by
/// <see cref="Submit"/> — by the teacher, or by the server when the deadline has passed — exactly once.
/// </summary>
public sealed class QuizAttempt
{
    /// <summary>
    /// Answers that reach the server this long after the deadline still count: the browser saves as the teacher types,
    /// and a save sent in the last second must not be lost to network delay. Nothing later is accepted.
    /// </summary>
    public static readonly TimeSpan SaveGrace = TimeSpan.FromSeconds(15);

    public Guid Id { get; private set; }
    public Guid QuizId { get; private set; }
    public Guid CourseId { get; private set; }
    public Guid PersonId { get; private set; }
    public int Number { get; private set; }
    public AttemptState State { get; private set; }
    public int Seed { get; private set; }
    public DateTime StartedAtUtc { get; private set; }
    public DateTime? DeadlineUtc { get; private set; }
    public DateTime? SubmittedAtUtc { get; private set; }
    /// <summary>True when the server submitted it because time ran out.</summary>
    public bool SubmittedByTimer { get; private set; }
    public decimal MaxMark { get; private set; }
    /// <summary>Sum of the marks earned; final only in <see cref="AttemptState.Finished"/>.</summary>
    public decimal? Mark { get; private set; }
    public int QuestionsPerPage { get; private set; }

    private readonly List<AttemptQuestion> questions = [];
    public IReadOnlyList<AttemptQuestion> Questions => questions;

    private QuizAttempt() { }

    /// <summary>A drawn question: the version the attempt will use and its content.</summary>
    public sealed record Drawn(Guid QuestionId, int Version, QuestionContent Content);

    /// <summary>
    /// Starts attempt <paramref name="number"/>. <paramref name="candidates"/> gives, per quiz slot in order, the
    /// questions it may use (one for a fixed slot; the category's questions for a random one).
    /// </summary>
    public static QuizAttempt Start(Guid id, Quiz quiz, Guid personId, int number, IReadOnlyList<IReadOnlyList<Drawn>> candidates,
        int seed, DateTime nowUtc)
    {
        if (!quiz.IsOpen(nowUtc)) throw new DomainException("quiz.not_open", "The quiz is not open.");
        if (quiz.AttemptsAllowed > 0 && number > quiz.AttemptsAllowed)
            throw new DomainException("quiz.no_attempts_left", "No attempts left.");
        if (quiz.Slots.Count == 0) throw new DomainException("quiz.no_questions", "The quiz has no questions yet.");
        if (candidates.Count != quiz.Slots.Count) throw new ArgumentException("One candidate list per slot.", nameof(candidates));

        var rng = new Random(seed);
        var used = new HashSet<Guid>();
        var picked = new List<(Drawn Q, decimal Mark)>();
        for (var i = 0; i < quiz.Slots.Count; i++)
        {
            var slot = quiz.Slots[i];
            var pool = candidates[i].Where(c => !used.Contains(c.QuestionId)).ToList();
            var need = slot.IsRandom ? slot.Count : 1;
            if (pool.Count < need) throw new DomainException("quiz.not_enough_questions", "A category has fewer questions than the quiz draws.");
            for (var n = 0; n < need; n++)
            {
                var at = slot.IsRandom ? rng.Next(pool.Count) : 0;
                var q = pool[at];
                pool.RemoveAt(at);
                used.Add(q.QuestionId);
                picked.Add((q, q.Content.IsGraded ? slot.Mark : 0m));
            }
        }
        if (quiz.ShuffleQuestions) Shuffle(picked, rng);

        var a = new QuizAttempt
        {
            Id = id, QuizId = quiz.Id, CourseId = quiz.CourseId, PersonId = personId, Number = number, Seed = seed,
            State = AttemptState.InProgress, StartedAtUtc = nowUtc, DeadlineUtc = quiz.DeadlineFor(nowUtc),
            QuestionsPerPage = quiz.QuestionsPerPage,
        };
        for (var i = 0; i < picked.Count; i++)
        {
            var (q, mark) = picked[i];
            var page = quiz.QuestionsPerPage == 0 ? 1 : i / quiz.QuestionsPerPage + 1;
            var question = new AttemptQuestion(id, i + 1, page, q.QuestionId, q.Version, mark, QuestionLayout.For(q.Content, rng));
            // Graded as unanswered from the start (what submitting an untouched question gives), so that a submit
            // finds a current grade for every question and only has to add them up.
            question.Grade(q.Content);
            a.questions.Add(question);
        }
        a.MaxMark = a.questions.Sum(x => x.MaxMark);
        return a;
    }

    public int PageCount => questions.Count == 0 ? 0 : questions.Max(q => q.Page);

    public AttemptQuestion Slot(int slot) =>
        questions.FirstOrDefault(q => q.Slot == slot) ?? throw new DomainException("attempt.no_such_question", "No such question in this attempt.");

    /// <summary>Whether time is up (answers are then no longer taken, and the attempt is due to be submitted).</summary>
    public bool IsOverdue(DateTime nowUtc) => State == AttemptState.InProgress && DeadlineUtc is { } d && nowUtc >= d;

    public bool AcceptsAnswers(DateTime nowUtc) =>
        State == AttemptState.InProgress && (DeadlineUtc is not { } d || nowUtc < d + SaveGrace);

    /// <summary>
    /// Saves the answer to one question. <paramref name="sequence"/> grows with every change the browser makes, so a
    /// save that arrives late (after a newer one) does not overwrite the newer answer.
    /// </summary>
    /// <remarks>With the question version's <paramref name="content"/> the answer is graded as it is saved (as the app does),
    /// so that <see cref="Submit"/> only adds up; without it, submitting grades it.</remarks>
    public SaveOutcome SaveResponse(int slot, Response response, long sequence, DateTime nowUtc, QuestionContent? content = null)
    {
        if (!AcceptsAnswers(nowUtc)) return SaveOutcome.Closed;
        var q = Slot(slot);
        if (sequence <= q.Sequence) return SaveOutcome.Stale;
        q.Save(response, sequence, nowUtc);
        if (content is not null) q.Grade(content);
        return SaveOutcome.Saved;
    }

    /// <summary>
    /// Ends the attempt and grades it with what was saved. Returns false when it had already ended (a double click, a
    /// retry, a second tab): the first submission stands. <paramref name="content"/> gives each question version's content;
    /// only answers without a current grade (see <see cref="AttemptQuestion.GradedSequence"/>) are graded again, which
    /// gives the same result as grading them all, since a grade depends only on the version and the answer.
    /// </summary>
    public bool Submit(Func<Guid, int, QuestionContent> content, DateTime nowUtc, bool byTimer = false)
    {
        if (State != AttemptState.InProgress) return false;
        foreach (var q in questions.Where(q => !q.HasCurrentGrade)) q.Grade(content(q.QuestionId, q.Version));
        SubmittedAtUtc = byTimer && DeadlineUtc is { } d && d < nowUtc ? d : nowUtc;
        SubmittedByTimer = byTimer;
        Settle();
        return true;
    }

    /// <summary>A trainer's grade for a question graded by hand (an essay), or an override of an automatic grade.</summary>
    public void GradeManually(int slot, decimal mark, string comment, Guid graderId, DateTime nowUtc)
    {
        if (State == AttemptState.InProgress) throw new DomainException("attempt.not_submitted", "The attempt has not been submitted yet.");
        var q = Slot(slot);
        if (mark < 0 || mark > q.MaxMark) throw new DomainException("grade.out_of_range", $"The mark must be between 0 and {q.MaxMark}.");
        q.GradeByHand(mark, comment, graderId, nowUtc);
        Settle();
    }

    /// <summary>Percentage of the maximum, when final.</summary>
    public decimal? Percent => State == AttemptState.Finished && Mark is { } m
        ? (MaxMark == 0 ? 100m : Math.Round(m / MaxMark * 100m, 2))
        : null;

    /// <summary>
    /// An attempt as stored, with its questions, for persistence code that reads the rows itself (the attempt pages'
    /// one-statement read). Applies no rules: the values were checked when they were recorded.
    /// </summary>
    public static QuizAttempt Restore(Guid id, Guid quizId, Guid courseId, Guid personId, int number, AttemptState state, int seed,
        DateTime startedAtUtc, DateTime? deadlineUtc, DateTime? submittedAtUtc, bool submittedByTimer, decimal maxMark, decimal? mark,
        int questionsPerPage, IEnumerable<AttemptQuestion> questions)
    {
        var a = new QuizAttempt
        {
            Id = id, QuizId = quizId, CourseId = courseId, PersonId = personId, Number = number, State = state, Seed = seed,
            StartedAtUtc = startedAtUtc, DeadlineUtc = deadlineUtc, SubmittedAtUtc = submittedAtUtc, SubmittedByTimer = submittedByTimer,
            MaxMark = maxMark, Mark = mark, QuestionsPerPage = questionsPerPage,
        };
        a.questions.AddRange(questions);
        return a;
    }

    /// <summary>
    /// An attempt as stored, with what the quiz grade needs (number, state, marks) and no questions: for persistence code
    /// that reads the rows itself. Applies no rules.
    /// </summary>
    public static QuizAttempt Restore(Guid id, Guid quizId, Guid personId, int number, AttemptState state, decimal maxMark, decimal? mark) =>
        new() { Id = id, QuizId = quizId, PersonId = personId, Number = number, State = state, MaxMark = maxMark, Mark = mark };

    private void Settle()
    {
        var pending = questions.Any(q => q.GradeState == GradeState.NeedsGrading);
        State = pending ? AttemptState.NeedsGrading : AttemptState.Finished;
        Mark = questions.Sum(q => q.EarnedMark ?? 0m);
    }

    private static void Shuffle<T>(List<T> list, Random rng)
    {
        for (var i = list.Count - 1; i > 0; i--)
        {
            var j = rng.Next(i + 1);
            (list[i], list[j]) = (list[j], list[i]);
        }
    }
}

public enum SaveOutcome { Saved, Stale, Closed }
