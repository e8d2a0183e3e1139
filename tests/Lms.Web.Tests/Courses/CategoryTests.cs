using System.Net;
using Lms.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Lms.Web.Tests.Courses;

public sealed class CategoryTests(LmsAppFactory app) : IClassFixture<LmsAppFactory>
{
    [Fact]
    public async Task A_designer_files_a_course_under_a_category_and_teachers_filter_the_catalogue_by_it()
    {
        var designer = app.NewClient();
        await designer.SignInOkAsync("designer");
        var empty = await designer.SubmitAsync("/Design/Categories", new Dictionary<string, string> { ["nameTh"] = " " }, handler: "Add");
        Assert.Contains("กรุณากรอกชื่อหมวดหมู่ภาษาไทย", (await designer.PageAsync(empty.Location())).Text("[data-testid=category-error]"));

        await designer.SubmitAsync("/Design/Categories", new Dictionary<string, string> { ["nameTh"] = "ครูผู้ช่วย", ["nameEn"] = "Induction" }, handler: "Add");
        await designer.SubmitAsync("/Design/Categories", new Dictionary<string, string> { ["nameTh"] = "ภาษาไทย" }, handler: "Add");
        var induction = await app.DbAsync(db => db.CourseCategories.Where(c => c.NameTh == "ครูผู้ช่วย").Select(c => c.Id).SingleAsync());

        async Task<Guid> Publish(string title, Guid? category)
        {
            var created = await designer.SubmitAsync("/Design/Courses/Edit", new Dictionary<string, string>
            {
                ["Input.TitleTh"] = title, ["Input.CreditHours"] = "1", ["Input.FiscalYear"] = "2570", ["Input.SelfEnrolment"] = "true",
                ["Input.CategoryId"] = category?.ToString() ?? "",
            });
            var structure = created.Location();
            await designer.SubmitAsync(structure, new Dictionary<string, string> { ["title"] = "หน่วย" }, handler: "AddSection");
            var page = await designer.PageAsync(structure);
            var section = page.QuerySelector("form[action*='AddActivity'] input[name=sectionId]")!.GetAttribute("value")!;
            await designer.SubmitAsync(structure, new Dictionary<string, string> { ["sectionId"] = section, ["kind"] = "Page", ["title"] = "อ่าน" },
                handler: "AddActivity");
            Assert.Equal(HttpStatusCode.Redirect, (await designer.SubmitAsync(structure, new Dictionary<string, string>(), handler: "Publish")).StatusCode);
            return Guid.Parse(structure.Split('/').Last());
        }

        await Publish("ปฐมนิเทศครูผู้ช่วย", induction);
        await Publish("การอ่านเชิงวิเคราะห์", null);

        var teacher = app.NewClient();
        await teacher.SignInOkAsync("assistant");
        var filtered = await teacher.PageAsync($"/Learn/Catalogue?category={induction}");
        var titles = filtered.QuerySelectorAll("[data-testid=catalogue-course] h2").Select(h => h.TextContent).ToList();
        Assert.Equal(["ปฐมนิเทศครูผู้ช่วย"], titles);
        var all = await teacher.PageAsync("/Learn/Catalogue");
        Assert.Contains("การอ่านเชิงวิเคราะห์", all.Body!.TextContent);
    }
}
