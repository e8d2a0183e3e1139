using Lms.Domain.Calendar;
using Lms.Domain.Courses;

namespace Lms.Domain.Tests.Courses;

/// <summary>A small course for tests: section 1 = page, file; section 2 = assignment (pass 6/10), quiz.</summary>
internal sealed class CourseBuilder
{
    public static readonly DateTime Now = new(2026, 11, 24, 3, 0, 0, DateTimeKind.Utc);
    public Course Course { get; } = new(Guid.NewGuid(), "การจัดการเรียนรู้เชิงรุก", "Active learning", new FiscalYear(2570), 12m, Guid.NewGuid(), Now);
    public Guid Section1 { get; }
    public Guid Section2 { get; }
    public Guid Page { get; } = Guid.NewGuid();
    public Guid File { get; } = Guid.NewGuid();
    public Guid Assignment { get; } = Guid.NewGuid();
    public Guid Quiz { get; } = Guid.NewGuid();

    public CourseBuilder()
    {
        Section1 = Course.AddSection(Guid.NewGuid(), "หน่วยที่ 1 แนวคิด").Id;
        Section2 = Course.AddSection(Guid.NewGuid(), "หน่วยที่ 2 ลงมือทำ").Id;
        Course.AddActivity(Section1, Activity.NewPage(Page, "อ่านก่อนเรียน", "# บทนำ"));
        Course.AddActivity(Section1, Activity.NewFile(File, "สไลด์", "2026/11/abc", "สไลด์.pdf", "application/pdf", 1234));
        Course.AddActivity(Section2, Activity.NewAssignment(Assignment, "แผนการสอน", "ส่งแผน",
            [RubricCriterion.Create("ความครบถ้วน", 4), RubricCriterion.Create("ความเหมาะสม", 6)]));
        Course.ChangeActivity(Assignment, a => a.SetRules(CompletionCriterion.GradedAtLeastPassMark, 6, null, null));
        Course.AddActivity(Section2, Activity.NewQuiz(Quiz, "แบบทดสอบหลังเรียน"));
    }

    public CourseOutline Publish()
    {
        Course.Publish(Now);
        return CourseOutline.From(Course);
    }
}
