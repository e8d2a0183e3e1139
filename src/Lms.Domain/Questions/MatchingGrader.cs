namespace Lms.Domain.Questions;

/// <summary>Matching: each prompt matched right earns an equal share (Moodle's qtype_match grade_response).</summary>
internal static class MatchingGrader
{
    public static QuestionGrade Grade(MatchingQuestion q, Response response)
    {
        var (answers, right) = MatchingAnswers.Build(q.Pairs);
        var given = 0;
        var correct = 0;
        for (var i = 0; i < right.Count; i++)
        {
            if (ResponseValues.Index(response[$"sub{i}"], answers.Count) is not { } chosen) continue;
            given++;
            if (chosen == right[i]) correct++;
        }
        if (given == 0) return QuestionGrade.NotAnswered;
        // Shares out of all prompts, not only the answered ones: leaving a row blank loses its share.
        return Graded.Of((decimal)correct / right.Count, [], q.Feedback);
    }
}
