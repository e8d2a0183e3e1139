using System.Text.Json;
using Lms.Domain.Common;
using Lms.Domain.Courses;
using Lms.Domain.Questions;
using Lms.Domain.Quizzes;
using Lms.Infrastructure.Courses;
using Lms.Infrastructure.Learning;
using Lms.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Npgsql;
using NpgsqlTypes;

namespace Lms.Infrastructure.Quizzes;

/// <summary>
/// Starting, answering and submitting quiz attempts so that nothing a teacher answers is lost and every attempt is
/// graded exactly once, whatever double clicks, retries, parallel tabs or a browser that never comes back do.
/// PostgreSQL enforces it (one attempt in progress per person and quiz; attempt numbers unique; the attempt's row
/// version on submit), so it holds across several app instances too.
/// </summary>
public sealed class AttemptService(LmsDbContext db, QuestionContents contents, CoursePublisher publisher, TimeProvider clock,
    IMemoryCache cache, AttemptReader reader, SubmitWriter submits)
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
            .Select(a => new Earlier(a.Number, a.State)).ToListAsync(ct);
        return await StartOrResumeAsync(quiz, personId, earlier, ct);
    }

    /// <summary>
    /// As above for the quiz with this id, or null when there is none: the quiz's row version and the person's attempts
    /// come in one round trip, the quiz itself from <see cref="AttemptReader"/>'s cache (keyed by that version). Starting is
    /// what 250 teachers do in the same second at a training day, so it costs as few statements as it can.
    /// </summary>
    public async Task<QuizAttempt?> StartOrResumeAsync(Guid quizId, Guid personId, CancellationToken ct)
    {
        uint version;
        var earlier = new List<Earlier>();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var batch = new NpgsqlBatch((NpgsqlConnection)db.Database.GetDbConnection());
            var quizRow = new NpgsqlBatchCommand("SELECT xmin FROM quizzes WHERE id = $1");
            quizRow.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = quizId });
            var mine = new NpgsqlBatchCommand("SELECT number, state FROM quiz_attempts WHERE quiz_id = $1 AND person_id = $2");
            mine.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = quizId });
            mine.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = personId });
            batch.BatchCommands.Add(quizRow);
            batch.BatchCommands.Add(mine);
            await using var r = await batch.ExecuteReaderAsync(ct);
            if (!await r.ReadAsync(ct)) return null;
            version = r.GetFieldValue<uint>(0);
            await r.NextResultAsync(ct);
            while (await r.ReadAsync(ct)) earlier.Add(new Earlier(r.GetInt32(0), (AttemptState)r.GetInt32(1)));
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
        return await StartOrResumeAsync(await reader.QuizAsync(quizId, version, ct), personId, earlier, ct);
    }

    private sealed record Earlier(int Number, AttemptState State);

    private async Task<QuizAttempt> StartOrResumeAsync(Quiz quiz, Guid personId, List<Earlier> earlier, CancellationToken ct)
    {
        if (earlier.Any(a => a.State == AttemptState.InProgress) && await OpenAttemptAsync(quiz.Id, personId, ct) is { } open)
        {
            if (!open.IsOverdue(Now))
            {
                RememberSlots(open);
                return open;
            }
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
            if (quiz.StructureLocked)
            {
                // One statement is its own transaction: no BEGIN and COMMIT round trips around it.
                await AttemptInsert.ExecuteAsync(db, attempt, ct);
            }
            else
            {
                await using var tx = await db.Database.BeginTransactionAsync(ct);
                // Lock the quiz's questions in the same transaction as the first attempt. The update also moves the quiz
                // row's version, so a designer's edit of the questions made meanwhile fails instead of slipping in.
                await db.Quizzes.Where(q => q.Id == quiz.Id && !q.StructureLocked)
                    .ExecuteUpdateAsync(u => u.SetProperty(q => q.StructureLocked, true), ct);
                await AttemptInsert.ExecuteAsync(db, attempt, ct);
                await tx.CommitAsync(ct);
            }
            RememberSlots(attempt);
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
    /// Saves one answer as it is given, graded at once: a single UPDATE that holds only while the attempt is the person's,
    /// in progress, within its deadline (plus <see cref="QuizAttempt.SaveGrace"/>) and newer than what is stored (the
    /// browser's sequence number) — the same rules as <see cref="QuizAttempt.SaveResponse"/>, checked in the database so
    /// that 250 teachers saving at once cost one statement each. The grade (the domain grader's, for the attempt's
    /// version of the question) is written with the answer and marked with its sequence, so submitting only adds up
    /// stored grades. The save holds a share lock on the attempt row until it commits: a submit locks that row before
    /// it adds up, so it waits for a save in flight and counts it, and a save that comes after the submit finds the
    /// attempt finished and is refused (never acknowledged without being counted). Returns why nothing was saved otherwise.
    /// </summary>
    public async Task<SaveOutcome> SaveAsync(Guid attemptId, Guid personId, int slot, Response response, long sequence, CancellationToken ct)
    {
        AttemptQuestion.CheckSize(response);
        var now = Now;
        var slots = await SlotsAsync(attemptId, ct);
        if (!slots.TryGetValue(slot, out var key)) throw new DomainException("attempt.not_found", "No such attempt.");
        var content = (await contents.GetAsync([key], ct))[key];
        var grade = AttemptQuestion.GradeOf(content, response);

        await db.Database.OpenConnectionAsync(ct);
        int rows;
        try
        {
            await using var cmd = new NpgsqlCommand(SaveSql, (NpgsqlConnection)db.Database.GetDbConnection());
            var p = cmd.Parameters;
            p.Add(new NpgsqlParameter<string> { TypedValue = JsonSerializer.Serialize(response.Values, JsonColumn.Options), NpgsqlDbType = NpgsqlDbType.Jsonb });
            p.Add(new NpgsqlParameter<long> { TypedValue = sequence });
            p.Add(new NpgsqlParameter<DateTime> { TypedValue = now, NpgsqlDbType = NpgsqlDbType.TimestampTz });
            p.Add(new NpgsqlParameter<string> { TypedValue = grade.State.ToString() });
            p.Add(new NpgsqlParameter { Value = grade.Fraction is { } f ? f : DBNull.Value, NpgsqlDbType = NpgsqlDbType.Numeric });
            p.Add(new NpgsqlParameter<string[]> { TypedValue = grade.Feedback });
            p.Add(new NpgsqlParameter<Guid> { TypedValue = attemptId });
            p.Add(new NpgsqlParameter<Guid> { TypedValue = personId });
            p.Add(new NpgsqlParameter<TimeSpan> { TypedValue = QuizAttempt.SaveGrace });
            p.Add(new NpgsqlParameter<int> { TypedValue = slot });
            rows = await cmd.ExecuteNonQueryAsync(ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
        if (rows == 1) return SaveOutcome.Saved;

        var state = await db.QuizAttempts.AsNoTracking().Where(a => a.Id == attemptId && a.PersonId == personId)
            .Select(a => new { a.State, a.DeadlineUtc, Has = a.Questions.Any(q => q.Slot == slot) }).FirstOrDefaultAsync(ct);
        if (state is null || !state.Has) throw new DomainException("attempt.not_found", "No such attempt.");
        return state.State == AttemptState.InProgress && (state.DeadlineUtc is not { } d || now < d + QuizAttempt.SaveGrace)
            ? SaveOutcome.Stale
            : SaveOutcome.Closed;
    }

    // The FOR SHARE sub-select re-checks the attempt row after waiting for a submit in progress (READ COMMITTED follows
    // the updated row), so a save never lands in an attempt that has just been submitted.
    private const string SaveSql = """
        UPDATE attempt_questions q
        SET answer = $1, sequence = $2, saved_at_utc = $3, grade_state = $4, fraction = $5, feedback = $6, graded_sequence = $2
        FROM (SELECT id FROM quiz_attempts
              WHERE id = $7 AND person_id = $8 AND state = 0 AND (deadline_utc IS NULL OR deadline_utc + $9 > $3)
              FOR SHARE) a
        WHERE q.attempt_id = a.id AND q.slot = $10 AND q.sequence < $2
        """;

    /// <summary>
    /// Which question version each slot of an attempt uses, for grading a save without reading the row first. An attempt's
    /// questions and their versions never change once it has started, so this is cached (filled at the start and by the
    /// attempt's pages, read from PostgreSQL otherwise). No slots when there is no such attempt.
    /// </summary>
    private sealed record Shape(IReadOnlyDictionary<int, (Guid QuestionId, int Version)> Slots);

    private async Task<IReadOnlyDictionary<int, (Guid QuestionId, int Version)>> SlotsAsync(Guid attemptId, CancellationToken ct)
    {
        if (cache.TryGetValue(ShapeKey(attemptId), out Shape? hit)) return hit!.Slots;
        var slots = await db.AttemptQuestions.AsNoTracking().Where(q => q.AttemptId == attemptId)
            .Select(q => new { q.Slot, q.QuestionId, q.Version })
            .ToDictionaryAsync(q => q.Slot, q => (q.QuestionId, q.Version), ct);
        if (slots.Count > 0) Remember(attemptId, new Shape(slots));
        return slots;
    }

    /// <summary>Keeps the shape of an attempt whose questions are at hand (started, or loaded for a page).</summary>
    public void RememberSlots(QuizAttempt attempt)
    {
        if (attempt.State == AttemptState.InProgress && !cache.TryGetValue(ShapeKey(attempt.Id), out _))
            Remember(attempt.Id, new Shape(attempt.Questions.ToDictionary(q => q.Slot, q => (q.QuestionId, q.Version))));
    }

    private void Remember(Guid attemptId, Shape shape) =>
        cache.Set(ShapeKey(attemptId), shape, new MemoryCacheEntryOptions { SlidingExpiration = TimeSpan.FromMinutes(30), Size = 1 });

    private static (string, Guid) ShapeKey(Guid attemptId) => ("attempt-shape", attemptId);

    /// <summary>
    /// Submits the attempt with what was saved, exactly once: a second submit (double click, retry, other tab, the timer)
    /// finds it already submitted and changes nothing. The answers were graded as they were saved, so this adds up the
    /// stored grades in PostgreSQL (one statement, after locking the attempt row: the "one submit" guard, and the wait for
    /// a save in flight); only an attempt with a question whose stored grade is not the one of its stored answer (saved
    /// before grading on save) is graded here, through the domain model. When the quiz grade reaches the pass mark, the
    /// quiz activity (and perhaps the course) completes in the same transaction. True when this call submitted it.
    /// <para>The submit goes through <see cref="SubmitWriter"/> (group commit with the submits of other people that arrive
    /// meanwhile); what that leaves to this request (grading here, an enrolment that kept changing) is done here.</para>
    /// </summary>
    public async Task<bool> SubmitAsync(Guid attemptId, Guid personId, bool byTimer, CancellationToken ct)
    {
        try
        {
            switch (await submits.SubmitAsync(new SubmitBatch.Request(attemptId, personId, byTimer, Now), ct))
            {
                case SubmitBatch.Outcome.Finished: return true;
                case SubmitBatch.Outcome.AlreadySubmitted: return false;
                case SubmitBatch.Outcome.NotFound: throw new DomainException("attempt.not_found", "No such attempt.");
            }
        }
        // The enrolment moved on, or a parallel first view of the quiz activity inserted its progress row first.
        catch (Exception e) when (e is SubmitWriter.EnrolmentChangedException || PostgresErrors.IsUniqueViolation(e))
        {
        }
        return await SubmitHereAsync(attemptId, personId, byTimer, ct);
    }

    /// <summary>
    /// A submit the group commit left to this request: an attempt to grade through the domain model, or one whose enrolment
    /// kept changing under the batch. The same statements for this attempt alone, tried again while the enrolment moves on.
    /// </summary>
    private async Task<bool> SubmitHereAsync(Guid attemptId, Guid personId, bool byTimer, CancellationToken ct)
    {
        for (var round = 1; ; round++)
        {
            db.ChangeTracker.Clear();
            // A plain Npgsql transaction on the context's connection, as the group commit's; EF joins it only to grade here.
            await db.Database.OpenConnectionAsync(ct);
            try
            {
                await using var tx = await ((NpgsqlConnection)db.Database.GetDbConnection()).BeginTransactionAsync(ct);
                var finished = (await SubmitBatch.FinishAsync(tx, [new SubmitBatch.Request(attemptId, personId, byTimer, Now)], publisher, ct))[0];
                switch (finished.Outcome)
                {
                    case SubmitBatch.Outcome.NotFound: throw new DomainException("attempt.not_found", "No such attempt.");
                    case SubmitBatch.Outcome.AlreadySubmitted: return false;
                    case SubmitBatch.Outcome.Finished:
                        if (await SubmitBatch.RecordPassesAsync(tx, finished.Pass is { } pass ? [pass] : [], ct))
                        {
                            await tx.CommitAsync(ct);
                            return true;
                        }
                        break; // the enrolment changed since it was read: roll back, look again
                    case SubmitBatch.Outcome.GradeHere:
                        await db.Database.UseTransactionAsync(tx, ct);
                        var attempt = await FindAsync(attemptId, ct);
                        var content = await contents.GetAsync(attempt!.Questions.Select(q => (q.QuestionId, q.Version)), ct);
                        attempt.Submit((id, v) => content[(id, v)], Now, byTimer);
                        await RecordCompletionAsync(attempt, ct);
                        await db.SaveChangesAsync(ct);
                        await tx.CommitAsync(ct);
                        return true;
                }
            }
            catch (Exception e) when (round < 5 && (e is DbUpdateConcurrencyException || PostgresErrors.IsUniqueViolation(e)))
            {
            }
            finally
            {
                await db.Database.UseTransactionAsync(null, ct);
                await db.Database.CloseConnectionAsync();
            }
            if (round >= 5) throw new DbUpdateConcurrencyException($"The enrolment changed under each of {round} attempts to submit.");
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
