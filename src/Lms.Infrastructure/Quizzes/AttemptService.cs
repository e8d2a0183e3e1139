using System.Text.Json;
using Lms.Domain.Common;
using Lms.Domain.Courses;
using Lms.Domain.Questions;
using Lms.Domain.Quizzes;
using Lms.Infrastructure.Courses;
using Lms.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Npgsql;

namespace Lms.Infrastructure.Quizzes;

/// <summary>
/// Starting, answering and submitting quiz attempts so that nothing a teacher answers is lost and every attempt is
/// graded exactly once, whatever double clicks, retries, parallel tabs or a browser that never comes back do.
/// PostgreSQL enforces it (one attempt in progress per person and quiz; attempt numbers unique; the attempt's row
/// version on submit), so it holds across several app instances too.
/// </summary>
public sealed class AttemptService(LmsDbContext db, QuestionContents contents, CoursePublisher publisher, TimeProvider clock,
    IMemoryCache cache)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;
    private Exception? lastSweepError;

    public Task<QuizAttempt?> FindAsync(Guid attemptId, CancellationToken ct) =>
        db.QuizAttempts.Include(a => a.Questions).FirstOrDefaultAsync(a => a.Id == attemptId, ct);

    /// <summary>A person's attempts at a quiz, without their questions (state, marks and dates are on the attempt).</summary>
    public Task<List<QuizAttempt>> AttemptsOfAsync(Guid quizId, Guid personId, CancellationToken ct) =>
        db.QuizAttempts.AsNoTracking()
            .Where(a => a.QuizId == quizId && a.PersonId == personId).OrderBy(a => a.Number).ToListAsync(ct);

    /// <summary>
    /// The person's attempt in progress, or a new one. Two requests racing to start both get the same attempt: the
    /// second insert breaks the one-in-progress index and that request resumes the first's attempt instead.
    /// </summary>
    public async Task<QuizAttempt> StartOrResumeAsync(Quiz quiz, Guid personId, CancellationToken ct)
    {
        // One look at the person's attempts (without their questions) answers both "is one open?" and "which number next?".
        var earlier = await db.QuizAttempts.AsNoTracking().Where(a => a.QuizId == quiz.Id && a.PersonId == personId)
            .Select(a => new { a.Number, a.State }).ToListAsync(ct);
        if (earlier.Any(a => a.State == AttemptState.InProgress) && await OpenAttemptAsync(quiz.Id, personId, ct) is { } open)
        {
            if (!open.IsOverdue(Now)) return open;
            await SubmitAsync(open.Id, personId, byTimer: true, ct);
            db.ChangeTracker.Clear();
        }
        if (quiz.RequiresPreTest) await CheckPreTestDoneAsync(quiz, personId, ct);

        var number = 1 + (earlier.Count == 0 ? 0 : earlier.Max(a => a.Number));
        var candidates = await CachedCandidatesAsync(quiz, ct);
        QuizAttempt attempt;
        try
        {
            attempt = QuizAttempt.Start(Guid.NewGuid(), quiz, personId, number, candidates, Random.Shared.Next(), Now);
        }
        // A parallel request (double click) may have started the attempt between the look-up above and the count:
        // its attempt is then the one to resume, not a reason to say the attempts are used up.
        catch (DomainException e) when (e.Code == "quiz.no_attempts_left")
        {
            if (await OpenAttemptAsync(quiz.Id, personId, ct) is { } justStarted) return justStarted;
            throw;
        }
        try
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            // Lock the quiz's questions in the same transaction as the first attempt. The update also moves the quiz
            // row's version, so a designer's edit of the questions made meanwhile fails instead of slipping in.
            if (!quiz.StructureLocked)
                await db.Quizzes.Where(q => q.Id == quiz.Id && !q.StructureLocked)
                    .ExecuteUpdateAsync(u => u.SetProperty(q => q.StructureLocked, true), ct);
            await AttemptInsert.ExecuteAsync(db, attempt, ct);
            await tx.CommitAsync(ct);
            return attempt;
        }
        // A second start of the same number, or a second attempt in progress: a parallel request won the race.
        catch (Exception e) when (PostgresErrors.IsUniqueViolation(e))
        {
            db.ChangeTracker.Clear();
            return await OpenAttemptAsync(quiz.Id, personId, ct)
                   ?? throw new DomainException("attempt.already_submitted", "That attempt has just been submitted; start again.");
        }
    }

    private Task<QuizAttempt?> OpenAttemptAsync(Guid quizId, Guid personId, CancellationToken ct) =>
        db.QuizAttempts.Include(a => a.Questions)
            .FirstOrDefaultAsync(a => a.QuizId == quizId && a.PersonId == personId && a.State == AttemptState.InProgress, ct);

    private async Task CheckPreTestDoneAsync(Quiz postTest, Guid personId, CancellationToken ct)
    {
        var preTests = db.Quizzes.Where(q => q.CourseId == postTest.CourseId && q.Role == QuizRole.PreTest).Select(q => q.Id);
        var done = await db.QuizAttempts.AnyAsync(a => preTests.Contains(a.QuizId) && a.PersonId == personId
                                                        && a.State != AttemptState.InProgress, ct);
        if (!done && await preTests.AnyAsync(ct))
            throw new DomainException("quiz.pretest_first", "Take the pre-test first.");
    }

    /// <summary>
    /// The candidates of a quiz's slots, kept for a few seconds: at the start of a training day hundreds of teachers
    /// start the same quiz within a second. Keyed by the slots themselves, so a changed quiz is never served stale
    /// slots; an edit of a question (a new version) or hiding one reaches new attempts within <see cref="CandidatesTtl"/>.
    /// </summary>
    private Task<IReadOnlyList<IReadOnlyList<QuizAttempt.Drawn>>> CachedCandidatesAsync(Quiz quiz, CancellationToken ct) =>
        cache.GetOrCreateAsync(("quiz-candidates", quiz.Id, JsonSerializer.Serialize(quiz.Slots)), e =>
        {
            e.AbsoluteExpirationRelativeToNow = CandidatesTtl;
            return CandidatesAsync(quiz, ct);
        })!;

    public static readonly TimeSpan CandidatesTtl = TimeSpan.FromSeconds(10);

    /// <summary>Per slot, the questions it may use: the fixed question, or the visible questions of the category (and below).</summary>
    private async Task<IReadOnlyList<IReadOnlyList<QuizAttempt.Drawn>>> CandidatesAsync(Quiz quiz, CancellationToken ct)
    {
        var categoryIds = new Dictionary<Guid, List<Guid>>();
        foreach (var slot in quiz.Slots.Where(s => s.IsRandom))
            categoryIds[slot.CategoryId!.Value] = slot.IncludeSubcategories
                ? await SubtreeAsync(slot.CategoryId.Value, ct)
                : [slot.CategoryId.Value];
        var allCategories = categoryIds.Values.SelectMany(c => c).Distinct().ToList();
        var fixedIds = quiz.Slots.Where(s => !s.IsRandom).Select(s => s.QuestionId!.Value).ToList();
        var questions = await db.Questions.AsNoTracking()
            .Where(q => fixedIds.Contains(q.Id) || (allCategories.Contains(q.CategoryId) && !q.Hidden))
            .Select(q => new { q.Id, q.CategoryId, q.CurrentVersion }).ToListAsync(ct);
        var content = await contents.GetAsync(questions.Select(q => (q.Id, q.CurrentVersion)), ct);

        return quiz.Slots.Select(slot => (IReadOnlyList<QuizAttempt.Drawn>)(slot.IsRandom
            ? questions.Where(q => categoryIds[slot.CategoryId!.Value].Contains(q.CategoryId))
                // Description items carry no marks; a random draw should not spend a question on one.
                .Where(q => content[(q.Id, q.CurrentVersion)].IsGraded)
                .OrderBy(q => q.Id)
                .Select(q => new QuizAttempt.Drawn(q.Id, q.CurrentVersion, content[(q.Id, q.CurrentVersion)])).ToList()
            : questions.Where(q => q.Id == slot.QuestionId)
                .Select(q => new QuizAttempt.Drawn(q.Id, q.CurrentVersion, content[(q.Id, q.CurrentVersion)])).ToList())).ToList();
    }

    private async Task<List<Guid>> SubtreeAsync(Guid root, CancellationToken ct)
    {
        var result = new List<Guid> { root };
        var frontier = new List<Guid> { root };
        while (frontier.Count > 0 && result.Count < 10_000)
        {
            var next = await db.QuestionCategories.AsNoTracking().Where(c => c.ParentId != null && frontier.Contains(c.ParentId.Value))
                .Select(c => c.Id).ToListAsync(ct);
            next.RemoveAll(result.Contains);
            result.AddRange(next);
            frontier = next;
        }
        return result;
    }

    /// <summary>
    /// Saves one answer as it is given: a single UPDATE that holds only while the attempt is the person's, in progress,
    /// within its deadline (plus <see cref="QuizAttempt.SaveGrace"/>) and newer than what is stored (the browser's
    /// sequence number) — the same rules as <see cref="QuizAttempt.SaveResponse"/>, checked in the database so that
    /// 250 teachers saving at once cost one statement each. Returns why nothing was saved otherwise.
    /// </summary>
    public async Task<SaveOutcome> SaveAsync(Guid attemptId, Guid personId, int slot, Response response, long sequence, CancellationToken ct)
    {
        AttemptQuestion.CheckSize(response);
        var now = Now;
        var json = JsonSerializer.Serialize(response.Values, JsonColumn.Options);
        var rows = await db.Database.ExecuteSqlInterpolatedAsync($"""
            UPDATE attempt_questions q SET answer = {json}::jsonb, sequence = {sequence}, saved_at_utc = {now}
            FROM quiz_attempts a
            WHERE q.attempt_id = {attemptId} AND q.slot = {slot} AND q.sequence < {sequence}
              AND a.id = q.attempt_id AND a.person_id = {personId} AND a.state = 0
              AND (a.deadline_utc IS NULL OR a.deadline_utc + {QuizAttempt.SaveGrace} > {now})
            """, ct);
        if (rows == 1) return SaveOutcome.Saved;

        var state = await db.QuizAttempts.AsNoTracking().Where(a => a.Id == attemptId && a.PersonId == personId)
            .Select(a => new { a.State, a.DeadlineUtc, Has = a.Questions.Any(q => q.Slot == slot) }).FirstOrDefaultAsync(ct);
        if (state is null || !state.Has) throw new DomainException("attempt.not_found", "No such attempt.");
        return state.State == AttemptState.InProgress && (state.DeadlineUtc is not { } d || now < d + QuizAttempt.SaveGrace)
            ? SaveOutcome.Stale
            : SaveOutcome.Closed;
    }

    /// <summary>
    /// Submits and grades the attempt with what was saved, exactly once: a second submit (double click, retry, other
    /// tab, the timer) finds it already submitted and returns it unchanged. When the quiz grade reaches the pass mark,
    /// the quiz activity (and perhaps the course) completes in the same transaction.
    /// </summary>
    public async Task<QuizAttempt> SubmitAsync(Guid attemptId, Guid personId, bool byTimer, CancellationToken ct)
    {
        for (var round = 1; ; round++)
        {
            var attempt = await FindAsync(attemptId, ct);
            if (attempt is null || attempt.PersonId != personId) throw new DomainException("attempt.not_found", "No such attempt.");
            if (attempt.State != AttemptState.InProgress) return attempt;
            var content = await contents.GetAsync(attempt.Questions.Select(q => (q.QuestionId, q.Version)), ct);
            attempt.Submit((id, v) => content[(id, v)], Now, byTimer);
            await RecordCompletionAsync(attempt, ct);
            try
            {
                await db.SaveChangesAsync(ct);
                return attempt;
            }
            catch (DbUpdateException e) when (round < 5 && (e is DbUpdateConcurrencyException || PostgresErrors.IsUniqueViolation(e)))
            {
                // Someone else submitted it (the timer, another tab), or the enrolment moved on: look again.
                db.ChangeTracker.Clear();
            }
        }
    }

    /// <summary>A trainer grades an essay (or overrides a mark); the attempt's grade and completion follow.</summary>
    public async Task<QuizAttempt> GradeAsync(Guid attemptId, int slot, decimal mark, string comment, Guid graderId, CancellationToken ct)
    {
        for (var round = 1; ; round++)
        {
            var attempt = await FindAsync(attemptId, ct) ?? throw new DomainException("attempt.not_found", "No such attempt.");
            attempt.GradeManually(slot, mark, comment, graderId, Now);
            await RecordCompletionAsync(attempt, ct);
            try
            {
                await db.SaveChangesAsync(ct);
                return attempt;
            }
            catch (DbUpdateException e) when (round < 5 && (e is DbUpdateConcurrencyException || PostgresErrors.IsUniqueViolation(e)))
            {
                db.ChangeTracker.Clear();
            }
        }
    }

    /// <summary>
    /// Submits attempts whose time ran out and whose browser never came back, with what they saved. Called by the
    /// background sweep; each attempt is submitted on its own so one failure does not hold up the rest.
    /// </summary>
    public async Task<int> SubmitOverdueAsync(int max, CancellationToken ct)
    {
        var now = Now;
        var due = await db.QuizAttempts.AsNoTracking()
            .Where(a => a.State == AttemptState.InProgress && a.DeadlineUtc != null && a.DeadlineUtc < now)
            .OrderBy(a => a.DeadlineUtc).Take(max).Select(a => new { a.Id, a.PersonId }).ToListAsync(ct);
        var failed = 0;
        foreach (var a in due)
        {
            db.ChangeTracker.Clear();
            try { await SubmitAsync(a.Id, a.PersonId, byTimer: true, ct); }
            catch (Exception e) when (e is DomainException or DbUpdateException)
            {
                // Left in progress for the next sweep (and visible in the log); the others still go through.
                failed++;
                lastSweepError = e;
            }
        }
        if (failed == due.Count && failed > 0 && lastSweepError is not null) throw lastSweepError;
        return due.Count;
    }

    /// <summary>When the person's quiz grade now passes, records "quiz passed" on their enrolment (tracked, saved with the attempt).</summary>
    private async Task RecordCompletionAsync(QuizAttempt attempt, CancellationToken ct)
    {
        if (attempt.State != AttemptState.Finished) return;
        var quiz = await db.Quizzes.AsNoTracking().FirstAsync(q => q.Id == attempt.QuizId, ct);
        // The grade needs only each attempt's state and marks, not its questions.
        var others = await db.QuizAttempts.AsNoTracking()
            .Where(a => a.QuizId == quiz.Id && a.PersonId == attempt.PersonId && a.Id != attempt.Id).ToListAsync(ct);
        if (QuizGrade.Of(quiz.GradingMethod, [.. others, attempt]) is not { } grade || !quiz.Passes(grade)) return;

        if (await publisher.CurrentAsync(quiz.CourseId, ct) is not { } course) return;
        if (course.Activities.FirstOrDefault(a => a.Quiz == quiz.Id) is not { } activity) return;
        var enrolment = await db.Enrolments.Include(e => e.Progress)
            .FirstOrDefaultAsync(e => e.CourseId == quiz.CourseId && e.PersonId == attempt.PersonId, ct);
        if (enrolment is null) return;
        if (enrolment.ProgressByActivity.TryGetValue(activity.Id, out var p) && p.QuizPassedAtUtc is not null) return;
        enrolment.RecordQuizPassed(course.Outline(), activity.Id, Now);
    }
}
