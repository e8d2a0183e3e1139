using Lms.Domain.Calendar;
using Lms.Domain.Common;
using Lms.Domain.Courses;
using Lms.Domain.Organisation;

namespace Lms.Domain.Tests.Courses;

public sealed class CourseTests
{
    [Fact]
    public void A_new_course_is_a_draft_with_unpublished_changes()
    {
        var c = new CourseBuilder().Course;
        Assert.Equal(CourseStatus.Draft, c.Status);
        Assert.Equal(0, c.PublishedVersion);
        Assert.True(c.HasUnpublishedChanges);
    }

    [Fact]
    public void Publishing_bumps_the_version_and_later_edits_mark_the_draft_changed()
    {
        var b = new CourseBuilder();
        b.Publish();
        Assert.Equal((CourseStatus.Published, 1, false), (b.Course.Status, b.Course.PublishedVersion, b.Course.HasUnpublishedChanges));

        b.Course.RenameSection(b.Section1, "หน่วยที่ 1 (ปรับปรุง)");
        Assert.True(b.Course.HasUnpublishedChanges);
        b.Course.Publish(CourseBuilder.Now.AddDays(1));
        Assert.Equal(2, b.Course.PublishedVersion);
    }

    [Fact]
    public void An_empty_course_cannot_be_published()
    {
        var c = new Course(Guid.NewGuid(), "ว่าง", "", new FiscalYear(2570), 3, Guid.NewGuid(), CourseBuilder.Now);
        var e = Assert.Throws<DomainException>(() => c.Publish(CourseBuilder.Now));
        Assert.Equal("course.publish_empty", e.Code);
    }

    [Fact]
    public void A_course_where_nothing_can_be_completed_cannot_be_published()
    {
        var c = new Course(Guid.NewGuid(), "อ่านอย่างเดียว", "", new FiscalYear(2570), 1, Guid.NewGuid(), CourseBuilder.Now);
        var s = c.AddSection(Guid.NewGuid(), "หน่วย");
        var page = Guid.NewGuid();
        c.AddActivity(s.Id, Activity.NewPage(page, "อ่าน", ""));
        c.ChangeActivity(page, a => a.SetRules(CompletionCriterion.None, null, null, null));
        Assert.Contains("course.publish_nothing_to_complete", c.PublishProblems());
    }

    [Fact]
    public void Restrictions_that_wait_for_each_other_in_a_circle_stop_publishing()
    {
        var b = new CourseBuilder();
        b.Course.ChangeActivity(b.Page, a => a.SetRules(CompletionCriterion.Viewed, null, b.File, null));
        b.Course.ChangeActivity(b.File, a => a.SetRules(CompletionCriterion.Viewed, null, b.Page, null));
        Assert.Contains("activity.restriction_cycle", b.Course.PublishProblems());
    }

    [Fact]
    public void Criteria_must_fit_the_kind_of_activity()
    {
        var b = new CourseBuilder();
        var e = Assert.Throws<DomainException>(() =>
            b.Course.ChangeActivity(b.Page, a => a.SetRules(CompletionCriterion.QuizPassed, null, null, null)));
        Assert.Equal("activity.criterion_invalid", e.Code);
        Assert.Throws<DomainException>(() =>
            b.Course.ChangeActivity(b.Assignment, a => a.SetRules(CompletionCriterion.GradedAtLeastPassMark, null, null, null)));
        var tooHigh = Assert.Throws<DomainException>(() =>
            b.Course.ChangeActivity(b.Assignment, a => a.SetRules(CompletionCriterion.GradedAtLeastPassMark, 11, null, null)));
        Assert.Equal("activity.pass_mark_too_high", tooHigh.Code);
    }

    [Fact]
    public void An_activity_waiting_for_itself_is_refused()
    {
        var b = new CourseBuilder();
        var e = Assert.Throws<DomainException>(() => b.Course.ChangeActivity(b.Page, a => a.SetRules(CompletionCriterion.Viewed, null, b.Page, null)));
        Assert.Equal("activity.restriction_self", e.Code);
    }

    [Fact]
    public void Activities_move_within_and_between_sections_keeping_a_clean_order()
    {
        var b = new CourseBuilder();
        b.Course.MoveActivity(b.File, b.Section1, 0);
        Assert.Equal([b.File, b.Page], b.Course.Sections[0].Activities.Select(a => a.Id));
        b.Course.MoveActivity(b.Quiz, b.Section1, 1);
        Assert.Equal([b.File, b.Quiz, b.Page], b.Course.Sections[0].Activities.Select(a => a.Id));
        Assert.Equal([0, 1, 2], b.Course.Sections[0].Activities.Select(a => a.SortOrder));
        Assert.Equal([b.Assignment], b.Course.Sections[1].Activities.Select(a => a.Id));
        Assert.Equal([0], b.Course.Sections[1].Activities.Select(a => a.SortOrder));
    }

    [Fact]
    public void Sections_reorder()
    {
        var b = new CourseBuilder();
        b.Course.MoveSection(b.Section2, 0);
        Assert.Equal([b.Section2, b.Section1], b.Course.Sections.Select(s => s.Id));
    }

    [Fact]
    public void An_activity_others_wait_for_cannot_be_removed()
    {
        var b = new CourseBuilder();
        b.Course.ChangeActivity(b.Quiz, a => a.SetRules(CompletionCriterion.QuizPassed, null, b.Assignment, null));
        var e = Assert.Throws<DomainException>(() => b.Course.RemoveActivity(b.Assignment));
        Assert.Equal("activity.has_dependants", e.Code);
        b.Course.RemoveActivity(b.Page);
        Assert.DoesNotContain(b.Course.AllActivities, a => a.Id == b.Page);
    }

    [Fact]
    public void Chosen_activities_decide_completion_when_the_designer_chooses_them()
    {
        var b = new CourseBuilder();
        b.Course.SetCompletion(CourseCompletionMode.ChosenActivities, [b.Assignment, b.Quiz]);
        var outline = b.Publish();
        Assert.Equal(new HashSet<Guid> { b.Assignment, b.Quiz }, outline.RequiredActivityIds);
    }

    [Fact]
    public void By_default_every_tracked_activity_is_required()
    {
        var b = new CourseBuilder();
        b.Course.ChangeActivity(b.File, a => a.SetRules(CompletionCriterion.None, null, null, null));
        var outline = b.Publish();
        Assert.Equal(new HashSet<Guid> { b.Page, b.Assignment, b.Quiz }, outline.RequiredActivityIds);
    }

    [Fact]
    public void Duplicating_for_next_fiscal_year_copies_content_and_rules_with_new_ids()
    {
        var b = new CourseBuilder();
        b.Course.ChangeActivity(b.Quiz, a => a.SetRules(CompletionCriterion.QuizPassed, null, b.Assignment, null));
        b.Course.SetCompletion(CourseCompletionMode.ChosenActivities, [b.Quiz]);
        b.Publish();

        var copy = b.Course.DuplicateFor(new FiscalYear(2571), Guid.NewGuid, Guid.NewGuid(), CourseBuilder.Now);

        Assert.Equal(2571, copy.FiscalYear);
        Assert.Equal(CourseStatus.Draft, copy.Status);
        Assert.Equal(0, copy.PublishedVersion);
        Assert.Equal(b.Course.AllActivities.Select(a => a.Title), copy.AllActivities.Select(a => a.Title));
        Assert.Empty(copy.AllActivities.Select(a => a.Id).Intersect(b.Course.AllActivities.Select(a => a.Id)));
        var quiz = copy.AllActivities.Single(a => a.Kind == ActivityKind.Quiz);
        var assignment = copy.AllActivities.Single(a => a.Kind == ActivityKind.Assignment);
        Assert.Equal(assignment.Id, quiz.OpensAfterActivityId); // restriction follows the copy
        Assert.Equal([quiz.Id], copy.ChosenActivityIds);
        Assert.Equal(10m, assignment.MaxScore);
        Assert.Equal(6m, assignment.PassMark);
        copy.Publish(CourseBuilder.Now);
    }

    [Fact]
    public void Self_enrolment_is_open_only_when_published_allowed_and_inside_the_window()
    {
        var b = new CourseBuilder();
        var opens = CourseBuilder.Now.AddDays(1);
        b.Course.SetEnrolment(true, opens, opens.AddDays(30));
        Assert.False(b.Course.IsOpenForSelfEnrolment(opens.AddHours(1))); // still a draft
        b.Publish();
        Assert.False(b.Course.IsOpenForSelfEnrolment(opens.AddSeconds(-1)));
        Assert.True(b.Course.IsOpenForSelfEnrolment(opens));
        Assert.False(b.Course.IsOpenForSelfEnrolment(opens.AddDays(30)));
        Assert.Throws<DomainException>(() => b.Course.SetEnrolment(true, opens, opens));
    }

    [Fact]
    public void Target_positions_limit_who_the_course_is_for()
    {
        var c = new CourseBuilder().Course;
        Assert.True(c.IsFor(Position.Teacher)); // no target = everyone
        c.Target([Position.AssistantTeacher]);
        Assert.True(c.IsFor(Position.AssistantTeacher));
        Assert.False(c.IsFor(Position.Teacher));
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("ftp://files.example/x")]
    [InlineData("not a url")]
    public void Links_must_be_web_addresses(string url)
    {
        var e = Assert.Throws<DomainException>(() => Activity.NewLink(Guid.NewGuid(), "ลิงก์", url));
        Assert.Equal("activity.url_invalid", e.Code);
    }

    [Fact]
    public void Course_details_are_checked()
    {
        var c = new CourseBuilder().Course;
        Assert.Equal("course.title_required", Assert.Throws<DomainException>(() => c.Describe(" ", "", "", 1, new FiscalYear(2570))).Code);
        Assert.Equal("course.hours_invalid", Assert.Throws<DomainException>(() => c.Describe("ก", "", "", -1, new FiscalYear(2570))).Code);
    }

    [Fact]
    public void A_completion_deadline_can_be_set_and_cleared_but_not_before_enrolment_opens()
    {
        var c = new CourseBuilder().Course;
        var opens = new DateTime(2026, 12, 1, 17, 0, 0, DateTimeKind.Utc);
        c.SetEnrolment(true, opens, null);
        Assert.Equal("course.complete_by_invalid", Assert.Throws<DomainException>(() => c.SetCompleteBy(opens)).Code);
        c.SetCompleteBy(opens.AddDays(30));
        Assert.Equal(opens.AddDays(30), c.CompleteByUtc);
        c.SetCompleteBy(null);
        Assert.Null(c.CompleteByUtc);
    }
}
