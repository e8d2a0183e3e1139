using Lms.Web.Setup;
using Lms.Web.Tests.Support;

namespace Lms.Web.Tests.Admin;

public sealed class AdminBootstrapTests(LmsAppFactory app) : IClassFixture<LmsAppFactory>
{
    [Fact]
    public async Task The_create_admin_command_makes_an_administrator_who_can_open_the_administration()
    {
        var output = new StringWriter();
        var code = await AdminBootstrapCommand.RunAsync(app.Services,
            ["create-admin", "first.admin@office.example", "ผู้ดูแล", "คนแรก"], new StringReader("FirstAdmin2569\n"), output);
        Assert.Equal(0, code);
        Assert.Contains("created", output.ToString());

        var client = app.NewClient();
        await client.SignInOkAsync("first.admin@office.example", "FirstAdmin2569");
        Assert.Equal(System.Net.HttpStatusCode.OK, (await client.GetAsync("/Admin/People")).StatusCode);
    }

    [Fact]
    public async Task The_create_admin_command_refuses_a_weak_password_and_creates_nothing_usable()
    {
        var output = new StringWriter();
        var code = await AdminBootstrapCommand.RunAsync(app.Services,
            ["create-admin", "weak.admin@office.example", "อ่อน", "แอ"], new StringReader("short\n"), output);
        Assert.Equal(1, code);
        Assert.NotEqual("", output.ToString().Trim()); // the validator's reason
        Assert.False(await app.DbAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions
            .AnyAsync(db.Users, u => u.Email == "weak.admin@office.example")));
    }
}
