using System.Globalization;
using System.Text.Json;
using Npgsql;

namespace QuizLoad;

/// <summary>
/// Checks in PostgreSQL, after a phase, that nothing was lost: every teacher has exactly one attempt at the quiz, the one
/// the app redirected them to, finished; every answer the app acknowledged ("saved") is stored exactly as sent, with the
/// sequence it was sent with; and the mark is what the answers earn (stored choice 0 is the right one, worth the slot's
/// mark; also cross-checked against each question version's own fractions).
/// </summary>
public sealed class Verifier(string connectionString)
{
    public sealed record Result(
        int Teachers, int Attempts, int Duplicates, int Missing, int WrongAttempt, int NotFinished,
        int AnswersAcknowledged, int AnswersStoredAsSent, int Lost, int UnansweredSlots, int MarkMismatches, int FractionMismatches,
        double StartWindowSeconds, double SubmitWindowSeconds, List<string> Problems)
    {
        public bool Ok => Duplicates == 0 && Missing == 0 && WrongAttempt == 0 && NotFinished == 0 && Lost == 0
                          && MarkMismatches == 0 && FractionMismatches == 0;
    }

    public async Task<Dictionary<string, Guid>> PersonIdsAsync(IEnumerable<string> users)
    {
        await using var db = await OpenAsync();
        await using var cmd = new NpgsqlCommand("SELECT user_name, id FROM users WHERE user_name = ANY(@names)", db);
        cmd.Parameters.AddWithValue("names", users.ToArray());
        var result = new Dictionary<string, Guid>(StringComparer.Ordinal);
        await using var r = await cmd.ExecuteReaderAsync();
        while (await r.ReadAsync()) result[r.GetString(0)] = r.GetGuid(1);
        return result;
    }

    public async Task<Result> VerifyAsync(Guid quizId, IReadOnlyList<Teacher> teachers, int questionsPerAttempt)
    {
        await using var db = await OpenAsync();
        var attempts = new List<(Guid Id, Guid Person, int State, decimal? Mark, DateTime Started, DateTime? Submitted)>();
        await using (var cmd = new NpgsqlCommand(
            "SELECT id, person_id, state, mark, started_at_utc, submitted_at_utc FROM quiz_attempts WHERE quiz_id = @q", db))
        {
            cmd.Parameters.AddWithValue("q", quizId);
            await using var r = await cmd.ExecuteReaderAsync();
            while (await r.ReadAsync())
                attempts.Add((r.GetGuid(0), r.GetGuid(1), r.GetInt32(2), r.IsDBNull(3) ? null : r.GetDecimal(3), r.GetDateTime(4),
                    r.IsDBNull(5) ? null : r.GetDateTime(5)));
        }
        var questions = new Dictionary<(Guid Attempt, int Slot), (Guid Question, int Version, decimal MaxMark, string Answer, long Seq, decimal? Fraction)>();
        await using (var cmd = new NpgsqlCommand("""
            SELECT q.attempt_id, q.slot, q.question_id, q.version, q.max_mark, q.answer::text, q.sequence, q.fraction
            FROM attempt_questions q JOIN quiz_attempts a ON a.id = q.attempt_id WHERE a.quiz_id = @q
            """, db))
        {
            cmd.Parameters.AddWithValue("q", quizId);
            await using var r = await cmd.ExecuteReaderAsync();
            while (await r.ReadAsync())
                questions[(r.GetGuid(0), r.GetInt32(1))] = (r.GetGuid(2), r.GetInt32(3), r.GetDecimal(4), r.GetString(5), r.GetInt64(6),
                    r.IsDBNull(7) ? null : r.GetDecimal(7));
        }
        var fractions = new Dictionary<(Guid, int), decimal[]>();
        await using (var cmd = new NpgsqlCommand("SELECT question_id, version, content::text FROM question_versions", db))
        await using (var r = await cmd.ExecuteReaderAsync())
        {
            while (await r.ReadAsync())
            {
                using var doc = JsonDocument.Parse(r.GetString(2));
                if (doc.RootElement.TryGetProperty("Choices", out var choices))
                    fractions[(r.GetGuid(0), r.GetInt32(1))] = [.. choices.EnumerateArray().Select(c => c.GetProperty("Fraction").GetDecimal())];
            }
        }

        var problems = new List<string>();
        void Problem(string p) { if (problems.Count < 20) problems.Add(p); }
        int duplicates = 0, missing = 0, wrongAttempt = 0, notFinished = 0, acknowledged = 0, storedAsSent = 0, lost = 0, unanswered = 0;
        int markMismatches = 0, fractionMismatches = 0;
        var byPerson = attempts.GroupBy(a => a.Person).ToDictionary(g => g.Key, g => g.ToList());
        foreach (var t in teachers)
        {
            if (!byPerson.TryGetValue(t.PersonId, out var mine) || mine.Count == 0)
            {
                missing++;
                Problem($"{t.User}: no attempt");
                continue;
            }
            if (mine.Count > 1) { duplicates += mine.Count - 1; Problem($"{t.User}: {mine.Count} attempts"); }
            var attempt = mine.FirstOrDefault(a => a.Id == t.AttemptId);
            if (attempt.Id == Guid.Empty) { wrongAttempt++; Problem($"{t.User}: the attempt the app sent them to ({t.AttemptId}) is not there"); continue; }
            if (attempt.State != 2) { notFinished++; Problem($"{t.User}: attempt {attempt.Id} in state {attempt.State}"); }

            decimal expectedMark = 0;
            for (var slot = 1; slot <= questionsPerAttempt; slot++)
            {
                if (!questions.TryGetValue((attempt.Id, slot), out var q)) { Problem($"{t.User}: slot {slot} missing in the attempt"); lost++; continue; }
                if (!t.Saved.TryGetValue(slot, out var sent))
                {
                    unanswered++;
                    continue;
                }
                acknowledged++;
                if (StoredAnswer(q.Answer) == sent.Value && q.Seq == sent.Seq) storedAsSent++;
                else { lost++; Problem($"{t.User}: slot {slot} stored {q.Answer} (seq {q.Seq}), sent \"{sent.Value}\" (seq {sent.Seq})"); }
                if (sent.Value == "0") expectedMark += q.MaxMark;
                if (fractions.TryGetValue((q.Question, q.Version), out var f)
                    && int.TryParse(sent.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var chosen) && chosen < f.Length
                    && attempt.State == 2 && q.Fraction != Math.Clamp(f[chosen], 0m, 1m))
                {
                    fractionMismatches++;
                    Problem($"{t.User}: slot {slot} fraction {q.Fraction}, the question says {f[chosen]}");
                }
            }
            if (attempt.State == 2 && attempt.Mark != expectedMark)
            {
                markMismatches++;
                Problem($"{t.User}: mark {attempt.Mark}, expected {expectedMark}");
            }
        }
        var mineIds = teachers.Select(t => t.PersonId).ToHashSet();
        var ours = attempts.Where(a => mineIds.Contains(a.Person)).ToList();
        double Window(IEnumerable<DateTime> times)
        {
            var list = times.ToList();
            return list.Count < 2 ? 0 : (list.Max() - list.Min()).TotalSeconds;
        }
        return new Result(teachers.Count, ours.Count, duplicates, missing, wrongAttempt, notFinished, acknowledged, storedAsSent, lost,
            unanswered, markMismatches, fractionMismatches,
            Window(ours.Select(a => a.Started)), Window(ours.Where(a => a.Submitted is not null).Select(a => a.Submitted!.Value)), problems);
    }

    /// <summary>
    /// Copies every attempt in progress at <paramref name="sourceQuiz"/> (with its questions: answers, their stored grades
    /// and sequences, layout) into each of <paramref name="targets"/>, as attempt 1 there — the state the app leaves an
    /// attempt in after the same saves (the bench's quizzes all use the same 20 questions). Returns how many were made.
    /// </summary>
    public async Task<int> CloneAsync(Guid sourceQuiz, IReadOnlyList<Guid> targets)
    {
        await using var db = await OpenAsync();
        await using var tx = await db.BeginTransactionAsync();
        await using (var cmd = new NpgsqlCommand("""
            INSERT INTO quiz_attempts (id, course_id, deadline_utc, mark, max_mark, number, person_id, questions_per_page, quiz_id,
                                       seed, started_at_utc, state, submitted_at_utc, submitted_by_timer)
            SELECT md5(a.id::text || t.quiz_id::text)::uuid, a.course_id, a.deadline_utc, NULL, a.max_mark, 1, a.person_id,
                   a.questions_per_page, t.quiz_id, a.seed, a.started_at_utc, 0, NULL, false
            FROM quiz_attempts a CROSS JOIN unnest(@targets) AS t(quiz_id)
            WHERE a.quiz_id = @source AND a.state = 0
            """, db, tx))
        {
            cmd.CommandTimeout = 600;
            cmd.Parameters.AddWithValue("targets", targets.ToArray());
            cmd.Parameters.AddWithValue("source", sourceQuiz);
            await cmd.ExecuteNonQueryAsync();
        }
        int copied;
        await using (var cmd = new NpgsqlCommand("""
            INSERT INTO attempt_questions (attempt_id, slot, page, question_id, version, max_mark, layout, answer, sequence, saved_at_utc,
                                           grade_state, fraction, feedback, grader_comment, graded_by, graded_at_utc, graded_sequence)
            SELECT md5(a.id::text || t.quiz_id::text)::uuid, q.slot, q.page, q.question_id, q.version, q.max_mark, q.layout, q.answer,
                   q.sequence, q.saved_at_utc, q.grade_state, q.fraction, q.feedback, q.grader_comment, q.graded_by, q.graded_at_utc,
                   q.graded_sequence
            FROM quiz_attempts a JOIN attempt_questions q ON q.attempt_id = a.id CROSS JOIN unnest(@targets) AS t(quiz_id)
            WHERE a.quiz_id = @source AND a.state = 0;
            UPDATE quizzes SET structure_locked = true WHERE id = ANY(@targets);
            SELECT count(*)::int FROM quiz_attempts WHERE quiz_id = ANY(@targets) AND state = 0;
            """, db, tx))
        {
            cmd.CommandTimeout = 600;
            cmd.Parameters.AddWithValue("targets", targets.ToArray());
            cmd.Parameters.AddWithValue("source", sourceQuiz);
            copied = (int)(await cmd.ExecuteScalarAsync())!;
        }
        await tx.CommitAsync();
        // Half a million new rows: vacuum them now (hint bits, visibility map, statistics) rather than in the measured phases.
        foreach (var table in new[] { "quiz_attempts", "attempt_questions" })
        {
            await using var vacuum = new NpgsqlCommand($"VACUUM (ANALYZE) {table}", db) { CommandTimeout = 600 };
            await vacuum.ExecuteNonQueryAsync();
        }
        return copied;
    }

    /// <summary>The attempts in progress at these quizzes, per person, in the order of the quizzes.</summary>
    public async Task<Dictionary<Guid, List<Guid>>> AttemptsInAsync(IReadOnlyList<Guid> quizzes)
    {
        await using var db = await OpenAsync();
        await using var cmd = new NpgsqlCommand("""
            SELECT a.person_id, a.id FROM quiz_attempts a JOIN unnest(@quizzes) WITH ORDINALITY AS q(id, n) ON q.id = a.quiz_id
            WHERE a.state = 0 ORDER BY a.person_id, q.n
            """, db);
        cmd.Parameters.AddWithValue("quizzes", quizzes.ToArray());
        var result = new Dictionary<Guid, List<Guid>>();
        await using var r = await cmd.ExecuteReaderAsync();
        while (await r.ReadAsync())
        {
            if (!result.TryGetValue(r.GetGuid(0), out var list)) result[r.GetGuid(0)] = list = [];
            list.Add(r.GetGuid(1));
        }
        return result;
    }

    public sealed record CopiesResult(int Attempts, int NotFinished, int WrongMarks, int WrongFractions, int Passed, int Completions,
        int MissingCompletions, int ExtraCompletions, int Events)
    {
        public bool Ok => Attempts > 0 && NotFinished == 0 && WrongMarks == 0 && WrongFractions == 0 && MissingCompletions == 0 && ExtraCompletions == 0;
    }

    /// <summary>
    /// After the sustained submits: every copy finished, its mark and each question's fraction what its answers earn (stored
    /// choice 0 is right: 1 of the slot's mark), and the quiz activity passed and completed exactly for the attempts that
    /// reach the pass mark (60 %; one attempt per person and quiz here).
    /// </summary>
    public async Task<CopiesResult> VerifyCopiesAsync(IReadOnlyList<Guid> quizzes)
    {
        await using var db = await OpenAsync();
        await using var cmd = new NpgsqlCommand("""
            WITH a AS (
                SELECT a.id, a.person_id, a.quiz_id, a.course_id, a.state, a.mark, a.max_mark, e.expected, e.wrong_fractions
                FROM quiz_attempts a,
                LATERAL (SELECT sum(CASE WHEN q.answer->>'answer' = '0' THEN q.max_mark ELSE 0 END) AS expected,
                                count(*) FILTER (WHERE q.fraction IS DISTINCT FROM (CASE WHEN q.answer->>'answer' = '0' THEN 1 ELSE 0 END)) AS wrong_fractions
                         FROM attempt_questions q WHERE q.attempt_id = a.id) e
                WHERE a.quiz_id = ANY(@quizzes)
            ), done AS (
                SELECT e.person_id, p.activity_id FROM activity_progress p JOIN enrolments e ON e.id = p.enrolment_id
                WHERE p.activity_id = ANY(@quizzes) AND p.quiz_passed_at_utc IS NOT NULL AND p.completed_at_utc IS NOT NULL
            ), pass AS (
                SELECT person_id, quiz_id FROM a WHERE mark * 100 >= 60 * max_mark
            )
            SELECT (SELECT count(*)::int FROM a),
                   (SELECT count(*)::int FROM a WHERE state <> 2),
                   (SELECT count(*)::int FROM a WHERE mark IS DISTINCT FROM expected),
                   (SELECT coalesce(sum(wrong_fractions), 0)::int FROM a),
                   (SELECT count(*)::int FROM pass),
                   (SELECT count(*)::int FROM done),
                   (SELECT count(*)::int FROM pass LEFT JOIN done d ON d.person_id = pass.person_id AND d.activity_id = pass.quiz_id
                    WHERE d.person_id IS NULL),
                   (SELECT count(*)::int FROM done d LEFT JOIN pass ON pass.person_id = d.person_id AND pass.quiz_id = d.activity_id
                    WHERE pass.person_id IS NULL),
                   (SELECT count(*)::int FROM outbox_messages m WHERE m.type LIKE '%ActivityCompleted'
                        AND (m.payload->>'activityId')::uuid = ANY(@quizzes))
            """, db);
        cmd.CommandTimeout = 600;
        cmd.Parameters.AddWithValue("quizzes", quizzes.ToArray());
        await using var r = await cmd.ExecuteReaderAsync();
        await r.ReadAsync();
        return new CopiesResult(r.GetInt32(0), r.GetInt32(1), r.GetInt32(2), r.GetInt32(3), r.GetInt32(4), r.GetInt32(5), r.GetInt32(6),
            r.GetInt32(7), r.GetInt32(8));
    }

    /// <summary>The stored answer when it is exactly {"answer": "..."}; anything else (more keys, none) is returned as JSON so it never matches.</summary>
    private static string StoredAnswer(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var props = doc.RootElement.EnumerateObject().ToList();
        return props is [{ Name: "answer", Value.ValueKind: JsonValueKind.String } only] ? only.Value.GetString()! : json;
    }

    private async Task<NpgsqlConnection> OpenAsync()
    {
        var db = new NpgsqlConnection(connectionString);
        await db.OpenAsync();
        return db;
    }
}
