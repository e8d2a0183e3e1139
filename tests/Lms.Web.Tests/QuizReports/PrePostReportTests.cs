using System.Globalization;
using System.Net;
using System.Text;
using AngleSharp.Html.Dom;
using Lms.Web.Tests.Support;
using MiniExcelLibs;
using static Lms.Web.Tests.QuizReports.ReportData;

namespace Lms.Web.Tests.QuizReports;

/// <summary>The pre-test/post-test report: each teacher's gain and normalised gain, and the averages per school.</summary>
public sealed class PrePostReportTests(LmsAppFactory app) : IClassFixture<LmsAppFactory>
{
    /// <summary>
    /// Four true/false questions in each test (scores in steps of 25 %). School A: P1 50 → 100, P2 25 → 75, P3 took the
    /// pre-test only. School B: P4 50 → 75, P5 100 → 100 (no normalised gain: nothing was left to learn), P6 enrolled only.
    /// </summary>
    private async Task<(Guid CourseId, Teacher[] P)> CourseWithBothTestsAsync(string title)
    {
        var pre = await app.PublishedQuizCourseAsync(title, QuizSteps.TrueFalse(4),
            new Dictionary<string, string> { ["Input.Role"] = "PreTest" }, quizTitle: "ก่อนเรียน");
        var post = await app.AddQuizAsync(pre.CourseId, QuizSteps.TrueFalse(4),
            new Dictionary<string, string> { ["Input.Role"] = "PostTest", ["Input.RequiresPreTest"] = "true" }, quizTitle: "หลังเรียน");
        var p = new[]
        {
            await app.TeacherAsync(SchoolA, "หนึ่ง"), await app.TeacherAsync(SchoolA, "สอง"), await app.TeacherAsync(SchoolA, "สาม"),
            await app.TeacherAsync(SchoolB, "สี่"), await app.TeacherAsync(SchoolB, "ห้า"), await app.TeacherAsync(SchoolB, "หก"),
        };
        var took = TimeSpan.FromMinutes(15);
        foreach (var (who, before, after) in new (int, string, string?)[]
                 {
                     (0, "1100", "1111"), (1, "1000", "1110"), (2, "1110", null), (3, "1100", "1110"), (4, "1111", "1111"),
                 })
        {
            await app.EnrolAsync(pre.CourseId, p[who].Id);
            await app.AttemptAsync(pre.ActivityId, p[who].Id, Answers(before), took);
            if (after is not null) await app.AttemptAsync(post.ActivityId, p[who].Id, Answers(after), took);
        }
        await app.EnrolAsync(pre.CourseId, p[5].Id);
        return (pre.CourseId, p);
    }

    private static string[] Cells(IHtmlDocument page, string testId, string text) =>
        Assert.Single(page.QuerySelectorAll($"[data-testid={testId}]"), r => r.TextContent.Contains(text))
            .Children.Select(c => c.TextContent.Trim()).ToArray();

    [Fact]
    public async Task Each_teacher_s_gain_and_normalised_gain_and_the_averages_per_school_over_those_with_both_tests()
    {
        var (courseId, p) = await CourseWithBothTestsAsync("พัฒนาการก่อนหลัง");
        var trainer = app.NewClient();
        await trainer.SignInOkAsync("trainer");
        var progress = await trainer.PageAsync($"/Reports/CourseProgress/{courseId}");
        var url = progress.QuerySelector("[data-testid=prepost-link]")!.GetAttribute("href")!;
        Assert.Equal($"/Reports/PrePost/{courseId}", url);
        var page = await trainer.PageAsync(url);

        Assert.Equal(6, page.QuerySelectorAll("[data-testid=prepost-row]").Length);
        Assert.Equal([p[0].Name, "สุโขทัยวิทยาคม", "50", "100", "50", "1"], Cells(page, "prepost-row", p[0].Name));
        Assert.Equal([p[1].Name, "สุโขทัยวิทยาคม", "25", "75", "50", "0.667"], Cells(page, "prepost-row", p[1].Name));
        Assert.Equal([p[2].Name, "สุโขทัยวิทยาคม", "75", "—", "—", "—"], Cells(page, "prepost-row", p[2].Name));
        Assert.Equal([p[3].Name, "อุดมดรุณี", "50", "75", "25", "0.5"], Cells(page, "prepost-row", p[3].Name));
        Assert.Equal([p[4].Name, "อุดมดรุณี", "100", "100", "0", "—"], Cells(page, "prepost-row", p[4].Name));
        Assert.Equal([p[5].Name, "อุดมดรุณี", "—", "—", "—", "—"], Cells(page, "prepost-row", p[5].Name));

        // Averages over the teachers with both tests: A = P1, P2; B = P4, P5 (P5 has no normalised gain to average).
        Assert.Equal(["สุโขทัยวิทยาคม", "2 / 3", "37.5", "87.5", "50", "0.834"], Cells(page, "school-average", "สุโขทัยวิทยาคม"));
        Assert.Equal(["อุดมดรุณี", "2 / 3", "75", "87.5", "12.5", "0.5"], Cells(page, "school-average", "อุดมดรุณี"));
        Assert.Equal(["ทุกโรงเรียน", "4 / 6", "56.25", "87.5", "31.25", "0.722"],
            page.QuerySelector("[data-testid=overall-average]")!.Children.Select(c => c.TextContent.Trim()));
        Assert.Contains("ไม่นำมาคิดค่าเฉลี่ย", page.Body!.TextContent);
    }

    [Fact]
    public async Task The_downloads_give_the_same_numbers_with_empty_cells_for_missing_tests()
    {
        var (courseId, p) = await CourseWithBothTestsAsync("ส่งออกก่อนหลัง");
        var trainer = app.NewClient();
        await trainer.SignInOkAsync("trainer");

        var csv = await trainer.GetByteArrayAsync($"/Reports/PrePost/{courseId}?handler=Csv");
        Assert.Equal(Encoding.UTF8.GetPreamble(), csv[..3]);
        var lines = Encoding.UTF8.GetString(csv[3..]).Split(["\r\n", "\n"], StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("\"ชื่อ-นามสกุล\",\"โรงเรียน\",\"ก่อนเรียน (ร้อยละ)\",\"หลังเรียน (ร้อยละ)\",\"คะแนนที่เพิ่มขึ้น (จุดร้อยละ)\",\"พัฒนาการสัมพัทธ์\"", lines[0]);
        Assert.Equal($"\"{p[1].Name}\",\"สุโขทัยวิทยาคม\",\"25\",\"75\",\"50\",\"0.667\"", Assert.Single(lines, l => l.Contains(p[1].Name)));
        Assert.Equal($"\"{p[2].Name}\",\"สุโขทัยวิทยาคม\",\"75\",\"\",\"\",\"\"", Assert.Single(lines, l => l.Contains(p[2].Name)));

        var xlsx = new MemoryStream(await trainer.GetByteArrayAsync($"/Reports/PrePost/{courseId}?handler=Xlsx"));
        Assert.Equal(["ครู", "ค่าเฉลี่ยรายโรงเรียน"], MiniExcel.GetSheetNames(xlsx));
        var teachers = xlsx.Query(useHeaderRow: true, sheetName: "ครู").Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(6, teachers.Count);
        var p4 = Assert.Single(teachers, r => (string)r["ชื่อ-นามสกุล"]! == p[3].Name);
        Assert.Equal(0.5m, Number(p4["พัฒนาการสัมพัทธ์"]));
        var schools = xlsx.Query(useHeaderRow: true, sheetName: "ค่าเฉลี่ยรายโรงเรียน").Cast<IDictionary<string, object?>>().ToList();
        var all = Assert.Single(schools, r => (string)r["โรงเรียน"]! == "ทุกโรงเรียน");
        Assert.Equal(4m, Number(all["ครูที่ทำครบทั้งสองชุด"]));
        Assert.Equal(56.25m, Number(all["ก่อนเรียน (ร้อยละ)"]));
        Assert.Equal(0.722m, Number(all["พัฒนาการสัมพัทธ์"]));
    }

    [Fact]
    public async Task A_director_sees_their_own_school_only_and_a_teacher_is_refused()
    {
        var (courseId, p) = await CourseWithBothTestsAsync("ก่อนหลังของโรงเรียน");
        var director = app.NewClient();
        await director.SignInOkAsync("director");
        var page = await director.PageAsync($"/Reports/PrePost/{courseId}");
        var names = page.QuerySelectorAll("[data-testid=prepost-row] th").Select(e => e.TextContent.Trim()).Order().ToList();
        Assert.Equal(new[] { p[0].Name, p[1].Name, p[2].Name }.Order(), names);
        Assert.Single(page.QuerySelectorAll("[data-testid=school-average]"));
        Assert.Equal("37.5", page.QuerySelector("[data-testid=overall-average]")!.Children[2].TextContent.Trim());
        var csv = Encoding.UTF8.GetString(await director.GetByteArrayAsync($"/Reports/PrePost/{courseId}?handler=Csv"));
        Assert.DoesNotContain("อุดมดรุณี", csv);

        var teacher = app.NewClient();
        await teacher.SignInOkAsync("teacher");
        foreach (var handler in new[] { "", "?handler=Csv", "?handler=Xlsx" })
        {
            var r = await teacher.GetAsync($"/Reports/PrePost/{courseId}{handler}");
            Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
            Assert.Contains("/Account/AccessDenied", r.Location());
        }
    }

    [Fact]
    public async Task A_course_without_both_tests_says_so_instead_of_a_table()
    {
        var quiz = await app.PublishedQuizCourseAsync("มีแต่ก่อนเรียน", QuizSteps.TrueFalse(1),
            new Dictionary<string, string> { ["Input.Role"] = "PreTest" });
        var trainer = app.NewClient();
        await trainer.SignInOkAsync("trainer");
        var page = await trainer.PageAsync($"/Reports/PrePost/{quiz.CourseId}");
        Assert.NotNull(page.QuerySelector("[data-testid=no-prepost]"));
        Assert.Null(page.QuerySelector("[data-testid=prepost-teachers]"));
        Assert.Null((await trainer.PageAsync($"/Reports/CourseProgress/{quiz.CourseId}")).QuerySelector("[data-testid=prepost-link]"));
    }

    private static decimal Number(object? value) => Convert.ToDecimal(value, CultureInfo.InvariantCulture);
}
