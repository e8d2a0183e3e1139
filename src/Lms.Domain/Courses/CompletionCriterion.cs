namespace Lms.Domain.Courses;

/// <summary>When an activity counts as done for a learner.</summary>
public enum CompletionCriterion
{
    /// <summary>Not tracked: optional reading, never required for the course.</summary>
    None = 0,
    /// <summary>Opened once.</summary>
    Viewed = 1,
    /// <summary>Work handed in (assignments).</summary>
    Submitted = 2,
    /// <summary>Graded at or above the activity's pass mark (assignments).</summary>
    GradedAtLeastPassMark = 3,
    /// <summary>The quiz was passed (quizzes).</summary>
    QuizPassed = 4,
}

/// <summary>How the course itself completes.</summary>
public enum CourseCompletionMode
{
    /// <summary>Every activity whose criterion is not <see cref="CompletionCriterion.None"/>.</summary>
    AllTrackedActivities = 1,
    /// <summary>Only the activities the designer chose.</summary>
    ChosenActivities = 2,
}
