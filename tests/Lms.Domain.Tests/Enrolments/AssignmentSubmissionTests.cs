using Lms.Domain.Common;
using Lms.Domain.Courses;
using Lms.Domain.Enrolments;
using Lms.Domain.Tests.Courses;

namespace Lms.Domain.Tests.Enrolments;

public sealed class AssignmentSubmissionTests
{
    private static readonly DateTime T = CourseBuilder.Now;
    private static readonly RubricCriterion[] Rubric = [RubricCriterion.Create("ครบถ้วน", 4), RubricCriterion.Create("เหมาะสม", 6)];
    private readonly Enrolment enrolment = new(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), EnrolmentSource.Self, null, T);

    private AssignmentSubmission Submit(string text = "แผนการจัดการเรียนรู้", params SubmittedFile[] files) =>
        new(Guid.NewGuid(), enrolment, Guid.NewGuid(), text, files, T);

    [Fact]
    public void An_empty_submission_is_refused()
    {
        Assert.Equal("submission.empty", Assert.Throws<DomainException>(() => Submit("   ")).Code);
    }

    [Fact]
    public void A_file_alone_is_a_submission()
    {
        var s = Submit("", new SubmittedFile("2026/11/abc", "แผน.pdf", "application/pdf", 100));
        Assert.Single(s.Files);
    }

    [Fact]
    public void More_than_five_files_are_refused()
    {
        var files = Enumerable.Range(0, 6).Select(i => new SubmittedFile($"k{i}", $"{i}.pdf", "application/pdf", 1)).ToArray();
        Assert.Equal("submission.too_many_files", Assert.Throws<DomainException>(() => Submit("x", files)).Code);
    }

    [Fact]
    public void Grading_sums_the_rubric_and_locks_the_submission_until_reopened()
    {
        var s = Submit();
        s.GradeWith(Rubric, [3, 5.5m], "ดีมาก", Guid.NewGuid(), T.AddDays(1));
        Assert.Equal(8.5m, s.Grade);
        Assert.True(s.IsGraded);
        Assert.Equal("submission.graded", Assert.Throws<DomainException>(() => s.Replace("ใหม่", [], T.AddDays(2))).Code);

        s.Reopen();
        s.Replace("ฉบับแก้ไข", [], T.AddDays(3));
        Assert.Equal("ฉบับแก้ไข", s.Text);
        Assert.Equal(T.AddDays(3), s.SubmittedAtUtc);
    }

    [Theory]
    [InlineData(5, 1)]
    [InlineData(-1, 1)]
    [InlineData(1, 6.01)]
    public void Each_rubric_score_must_be_within_its_line(decimal first, decimal second)
    {
        var s = Submit();
        Assert.Equal("grade.out_of_range", Assert.Throws<DomainException>(() => s.GradeWith(Rubric, [first, second], "", Guid.NewGuid(), T)).Code);
        Assert.False(s.IsGraded);
    }

    [Fact]
    public void Every_rubric_line_needs_a_score()
    {
        var s = Submit();
        Assert.Equal("grade.rubric_mismatch", Assert.Throws<DomainException>(() => s.GradeWith(Rubric, [4], "", Guid.NewGuid(), T)).Code);
    }
}
