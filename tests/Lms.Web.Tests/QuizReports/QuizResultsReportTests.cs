using System.Globalization;
using System.Net;
using System.Text;
using AngleSharp.Dom;
using Lms.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using static Lms.Web.Tests.QuizReports.ReportData;

namespace Lms.Web.Tests.QuizReports;

/// <summary>Results per quiz and item analysis: the numbers, the downloads, and who may see which rows.</summary>
public sealed class QuizResultsReportTests(LmsAppFactory app) : IClassFixture<LmsAppFactory>
{
    /// <summary>
    /// Five true/false questions; five teachers' first attempts built so that question 1 is answered right by everyone,
    /// question 5 by nobody, 2 and 3 by the stronger teachers and 4 by the weaker ones (a miskeyed question). Teacher
    /// T0 tries again and gets everything right; T5 is still in the middle of an attempt; T6 is enrolled and has not started.
    /// </summary>
    private async Task<(QuizSteps.QuizCourse Quiz, Teacher[] T)> QuizWithResultsAsync(string title)
    {
        var quiz = await app.PublishedQuizCourseAsync(title, QuizSteps.TrueFalse(5),
            new Dictionary<string, string> { ["Input.AttemptsAllowed"] = "0", ["Input.PassPercent"] = "60" });
        var t = new[]
        {
            await app.TeacherAsync(SchoolA, "ศูนย์"), await app.TeacherAsync(SchoolA, "หนึ่ง"), await app.TeacherAsync(SchoolB, "สอง"),
            await app.TeacherAsync(SchoolA, "สาม"), await app.TeacherAsync(SchoolB, "สี่"), await app.TeacherAsync(SchoolB, "ห้า"),
            await app.TeacherAsync(SchoolA, "หก"),
        };
        var ten = TimeSpan.FromMinutes(10);
        await app.AttemptAsync(quiz.ActivityId, t[0].Id, Answers("10000"), ten);
        await app.AttemptAsync(quiz.ActivityId, t[0].Id, Answers("11111"), ten);
        await app.AttemptAsync(quiz.ActivityId, t[1].Id, Answers("10010"), ten);
        await app.AttemptAsync(quiz.ActivityId, t[2].Id, Answers("10010"), ten);
        await app.AttemptAsync(quiz.ActivityId, t[3].Id, Answers("11100"), new TimeSpan(0, 12, 30));
        await app.AttemptAsync(quiz.ActivityId, t[4].Id, Answers("11100"), ten);
        await app.AttemptAsync(quiz.ActivityId, t[5].Id, Answers("11"), took: null);
        await app.EnrolAsync(quiz.CourseId, t[6].Id);
        return (quiz, t);
    }

    private static string Url(QuizSteps.QuizCourse q) => $"/Reports/Quiz/{q.CourseId}/{q.ActivityId}";

    private static IElement RowOf(AngleSharp.Html.Dom.IHtmlDocument page, Teacher t) =>
        Assert.Single(page.QuerySelectorAll("[data-testid=teacher-result]"), r => r.TextContent.Contains(t.Name));

    [Fact]
    public async Task A_trainer_sees_every_attempt_and_each_teacher_s_grade_by_the_grading_method()
    {
        var (quiz, t) = await QuizWithResultsAsync("ผลสอบทั้งเขต");
        var trainer = app.NewClient();
        await trainer.SignInOkAsync("trainer");
        var page = await trainer.PageAsync(Url(quiz));

        Assert.Equal("6", page.Text("[data-testid=attempted]"));
        Assert.Equal("3", page.Text("[data-testid=passed]"));
        Assert.Equal("60%", page.Text("[data-testid=average-grade]")); // (100 + 40 + 40 + 60 + 60) / 5; T5 has no grade yet
        Assert.Contains("1", page.Text("[data-testid=not-attempted]"));

        // Highest grade: T0's second attempt counts.
        var t0 = RowOf(page, t[0]);
        Assert.Equal(2, t0.QuerySelectorAll("[data-testid=attempt-row]").Length);
        Assert.Equal("100%", t0.QuerySelector("[data-testid=quiz-grade]")!.TextContent.Trim());
        Assert.Equal("ผ่าน", t0.QuerySelector("[data-testid=quiz-result]")!.TextContent.Trim());
        Assert.Contains("1 / 5", t0.TextContent);
        Assert.Contains("สุโขทัยวิทยาคม", t0.TextContent);

        var t1 = RowOf(page, t[1]);
        Assert.Equal("40%", t1.QuerySelector("[data-testid=quiz-grade]")!.TextContent.Trim());
        Assert.Equal("ไม่ผ่าน", t1.QuerySelector("[data-testid=quiz-result]")!.TextContent.Trim());
        Assert.Contains("0:12:30", RowOf(page, t[3]).TextContent);
        var t5 = RowOf(page, t[5]);
        Assert.Contains("กำลังทำ", t5.TextContent);
        Assert.Equal("—", t5.QuerySelector("[data-testid=quiz-grade]")!.TextContent.Trim());
        Assert.DoesNotContain(page.QuerySelectorAll("[data-testid=teacher-result]"), r => r.TextContent.Contains(t[6].Name));

        // The course progress report links here.
        var progress = await trainer.PageAsync($"/Reports/CourseProgress/{quiz.CourseId}");
        Assert.NotNull(progress.QuerySelector($"[data-testid=quiz-reports] a[href='{Url(quiz)}']"));
    }

    [Fact]
    public async Task Item_analysis_uses_each_teacher_s_first_finished_attempt_and_flags_questions_to_check()
    {
        var (quiz, _) = await QuizWithResultsAsync("วิเคราะห์ข้อสอบ");
        var trainer = app.NewClient();
        await trainer.SignInOkAsync("trainer");
        var page = await trainer.PageAsync(Url(quiz));
        var items = page.QuerySelectorAll("[data-testid=item-row]");
        Assert.Equal(5, items.Length);
        string Cell(int i, string id) => items[i].QuerySelector($"[data-testid={id}]")!.TextContent.Trim();

        // Worked out by hand from the five first attempts (10000, 10010, 10010, 11100, 11100): facility = mean score;
        // discrimination = Pearson's r (× 100) between the question and the rest of the paper.
        Assert.Equal(["100", "40", "40", "40", "0"], Enumerable.Range(0, 5).Select(i => Cell(i, "facility")));
        Assert.Equal(["—", "40.82", "40.82", "-66.67", "—"], Enumerable.Range(0, 5).Select(i => Cell(i, "discrimination")));
        Assert.All(items, r => Assert.Contains("5", r.Children[3].TextContent)); // five teachers each, T0's second try left out
        Assert.Contains("ข้อ 1", items[0].TextContent);
        Assert.Contains("ถูก/ผิด", items[0].TextContent);
        Assert.Contains("เกือบทุกคนตอบถูก", Cell(0, "item-hint"));
        Assert.Equal("", Cell(1, "item-hint"));
        Assert.Contains("ควรตรวจสอบข้อนี้", Cell(3, "item-hint"));
        Assert.Contains("เฉลยถูกต้องหรือไม่", Cell(3, "item-hint"));
        Assert.Contains("มีผู้ตอบถูกน้อยมาก", Cell(4, "item-hint"));
    }

    [Fact]
    public async Task The_downloads_hold_the_same_rows_with_Thai_headers_in_CSV_and_Excel()
    {
        var (quiz, t) = await QuizWithResultsAsync("ส่งออกผลสอบ");
        var trainer = app.NewClient();
        await trainer.SignInOkAsync("trainer");

        var csvBytes = await trainer.GetByteArrayAsync($"{Url(quiz)}?handler=Csv");
        Assert.Equal(Encoding.UTF8.GetPreamble(), csvBytes[..3]);
        var lines = Encoding.UTF8.GetString(csvBytes[3..]).Split(["\r\n", "\n"], StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("\"ชื่อ-นามสกุล\",\"โรงเรียน\",\"ครั้งที่ทำ\",\"สถานะ\"", lines[0]);
        Assert.Contains("\"คะแนนแบบทดสอบ (ร้อยละ)\"", lines[0]);
        Assert.Equal(8, lines.Length); // header + seven attempts
        var second = Assert.Single(lines, l => l.Contains(t[0].Name) && l.Contains(",\"2\","));
        Assert.Contains("\"เสร็จแล้ว\"", second);
        Assert.Contains(",\"5\",\"5\",\"100\",\"100\",\"ผ่าน\"", second);

        var xlsx = new MemoryStream(await trainer.GetByteArrayAsync($"{Url(quiz)}?handler=Xlsx"));
        Assert.Equal(["ผลการทำแบบทดสอบ", "การวิเคราะห์ข้อสอบ"], MiniExcel.GetSheetNames(xlsx));
        var rows = xlsx.Query(useHeaderRow: true, sheetName: "ผลการทำแบบทดสอบ").Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(7, rows.Count);
        var t3 = Assert.Single(rows, r => (string)r["ชื่อ-นามสกุล"] == t[3].Name);
        Assert.IsType<double>(t3["ร้อยละ"]); // a number Excel can sum, not text
        Assert.Equal(60m, Number(t3["ร้อยละ"]));
        Assert.Equal(3m, Number(t3["คะแนน"]));
        Assert.Equal("0:12:30", t3["เวลาที่ใช้"]);
        Assert.Equal("ผ่าน", t3["ผล"]);
        var items = xlsx.Query(useHeaderRow: true, sheetName: "การวิเคราะห์ข้อสอบ").Cast<IDictionary<string, object>>().ToList();
        Assert.Equal([100m, 40m, 40m, 40m, 0m], items.Select(i => Number(i["ดัชนีความง่าย (ร้อยละ)"])));
        Assert.Equal(-66.67m, Number(items[3]["ดัชนีอำนาจจำแนก"]));
    }

    [Fact]
    public async Task A_director_sees_and_downloads_only_their_own_school_whatever_school_they_ask_for()
    {
        var (quiz, t) = await QuizWithResultsAsync("ผลสอบของโรงเรียน");
        var schoolB = await app.DbAsync(db => db.Schools.Where(s => s.Code == SchoolB).Select(s => s.Id).SingleAsync());
        var director = app.NewClient();
        await director.SignInOkAsync("director");
        var page = await director.PageAsync($"{Url(quiz)}?school={schoolB}");
        Assert.Null(page.QuerySelector("[data-testid=school-filter]"));
        var names = page.QuerySelectorAll("[data-testid=teacher-result] th").Select(e => e.TextContent.Trim()).ToList();
        Assert.Equal(new[] { t[0].Name, t[1].Name, t[3].Name }.Order(), names.Order());
        Assert.Equal("66.67%", page.Text("[data-testid=average-grade]"));

        foreach (var handler in new[] { "Csv", "ItemsCsv" })
        {
            var csv = Encoding.UTF8.GetString(await director.GetByteArrayAsync($"{Url(quiz)}?handler={handler}&school={schoolB}"));
            Assert.DoesNotContain(t[2].Name, csv);
            Assert.DoesNotContain("อุดมดรุณี", csv);
        }
        var rows = new MemoryStream(await director.GetByteArrayAsync($"{Url(quiz)}?handler=Xlsx")).Query(useHeaderRow: true).ToList();
        Assert.Equal(4, rows.Count); // T0 twice, T1, T3

        // A trainer may narrow the same report to one school.
        var trainer = app.NewClient();
        await trainer.SignInOkAsync("trainer");
        var filtered = await trainer.PageAsync($"{Url(quiz)}?school={schoolB}");
        Assert.Equal(3, filtered.QuerySelectorAll("[data-testid=teacher-result]").Length); // T2, T4, T5
        Assert.NotNull(filtered.QuerySelector($"[data-testid=school-filter] option[value='{schoolB}'][selected]"));
    }

    [Fact]
    public async Task A_teacher_can_open_neither_the_report_nor_its_downloads()
    {
        var (quiz, _) = await QuizWithResultsAsync("ผลสอบห้ามครูดู");
        var teacher = app.NewClient();
        await teacher.SignInOkAsync("teacher");
        foreach (var handler in new[] { "", "?handler=Csv", "?handler=Xlsx", "?handler=ItemsCsv" })
        {
            var r = await teacher.GetAsync(Url(quiz) + handler);
            Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
            Assert.Contains("/Account/AccessDenied", r.Location());
        }
    }

    private static decimal Number(object value) => Convert.ToDecimal(value, CultureInfo.InvariantCulture);
}
