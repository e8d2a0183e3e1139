using Lms.Domain.Common;
using Lms.Domain.Courses;
using Lms.Domain.Enrolments;
using Lms.Domain.Tests.Courses;

namespace Lms.Domain.Tests.Enrolments;

public sealed class EnrolmentTests
{
    private static readonly DateTime T = CourseBuilder.Now;
    private readonly CourseBuilder b = new();

    private Enrolment Enrol(CourseOutline outline) =>
        new(Guid.NewGuid(), outline.CourseId, Guid.NewGuid(), EnrolmentSource.Self, null, T);

    [Fact]
    public void Viewing_a_page_completes_it_at_once_and_raises_one_event()
    {
        var outline = b.Publish();
        var e = Enrol(outline);
        e.RecordView(outline, b.Page, T.AddMinutes(1));
        e.RecordView(outline, b.Page, T.AddMinutes(2));
        e.RecordView(outline, b.Page, T.AddMinutes(2.5)); // within a minute of the last: not recorded again

        var done = Assert.Single(e.DomainEvents.OfType<ActivityCompleted>());
        Assert.Equal(b.Page, done.ActivityId);
        Assert.Equal(T.AddMinutes(1), e.ProgressByActivity[b.Page].CompletedAtUtc);
        Assert.Equal(T.AddMinutes(2), e.ProgressByActivity[b.Page].LastViewedAtUtc);
        Assert.Equal(25, e.PercentComplete(outline));
    }

    [Fact]
    public void The_course_completes_in_the_same_change_as_its_last_required_activity()
    {
        var outline = b.Publish();
        var e = Enrol(outline);
        e.RecordView(outline, b.Page, T);
        e.RecordView(outline, b.File, T);
        e.RecordSubmission(outline, b.Assignment, T.AddHours(1));
        e.RecordGrade(outline, b.Assignment, 7, 10, T.AddHours(2));
        Assert.False(e.IsComplete);

        e.RecordQuizPassed(outline, b.Quiz, T.AddHours(3));

        Assert.True(e.IsComplete);
        Assert.Equal(T.AddHours(3), e.CompletedAtUtc);
        var completed = Assert.Single(e.DomainEvents.OfType<CourseCompleted>());
        Assert.Equal((e.Id, e.PersonId, 1), (completed.EnrolmentId, completed.PersonId, completed.CourseVersion));
        Assert.Equal(100, e.PercentComplete(outline));
    }

    [Fact]
    public void An_assignment_below_the_pass_mark_is_submitted_but_not_complete_until_regraded_high_enough()
    {
        var outline = b.Publish();
        var e = Enrol(outline);
        e.RecordSubmission(outline, b.Assignment, T);
        e.RecordGrade(outline, b.Assignment, 5.5m, 10, T.AddHours(1));
        Assert.Null(e.ProgressByActivity[b.Assignment].CompletedAtUtc);

        e.RecordGrade(outline, b.Assignment, 6, 10, T.AddHours(2)); // exactly the pass mark passes
        Assert.Equal(T.AddHours(2), e.ProgressByActivity[b.Assignment].CompletedAtUtc);
    }

    [Fact]
    public void A_completion_once_earned_is_not_taken_away_by_a_lower_regrade()
    {
        var outline = b.Publish();
        var e = Enrol(outline);
        e.RecordSubmission(outline, b.Assignment, T);
        e.RecordGrade(outline, b.Assignment, 9, 10, T);
        e.RecordGrade(outline, b.Assignment, 2, 10, T.AddDays(1));
        Assert.NotNull(e.ProgressByActivity[b.Assignment].CompletedAtUtc);
        Assert.Equal(2, e.ProgressByActivity[b.Assignment].Grade);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(10.5)]
    public void A_grade_outside_the_rubric_range_is_refused(decimal grade)
    {
        var outline = b.Publish();
        var e = Enrol(outline);
        e.RecordSubmission(outline, b.Assignment, T);
        Assert.Equal("grade.out_of_range", Assert.Throws<DomainException>(() => e.RecordGrade(outline, b.Assignment, grade, 10, T)).Code);
    }

    [Fact]
    public void Nothing_can_be_graded_before_it_is_submitted()
    {
        var outline = b.Publish();
        var e = Enrol(outline);
        Assert.Equal("grade.nothing_submitted", Assert.Throws<DomainException>(() => e.RecordGrade(outline, b.Assignment, 8, 10, T)).Code);
    }

    [Fact]
    public void An_activity_that_opens_after_another_is_closed_until_that_one_is_complete()
    {
        b.Course.ChangeActivity(b.Quiz, a => a.SetRules(CompletionCriterion.QuizPassed, null, b.Assignment, null));
        var outline = b.Publish();
        var e = Enrol(outline);
        Assert.Equal("activity.not_open", Assert.Throws<DomainException>(() => e.RecordView(outline, b.Quiz, T)).Code);

        e.RecordSubmission(outline, b.Assignment, T);
        Assert.Throws<DomainException>(() => e.RecordView(outline, b.Quiz, T)); // submitted is not enough: pass mark needed
        e.RecordGrade(outline, b.Assignment, 8, 10, T);
        e.RecordView(outline, b.Quiz, T);
    }

    [Fact]
    public void An_activity_with_an_opening_date_is_closed_before_it()
    {
        var opens = T.AddDays(7);
        b.Course.ChangeActivity(b.File, a => a.SetRules(CompletionCriterion.Viewed, null, null, opens));
        var outline = b.Publish();
        var e = Enrol(outline);
        Assert.Throws<DomainException>(() => e.RecordView(outline, b.File, opens.AddTicks(-1)));
        e.RecordView(outline, b.File, opens);
    }

    [Fact]
    public void The_next_activity_skips_done_and_closed_ones()
    {
        b.Course.ChangeActivity(b.Quiz, a => a.SetRules(CompletionCriterion.QuizPassed, null, b.Assignment, null));
        var outline = b.Publish();
        var e = Enrol(outline);
        Assert.Equal(b.Page, e.NextActivity(outline, T)?.Id);
        e.RecordView(outline, b.Page, T);
        e.RecordView(outline, b.File, T);
        Assert.Equal(b.Assignment, e.NextActivity(outline, T)?.Id);
        e.RecordSubmission(outline, b.Assignment, T);
        Assert.Equal(b.Assignment, e.NextActivity(outline, T)?.Id); // still waiting for a passing grade
    }

    [Fact]
    public void Continue_where_I_left_off_remembers_the_last_activity()
    {
        var outline = b.Publish();
        var e = Enrol(outline);
        e.RecordView(outline, b.File, T);
        e.RecordView(outline, b.Page, T.AddMinutes(5));
        Assert.Equal((b.Page, T.AddMinutes(5)), (e.LastActivityId, e.LastActivityAtUtc));
    }

    [Fact]
    public void Only_the_chosen_activities_count_when_the_designer_chose_them()
    {
        b.Course.SetCompletion(CourseCompletionMode.ChosenActivities, [b.Page]);
        var outline = b.Publish();
        var e = Enrol(outline);
        e.RecordView(outline, b.Page, T);
        Assert.True(e.IsComplete);
    }

    [Fact]
    public void A_newer_version_with_more_activities_does_not_undo_an_earned_completion()
    {
        b.Course.SetCompletion(CourseCompletionMode.ChosenActivities, [b.Page]);
        var v1 = b.Publish();
        var e = Enrol(v1);
        e.RecordView(v1, b.Page, T);
        b.Course.SetCompletion(CourseCompletionMode.AllTrackedActivities, []);
        b.Course.Publish(T.AddDays(1));
        var v2 = CourseOutline.From(b.Course);
        e.RecordView(v2, b.File, T.AddDays(2));
        Assert.Equal((T, 1), (e.CompletedAtUtc!.Value, e.CompletedVersion!.Value));
        Assert.Single(e.DomainEvents.OfType<CourseCompleted>());
    }

    [Fact]
    public void Wrong_kinds_of_record_are_refused()
    {
        var outline = b.Publish();
        var e = Enrol(outline);
        Assert.Equal("enrolment.not_assignment", Assert.Throws<DomainException>(() => e.RecordSubmission(outline, b.Page, T)).Code);
        Assert.Equal("enrolment.not_quiz", Assert.Throws<DomainException>(() => e.RecordQuizPassed(outline, b.Page, T)).Code);
        Assert.Equal("activity.not_found", Assert.Throws<DomainException>(() => e.RecordView(outline, Guid.NewGuid(), T)).Code);
        var other = new CourseBuilder().Publish();
        Assert.Equal("enrolment.wrong_course", Assert.Throws<DomainException>(() => e.RecordView(other, other.Activities[0].Id, T)).Code);
    }

    [Fact]
    public void Reopening_the_same_activity_within_a_minute_changes_nothing()
    {
        var outline = b.Publish();
        var e = Enrol(outline);
        e.RecordView(outline, b.Page, T);
        e.RecordView(outline, b.Page, T.AddSeconds(59));
        Assert.Equal((T, T), (e.LastActivityAtUtc!.Value, e.ProgressByActivity[b.Page].LastViewedAtUtc!.Value));
        e.RecordView(outline, b.File, T.AddSeconds(59)); // another activity is always recorded
        Assert.Equal((b.File, T.AddSeconds(59)), (e.LastActivityId!.Value, e.LastActivityAtUtc!.Value));
    }

    [Fact]
    public void Grading_an_assignment_raises_an_event_for_the_teacher_each_time_it_is_graded()
    {
        var outline = b.Publish();
        var e = Enrol(outline);
        e.RecordSubmission(outline, b.Assignment, T);
        e.RecordGrade(outline, b.Assignment, 5, 10, T.AddHours(1));
        e.RecordGrade(outline, b.Assignment, 8, 10, T.AddHours(2));

        var graded = e.DomainEvents.OfType<AssignmentGraded>().ToList();
        Assert.Equal(2, graded.Count);
        Assert.Equal((e.PersonId, b.Assignment, 8m, 10m, T.AddHours(2)),
            (graded[1].PersonId, graded[1].ActivityId, graded[1].Grade, graded[1].MaxScore, graded[1].OccurredAtUtc));
    }
}
