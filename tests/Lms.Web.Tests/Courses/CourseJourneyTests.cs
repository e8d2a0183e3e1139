using System.Net;
using System.Net.Http.Headers;
using AngleSharp.Html.Dom;
using Lms.Domain.Enrolments;
using Lms.Infrastructure.Events;
using Lms.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Lms.Web.Tests.Courses;

/// <summary>A designer builds and publishes a course; a teacher enrols and works through it to completion.</summary>
public sealed class CourseJourneyTests(LmsAppFactory app) : IClassFixture<LmsAppFactory>
{
    private async Task<(HttpClient Designer, Guid CourseId)> CreateCourseAsync(string title)
    {
        var designer = app.NewClient();
        await designer.SignInOkAsync("designer");
        var created = await designer.SubmitAsync("/Design/Courses/Edit", new Dictionary<string, string>
        {
            ["Input.TitleTh"] = title, ["Input.CreditHours"] = "6", ["Input.FiscalYear"] = "2570",
            ["Input.SelfEnrolment"] = "true",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var structure = created.Location();
        var courseId = Guid.Parse(structure.Split('/').Last());
        await designer.SubmitAsync(structure, new Dictionary<string, string> { ["title"] = "หน่วยที่ 1 ทำความรู้จัก" }, handler: "AddSection");
        var page = await designer.PageAsync(structure);
        var sectionId = page.QuerySelector("form[action*='AddActivity'] input[name=sectionId]")!.GetAttribute("value")!;
        foreach (var (kind, name) in new[] { ("Page", "บทนำ"), ("Page", "สรุป") })
        {
            var add = await designer.SubmitAsync(structure, new Dictionary<string, string>
            {
                ["sectionId"] = sectionId, ["kind"] = kind, ["title"] = name,
            }, handler: "AddActivity");
            Assert.Equal(HttpStatusCode.Redirect, add.StatusCode);
        }
        return (designer, courseId);
    }

    private async Task<string> FirstActivityEditorAsync(HttpClient designer, Guid courseId)
    {
        var page = await designer.PageAsync($"/Design/Courses/Structure/{courseId}");
        return page.QuerySelectorAll(".activity-list a").OfType<IHtmlAnchorElement>().First().GetAttribute("href")!;
    }

    [Fact]
    public async Task A_designer_publishes_a_course_and_a_teacher_completes_it_by_reading_its_pages()
    {
        var (designer, courseId) = await CreateCourseAsync("การเรียนรู้เชิงรุก (Active Learning)");
        var editor = await FirstActivityEditorAsync(designer, courseId);
        var saved = await designer.SubmitAsync(editor, new Dictionary<string, string>
        {
            ["Input.Body"] = "# ความหมาย\n\nการเรียนรู้ที่ผู้เรียน**ลงมือทำ**\n\n[อันตราย](javascript:alert(1))",
        }, handler: "Save");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var published = await designer.SubmitAsync($"/Design/Courses/Structure/{courseId}", new Dictionary<string, string>(), handler: "Publish");
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        Assert.Contains("เผยแพร่ฉบับที่ 1 แล้ว", (await designer.PageAsync($"/Design/Courses/Structure/{courseId}")).Body!.TextContent);

        var teacher = app.NewClient();
        await teacher.SignInOkAsync("assistant");
        var catalogue = await teacher.PageAsync("/Learn/Catalogue");
        Assert.Contains("การเรียนรู้เชิงรุก", catalogue.Body!.TextContent);
        var enrol = await teacher.SubmitAsync(catalogue, "/Learn/Catalogue", new Dictionary<string, string> { ["courseId"] = courseId.ToString() },
            handler: "Enrol");
        Assert.Equal($"/Learn/Course/{courseId}", enrol.Location());

        var outline = await teacher.PageAsync($"/Learn/Course/{courseId}");
        Assert.Equal("0%", outline.Text("[data-testid=course-percent]"));
        var links = outline.QuerySelectorAll(".activity-list a").OfType<IHtmlAnchorElement>().Select(a => a.GetAttribute("href")!).ToList();
        Assert.Equal(2, links.Count);

        var first = await teacher.PageAsync(links[0]);
        Assert.Equal("ความหมาย", first.Text(".prose h1"));
        Assert.Equal("ลงมือทำ", first.Text(".prose strong"));
        Assert.DoesNotContain("javascript:", first.QuerySelector(".prose")!.InnerHtml);
        Assert.Equal("50%", (await teacher.PageAsync($"/Learn/Course/{courseId}")).Text("[data-testid=course-percent]"));

        var last = await teacher.PageAsync(links[1]);
        Assert.Contains("คุณเรียนจบรายวิชานี้แล้ว", last.Text("[data-testid=course-completed]"));
        var done = await teacher.PageAsync($"/Learn/Course/{courseId}");
        Assert.Equal("100%", done.Text("[data-testid=course-percent]"));
        Assert.Matches(@"เรียนจบเมื่อ \d{1,2} \S+ 25\d\d", done.Text("[data-testid=course-complete]"));

        var history = await teacher.PageAsync("/Learn");
        Assert.Contains("การเรียนรู้เชิงรุก", history.Text("[data-testid=completed-course]"));
        Assert.Contains("6 ชั่วโมง", history.Body!.TextContent);
        var dashboard = await teacher.PageAsync("/");
        Assert.Contains("ปีงบประมาณนี้เรียนจบ 1 รายวิชา (6 ชั่วโมง)", dashboard.Text("[data-testid=learning-summary]"));

        // The completion was saved with an event for later features (certificates, reminders, indicators).
        var events = await app.DbAsync(db => db.Set<OutboxMessage>().Where(m => m.Type == typeof(CourseCompleted).FullName).ToListAsync());
        Assert.Contains(events, m => m.Payload.Contains(courseId.ToString()));
        Assert.Equal(1, await app.DbAsync(db => db.Enrolments.CountAsync(e => e.CourseId == courseId && e.CompletedAtUtc != null)));
    }

    [Fact]
    public async Task Learners_do_not_see_draft_changes_until_the_designer_publishes_again()
    {
        var (designer, courseId) = await CreateCourseAsync("หลักสูตรที่กำลังแก้ไข");
        await designer.SubmitAsync($"/Design/Courses/Structure/{courseId}", new Dictionary<string, string>(), handler: "Publish");
        var editor = await FirstActivityEditorAsync(designer, courseId);
        await designer.SubmitAsync(editor, new Dictionary<string, string> { ["Input.Title"] = "บทนำ (ฉบับใหม่ยังไม่เสร็จ)" }, handler: "Save");
        Assert.NotNull((await designer.PageAsync($"/Design/Courses/Structure/{courseId}")).QuerySelector("[data-testid=unpublished]"));

        var teacher = app.NewClient();
        await teacher.SignInOkAsync("teacher");
        await teacher.EnrolAsync(courseId);
        var outline = await teacher.PageAsync($"/Learn/Course/{courseId}");
        Assert.Contains("บทนำ", outline.Body!.TextContent);
        Assert.DoesNotContain("ฉบับใหม่ยังไม่เสร็จ", outline.Body!.TextContent);
    }

    [Fact]
    public async Task Enrolling_twice_by_double_click_leaves_one_enrolment()
    {
        var (designer, courseId) = await CreateCourseAsync("ลงทะเบียนซ้ำ");
        await designer.SubmitAsync($"/Design/Courses/Structure/{courseId}", new Dictionary<string, string>(), handler: "Publish");
        var teacher = app.NewClient();
        await teacher.SignInOkAsync("staff");
        var catalogue = await teacher.PageAsync("/Learn/Catalogue");
        var fields = new Dictionary<string, string> { ["courseId"] = courseId.ToString() };
        var clicks = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => teacher.SubmitAsync(catalogue, "/Learn/Catalogue", fields, handler: "Enrol")));
        Assert.All(clicks, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        Assert.Equal(1, await app.DbAsync(db => db.Enrolments.CountAsync(e => e.CourseId == courseId)));
    }

    [Fact]
    public async Task A_teacher_cannot_open_a_course_they_are_not_enrolled_in()
    {
        var (designer, courseId) = await CreateCourseAsync("ไม่ได้ลงทะเบียน");
        await designer.SubmitAsync($"/Design/Courses/Structure/{courseId}", new Dictionary<string, string>(), handler: "Publish");
        var teacher = app.NewClient();
        await teacher.SignInOkAsync("s01p05");
        Assert.Equal(HttpStatusCode.NotFound, (await teacher.GetAsync($"/Learn/Course/{courseId}")).StatusCode);
    }

    [Fact]
    public async Task A_file_activity_refuses_a_disguised_file_and_streams_a_real_PDF_only_to_enrolled_learners()
    {
        var (designer, courseId) = await CreateCourseAsync("เอกสารประกอบ");
        var structure = await designer.PageAsync($"/Design/Courses/Structure/{courseId}");
        var sectionId = structure.QuerySelector("form[action*='AddActivity'] input[name=sectionId]")!.GetAttribute("value")!;
        var token = structure.QuerySelector("form[action*='AddActivity'] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        async Task<HttpResponseMessage> Upload(byte[] bytes, string name)
        {
            using var form = new MultipartFormDataContent
            {
                { new StringContent(token), "__RequestVerificationToken" }, { new StringContent(sectionId), "sectionId" },
                { new StringContent("File"), "kind" }, { new StringContent("เอกสาร"), "title" },
            };
            var file = new ByteArrayContent(bytes);
            file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
            form.Add(file, "file", name);
            return await designer.PostAsync($"/Design/Courses/Structure/{courseId}?handler=AddActivity", form);
        }

        await Upload("<script>alert(1)</script>"u8.ToArray(), "หลอก.pdf");
        var refused = await designer.PageAsync($"/Design/Courses/Structure/{courseId}");
        Assert.NotNull(refused.QuerySelector("[data-testid=structure-error]"));

        var pdf = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF"u8.ToArray();
        await Upload(pdf, "คู่มือครู.pdf");
        await designer.SubmitAsync($"/Design/Courses/Structure/{courseId}", new Dictionary<string, string>(), handler: "Publish");
        var fileActivity = (await designer.PageAsync($"/Design/Courses/Structure/{courseId}"))
            .QuerySelectorAll(".activity-list a").OfType<IHtmlAnchorElement>().Last().GetAttribute("href")!.Split('/').Last();

        var url = $"/Learn/Activity/{courseId}/{fileActivity}?handler=File";
        var outsider = app.NewClient();
        await outsider.SignInOkAsync("s02p05");
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync(url)).StatusCode);

        var teacher = app.NewClient();
        await teacher.SignInOkAsync("s02p06");
        await teacher.EnrolAsync(courseId);
        var download = await teacher.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal(pdf, await download.Content.ReadAsByteArrayAsync());
        Assert.Contains("คู่มือครู.pdf", Uri.UnescapeDataString(download.Content.Headers.ContentDisposition!.ToString()));
    }

    [Fact]
    public async Task Dragging_an_activity_reorders_it_and_chosen_activities_decide_completion()
    {
        var (designer, courseId) = await CreateCourseAsync("ลากวาง");
        var structure = $"/Design/Courses/Structure/{courseId}";
        var page = await designer.PageAsync(structure);
        var sectionId = page.QuerySelector("ol.activity-list")!.GetAttribute("data-section-id")!;
        var ids = page.QuerySelectorAll("li[data-activity-id]").Select(li => li.GetAttribute("data-activity-id")!).ToList();

        var moved = await designer.SubmitAsync(page, structure, new Dictionary<string, string>
        {
            ["activityId"] = ids[1], ["sectionId"] = sectionId, ["index"] = "0",
        }, handler: "MoveActivityTo");
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        page = await designer.PageAsync(structure);
        Assert.Equal([ids[1], ids[0]], page.QuerySelectorAll("li[data-activity-id]").Select(li => li.GetAttribute("data-activity-id")!));

        await designer.SubmitAsync(page, structure, new Dictionary<string, string> { ["mode"] = "ChosenActivities", ["chosen"] = ids[0] },
            handler: "Completion");
        await designer.SubmitAsync(structure, new Dictionary<string, string>(), handler: "Publish");

        var teacher = app.NewClient();
        await teacher.SignInOkAsync("s04p03");
        await teacher.EnrolAsync(courseId);
        var only = await teacher.PageAsync($"/Learn/Activity/{courseId}/{ids[0]}");
        Assert.NotNull(only.QuerySelector("[data-testid=course-completed]")); // the one chosen activity completes the course
    }

    [Fact]
    public async Task An_image_pasted_into_a_page_is_shown_to_enrolled_learners_only()
    {
        var (designer, courseId) = await CreateCourseAsync("รูปภาพในบทเรียน");
        var editor = await FirstActivityEditorAsync(designer, courseId);
        var page = await designer.PageAsync(editor);
        var token = page.QuerySelector("form[action*='Save'] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");
        using var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        var file = new ByteArrayContent(png);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("image/png");
        form.Add(file, "file", "แผนภาพ.png");
        var upload = await designer.PostAsync($"{editor}?handler=Media", form);
        Assert.Equal(HttpStatusCode.OK, upload.StatusCode);
        var json = System.Text.Json.JsonDocument.Parse(await upload.Content.ReadAsStringAsync()).RootElement;
        var url = json.GetProperty("url").GetString()!;
        Assert.StartsWith($"/Media/{courseId}/", url);
        Assert.EndsWith(".png", url);

        await designer.SubmitAsync(editor, new Dictionary<string, string> { ["Input.Body"] = "ดูแผนภาพ\n\n" + json.GetProperty("markdown").GetString() },
            handler: "Save");
        await designer.SubmitAsync($"/Design/Courses/Structure/{courseId}", new Dictionary<string, string>(), handler: "Publish");

        var outsider = app.NewClient();
        await outsider.SignInOkAsync("s05p05");
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync(url)).StatusCode);

        var learner = app.NewClient();
        await learner.SignInOkAsync("s05p06");
        await learner.EnrolAsync(courseId);
        var activity = await learner.PageAsync($"/Learn/Activity/{courseId}/{editor.Split('/').Last()}");
        Assert.Equal(url, activity.QuerySelector(".prose img")!.GetAttribute("src"));
        var image = await learner.GetAsync(url);
        Assert.Equal("image/png", image.Content.Headers.ContentType?.MediaType);
        Assert.Equal(png, await image.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task A_course_exported_as_a_zip_imports_as_a_new_draft_with_its_files_and_rules()
    {
        var (designer, courseId) = await CreateCourseAsync("ส่งออกและนำเข้า");
        var structure = $"/Design/Courses/Structure/{courseId}";
        var page = await designer.PageAsync(structure);
        var ids = page.QuerySelectorAll("li[data-activity-id]").Select(li => li.GetAttribute("data-activity-id")!).ToList();
        await designer.SubmitAsync($"/Design/Courses/Activity/{courseId}/{ids[1]}", new Dictionary<string, string>
        {
            ["Input.Body"] = "# สรุป", ["Input.OpensAfterActivityId"] = ids[0],
        }, handler: "Save");
        var editor = $"/Design/Courses/Activity/{courseId}/{ids[0]}";
        var editorPage = await designer.PageAsync(editor);
        var editorToken = editorPage.QuerySelector("form[action*='Save'] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");
        using (var media = new MultipartFormDataContent { { new StringContent(editorToken), "__RequestVerificationToken" } })
        {
            media.Add(new ByteArrayContent(png), "file", "ภาพ.png");
            var uploaded = System.Text.Json.JsonDocument.Parse(await (await designer.PostAsync($"{editor}?handler=Media", media)).Content.ReadAsStringAsync());
            await designer.SubmitAsync(editor, new Dictionary<string, string> { ["Input.Body"] = uploaded.RootElement.GetProperty("markdown").GetString()! },
                handler: "Save");
        }

        var zip = await designer.GetAsync($"{structure}?handler=Export");
        Assert.Equal("application/zip", zip.Content.Headers.ContentType?.MediaType);
        var bytes = await zip.Content.ReadAsByteArrayAsync();

        var import = await designer.PageAsync("/Design/Courses/Import");
        var token = import.QuerySelector("form[enctype] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        async Task<HttpResponseMessage> Post(byte[] content)
        {
            using var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
            form.Add(new ByteArrayContent(content), "file", "course.zip");
            return await designer.PostAsync("/Design/Courses/Import", form);
        }

        var bad = await Post("not a zip at all"u8.ToArray());
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("ไม่ใช่ไฟล์รายวิชาที่ระบบอ่านได้", (await bad.HtmlAsync()).Text("[data-testid=import-error]"));

        var imported = await Post(bytes);
        Assert.Equal(HttpStatusCode.Redirect, imported.StatusCode);
        var newId = Guid.Parse(imported.Location().Split('/').Last());
        Assert.NotEqual(courseId, newId);
        var copy = await app.DbAsync(db => db.Courses.AsNoTracking().Include(c => c.Sections).ThenInclude(s => s.Activities).SingleAsync(c => c.Id == newId));
        Assert.Equal("ส่งออกและนำเข้า", copy.TitleTh);
        Assert.Equal(Lms.Domain.Courses.CourseStatus.Draft, copy.Status);
        var activities = copy.AllActivities.ToList();
        Assert.Equal(["บทนำ", "สรุป"], activities.Select(a => a.Title));
        Assert.Equal("# สรุป", activities[1].Body);
        Assert.Equal(activities[0].Id, activities[1].OpensAfterActivityId); // the restriction follows the new ids
        Assert.DoesNotContain(activities, a => ids.Contains(a.Id.ToString()));
        // The pasted image came along: stored again for the new course, and the page points at the new copy.
        Assert.Contains($"/Media/{newId}/", activities[0].Body);
        Assert.DoesNotContain(courseId.ToString(), activities[0].Body);
        var newUrl = System.Text.RegularExpressions.Regex.Match(activities[0].Body, @"/Media/[^)]+").Value;
        Assert.Equal(png, await designer.GetByteArrayAsync(newUrl));
    }

    [Fact]
    public async Task A_cover_image_shows_in_the_catalogue_to_teachers_not_yet_enrolled_and_a_script_disguised_as_one_is_refused()
    {
        var designer = app.NewClient();
        await designer.SignInOkAsync("designer");
        var form = await designer.PageAsync("/Design/Courses/Edit");
        var token = form.QuerySelector("form[enctype] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        async Task<HttpResponseMessage> Create(byte[] cover, string title)
        {
            using var content = new MultipartFormDataContent
            {
                { new StringContent(token), "__RequestVerificationToken" }, { new StringContent(title), "Input.TitleTh" },
                { new StringContent("2"), "Input.CreditHours" }, { new StringContent("2570"), "Input.FiscalYear" },
                { new StringContent("true"), "Input.SelfEnrolment" },
            };
            content.Add(new ByteArrayContent(cover), "cover", "ปก.png");
            return await designer.PostAsync("/Design/Courses/Edit", content);
        }

        var refused = await Create("<svg onload=alert(1)>"u8.ToArray(), "ปกปลอม");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.False(await app.DbAsync(db => db.Courses.AnyAsync(c => c.TitleTh == "ปกปลอม")));

        var png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");
        var created = await Create(png, "รายวิชามีภาพปก");
        var structure = created.Location();
        await designer.SubmitAsync(structure, new Dictionary<string, string> { ["title"] = "หน่วย" }, handler: "AddSection");
        var page = await designer.PageAsync(structure);
        var sectionId = page.QuerySelector("form[action*='AddActivity'] input[name=sectionId]")!.GetAttribute("value")!;
        await designer.SubmitAsync(structure, new Dictionary<string, string> { ["sectionId"] = sectionId, ["kind"] = "Page", ["title"] = "อ่าน" },
            handler: "AddActivity");
        await designer.SubmitAsync(structure, new Dictionary<string, string>(), handler: "Publish");

        var teacher = app.NewClient();
        await teacher.SignInOkAsync("s06p06");
        var catalogue = await teacher.PageAsync("/Learn/Catalogue");
        var card = catalogue.QuerySelectorAll("[data-testid=catalogue-course]").First(c => c.TextContent.Contains("รายวิชามีภาพปก"));
        var src = card.QuerySelector("img.cover")!.GetAttribute("src")!;
        Assert.Equal(png, await teacher.GetByteArrayAsync(src));
    }
}
