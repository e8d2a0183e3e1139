using Lms.Domain.Calendar;
using Lms.Domain.Certificates;
using Lms.Domain.Courses;
using Lms.Domain.Organisation;
using Lms.Domain.Questions;
using Lms.Domain.Quizzes;
using Lms.Infrastructure.Courses;
using Lms.Infrastructure.Persistence;
using Lms.Infrastructure.QuestionFormats;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Lms.Infrastructure.Seeding;

/// <summary>
/// A published demo course for the demo office (Seed:DemoCourses): a pre-test, a lesson page, an assignment and a
/// post-test that needs the pre-test first, with a question bank imported from GIFT. Seeded once (a fixed id), so
/// teachers signing in to the demo have something to learn and designers something to edit.
/// </summary>
public sealed class DemoCourseSeeder(LmsDbContext db, CoursePublisher publisher, TimeProvider clock, ILogger<DemoCourseSeeder> log)
{
    public static readonly Guid CourseId = Guid.Parse("5eed0c00-0000-4000-8000-000000000001");
    /// <summary>The office's standard certificate design, awarded by the demo course and offered for training events.</summary>
    public static readonly Guid CertificateTemplateId = Guid.Parse("5eed0c00-0000-4000-8000-00000000c001");

    public async Task SeedAsync(CancellationToken ct = default)
    {
        if (await db.Courses.AnyAsync(c => c.Id == CourseId, ct)) return;
        var designer = await db.Users.Where(u => u.UserName == "designer").Select(u => (Guid?)u.Id).FirstOrDefaultAsync(ct);
        if (designer is null) return; // only beside the demo office
        var now = clock.GetUtcNow().UtcDateTime;

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var course = new Course(CourseId, "การจัดการเรียนรู้เชิงรุก (Active Learning) สำหรับครู", "Active learning for teachers",
            FiscalYear.ContainingUtc(now), 6, designer.Value, now);
        course.Describe(course.TitleTh, course.TitleEn,
            "รายวิชาตัวอย่าง: ทำแบบทดสอบก่อนเรียน อ่านบทเรียน ส่งแผนการจัดการเรียนรู้ แล้วทำแบบทดสอบหลังเรียนเพื่อดูพัฒนาการของตนเอง",
            6, FiscalYear.ContainingUtc(now));
        course.Target([Position.Teacher, Position.AssistantTeacher]);
        course.SetEnrolment(true, null, null);

        var section = course.AddSection(Guid.NewGuid(), "หน่วยที่ 1 หลักการเรียนรู้เชิงรุก");
        var pre = Activity.NewQuiz(Guid.NewGuid(), "แบบทดสอบก่อนเรียน");
        var page = Activity.NewPage(Guid.NewGuid(), "บทที่ 1 การเรียนรู้เชิงรุกคืออะไร", Lesson);
        var assignment = Activity.NewAssignment(Guid.NewGuid(), "ส่งแผนการจัดการเรียนรู้ 1 แผน",
            "แนบแผนการจัดการเรียนรู้ที่ใช้กิจกรรมเชิงรุกอย่างน้อย 1 กิจกรรม", [RubricCriterion.Create("ความครบถ้วนของแผน", 4), RubricCriterion.Create("ความเหมาะสมของกิจกรรม", 6)]);
        var post = Activity.NewQuiz(Guid.NewGuid(), "แบบทดสอบหลังเรียน");
        foreach (var a in new[] { pre, page, assignment, post }) course.AddActivity(section.Id, a);
        course.ChangeActivity(post.Id, a => a.SetRules(CompletionCriterion.QuizPassed, null, pre.Id, null));

        var category = new QuestionCategory(Guid.NewGuid(), CourseId, null, "การจัดการเรียนรู้เชิงรุก", "คลังข้อสอบตัวอย่าง นำเข้าจากไฟล์ GIFT");
        var imported = new GiftFormat().Read(DemoQuestions.Gift);
        if (imported.Problems.Count > 0) throw new InvalidOperationException($"Demo GIFT has problems: {imported.Problems[0].Message}");
        var questions = imported.Questions.Select(q => new Question(Guid.NewGuid(), category.Id, q.Content, ["ตัวอย่าง"], designer, now)).ToList();

        var preQuiz = new Quiz(pre.QuizId!.Value, CourseId, pre.Title);
        var postQuiz = new Quiz(post.QuizId!.Value, CourseId, post.Title);
        foreach (var (quiz, role) in new[] { (preQuiz, QuizRole.PreTest), (postQuiz, QuizRole.PostTest) })
        {
            quiz.Rename(quiz.Title, role == QuizRole.PreTest
                ? "วัดความรู้ก่อนเรียน ไม่มีผลต่อการผ่านรายวิชา ทำได้ 1 ครั้ง"
                : "ทำได้ 3 ครั้ง นับคะแนนสูงสุด ผ่านเมื่อได้ร้อยละ 60 ขึ้นไป");
            quiz.SetRole(role, role == QuizRole.PostTest);
            // The pre-test only measures the starting point: any finished attempt "passes" it, which completes it.
            quiz.SetGrading(role == QuizRole.PreTest ? 1 : 3, GradingMethod.Highest, role == QuizRole.PreTest ? 0 : 60);
            quiz.Schedule(null, null, TimeSpan.FromMinutes(20));
            quiz.SetLayout(shuffleQuestions: true, questionsPerPage: 2);
            // The essay stays in the bank: a pre-test waiting for a trainer's grade would keep the post-test closed.
            quiz.ReplaceSlots(questions.Where(q => q.Type != QuestionType.Essay).Select(q => QuizSlot.Fixed(q.Id, 1)));
        }

        var template = DemoCertificateTemplate(designer.Value, now);
        db.CertificateTemplates.Add(template);
        course.AwardCertificate(template.Id);
        db.Courses.Add(course);
        db.QuestionCategories.Add(category);
        db.Questions.AddRange(questions);
        db.Quizzes.AddRange(preQuiz, postQuiz);
        await db.SaveChangesAsync(ct);
        await publisher.PublishAsync(course, designer.Value, ct);
        await tx.CommitAsync(ct);
        log.LogInformation("Seeded the demo course with {Questions} questions and a pre-test and post-test", questions.Count);
    }

    /// <summary>A4 landscape, white, the default layout with two signatures and the office's number format.</summary>
    private static CertificateTemplate DemoCertificateTemplate(Guid designer, DateTime now)
    {
        var t = new CertificateTemplate(CertificateTemplateId, "เกียรติบัตรมาตรฐาน สพม.สุโขทัย", null, CertificateOrientation.Landscape, designer, now);
        var (w, h) = t.PageSize;
        CertificateField[] signatures =
        [
            new() { Kind = CertificateFieldKind.Signature1, XMm = w * 0.3m, YMm = h - 30, FontSizePt = 14 },
            new() { Kind = CertificateFieldKind.Signature2, XMm = w * 0.7m, YMm = h - 30, FontSizePt = 14 },
        ];
        t.Design(t.Name, CertificateOrientation.Landscape, [.. CertificateTemplate.DefaultFields(CertificateOrientation.Landscape), .. signatures],
            [
                new CertificateSignature { Name = "นางสาวสมใจ ใฝ่พัฒนา", Position = "ผู้อำนวยการกลุ่มพัฒนาครูและบุคลากรทางการศึกษา" },
                new CertificateSignature { Name = "นายประเสริฐ ศึกษาดี", Position = "ผู้อำนวยการสำนักงานเขตพื้นที่การศึกษามัธยมศึกษาสุโขทัย" },
            ],
            "สพม.สท {n:0000}/{fy}", thaiDigits: false, now);
        return t;
    }

    private const string Lesson = """
        # การเรียนรู้เชิงรุกคืออะไร

        การจัดการเรียนรู้เชิงรุกคือการจัดการเรียนรู้ที่ให้ผู้เรียน**ลงมือทำ**และ**คิดเกี่ยวกับสิ่งที่ทำ**
        ครูเปลี่ยนบทบาทจากผู้บอกความรู้เป็นผู้อำนวยความสะดวก

        ## ขั้นตอนการจัดกิจกรรม

        1. **นำเข้าสู่บทเรียน** ด้วยคำถามปลายเปิด
        2. **ลงมือปฏิบัติ** เป็นกลุ่มย่อย 3–5 คน
        3. **สะท้อนคิด** ให้ผู้เรียนสรุปด้วยภาษาของตนเอง
        4. **ประเมินผลระหว่างเรียน** ด้วยแบบสังเกตและชิ้นงาน

        | รูปแบบ | จุดเด่น |
        | --- | --- |
        | การเรียนรู้แบบร่วมมือ | สมาชิกช่วยกันเรียนรู้ |
        | การเรียนรู้โดยใช้โครงงาน | ผู้เรียนสร้างชิ้นงานตามความสนใจ |
        | การเรียนรู้โดยใช้ปัญหาเป็นฐาน | เริ่มจากสถานการณ์ปัญหาจริง |
        """;
}
