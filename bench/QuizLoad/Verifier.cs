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
