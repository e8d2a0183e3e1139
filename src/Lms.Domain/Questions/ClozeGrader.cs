namespace Lms.Domain.Questions;

/// <summary>Cloze (Moodle's multianswer): each gap graded as its own small question, weighted by its weight.</summary>
internal static class ClozeGrader
{
    public static IReadOnlyList<QuestionGrade> GradeGaps(ClozeQuestion q, Response response) =>
        q.Gaps.Select((gap, i) => GradeGap(gap, response[$"gap{i + 1}"])).ToList();

    public static QuestionGrade Grade(ClozeQuestion q, Response response)
    {
        var grades = GradeGaps(q, response);
        if (grades.All(g => g.State == GradeState.NotAnswered)) return QuestionGrade.NotAnswered;
        // Moodle: sum of (gap fraction × gap mark) / sum of gap marks. A blank gap counts 0 for its weight.
        decimal total = 0m, earned = 0m;
        for (var i = 0; i < grades.Count; i++)
        {
            var weight = Math.Max(q.Gaps[i].Weight, 0);
            total += weight;
            earned += grades[i].Fraction * weight;
        }
        return Graded.Of(total == 0m ? 0m : earned / total, grades.SelectMany(g => g.Feedback));
    }

    private static QuestionGrade GradeGap(ClozeGap gap, string? value) => gap.Kind switch
    {
        ClozeKind.ShortAnswer => ShortAnswerGrader.Grade(gap.Choices, caseSensitive: false, value),
        ClozeKind.ShortAnswerCaseSensitive => ShortAnswerGrader.Grade(gap.Choices, caseSensitive: true, value),
        // Moodle's NUMERICAL gaps have no units.
        ClozeKind.Numerical => NumericalGrader.Grade(gap.Numbers, [], false, 0m, value, null),
        ClozeKind.MultipleChoice => ChoiceGrader.Grade(gap.Choices, single: true, null, value),
        ClozeKind.MultipleResponse => ChoiceGrader.Grade(gap.Choices, single: false, null, value),
        _ => QuestionGrade.NotAnswered, // a kind this version does not know cannot be graded: worth nothing
    };
}
