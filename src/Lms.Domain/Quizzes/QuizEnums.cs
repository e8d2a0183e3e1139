namespace Lms.Domain.Quizzes;

/// <summary>Which of a teacher's finished attempts makes the quiz grade (Moodle's grade method).</summary>
public enum GradingMethod { Highest = 0, Average = 1, First = 2, Last = 3 }

/// <summary>A quiz may measure what a course changed: the pre-test before it, the post-test after.</summary>
public enum QuizRole { Ordinary = 0, PreTest = 1, PostTest = 2 }

/// <summary>When a teacher may see something about a finished attempt (their score, the right answers, the feedback).</summary>
public enum ReviewTiming
{
    Never = 0,
    /// <summary>As soon as the attempt is submitted.</summary>
    AfterSubmit = 1,
    /// <summary>Only once the quiz has closed, so answers cannot pass to colleagues who have not sat it yet.</summary>
    AfterClose = 2,
}

public enum AttemptState
{
    InProgress = 0,
    /// <summary>Submitted, with essays still to be graded by a trainer: the grade is not final yet.</summary>
    NeedsGrading = 1,
    Finished = 2,
}
