using System.Net;
using System.Text.RegularExpressions;
using Lms.Domain.Organisation;
using Lms.Web.Tests.Support;
using netDumbster.smtp;

namespace Lms.Web.Tests.Accounts;

/// <summary>Password reset by e-mail, through a real SMTP conversation with a local sink.</summary>
public sealed partial class PasswordResetTests : IAsyncLifetime
{
    private readonly SimpleSmtpServer smtp = SimpleSmtpServer.Start(FreePort());
    private readonly LmsAppFactory app;

    public PasswordResetTests()
    {
        app = new LmsAppFactory().With("Email:Mode", "Smtp").With("Email:SmtpHost", "127.0.0.1")
            .With("Email:SmtpPort", smtp.Configuration.Port.ToString());
    }

    public Task InitializeAsync() => ((IAsyncLifetime)app).InitializeAsync();

    public async Task DisposeAsync()
    {
        await ((IAsyncLifetime)app).DisposeAsync();
        smtp.Stop();
    }

    [Fact]
    public async Task A_teacher_who_forgot_the_password_sets_a_new_one_from_the_emailed_link()
    {
        var (_, user) = await app.CreatePersonAsync([SystemRole.Learner]);
        var client = app.NewClient();
        var sent = await client.SubmitAsync("/Account/ForgotPassword", new Dictionary<string, string> { ["Email"] = $"{user}@test.example" });
        Assert.Contains("เราได้ส่งลิงก์", (await sent.HtmlAsync()).Body!.TextContent);

        var mail = Assert.Single(smtp.ReceivedEmail);
        Assert.Equal($"{user}@test.example", mail.ToAddresses.Single().Address);
        Assert.Contains("ตั้งรหัสผ่าน", mail.Subject);
        var link = LinkPattern().Match(mail.MessageParts[0].BodyData).Value;
        Assert.StartsWith("https://localhost/Account/ResetPassword?", link);

        var reset = await client.SubmitAsync(link.Replace("https://localhost", ""), new Dictionary<string, string>
        {
            ["Input.NewPassword"] = "NewSecret2569", ["Input.ConfirmPassword"] = "NewSecret2569",
        });
        Assert.Equal("/Account/Login", reset.Headers.Location?.OriginalString);
        await app.NewClient().SignInOkAsync(user, "NewSecret2569");
        Assert.Equal(HttpStatusCode.OK, (await app.NewClient().SignInAsync(user)).StatusCode); // old one refused
    }

    [Fact]
    public async Task An_unknown_address_gets_the_same_answer_and_no_mail()
    {
        var response = await app.NewClient().SubmitAsync("/Account/ForgotPassword",
            new Dictionary<string, string> { ["Email"] = "stranger@nowhere.example" });
        Assert.Contains("เราได้ส่งลิงก์", (await response.HtmlAsync()).Body!.TextContent);
        Assert.DoesNotContain(smtp.ReceivedEmail, m => m.ToAddresses.Any(a => a.Address == "stranger@nowhere.example"));
    }

    [Fact]
    public async Task A_tampered_reset_link_is_refused_in_Thai()
    {
        var (id, _) = await app.CreatePersonAsync([SystemRole.Learner]);
        var response = await app.NewClient().SubmitAsync($"/Account/ResetPassword?userId={id}&code=bm90LWEtdG9rZW4",
            new Dictionary<string, string> { ["Input.NewPassword"] = "NewSecret2569", ["Input.ConfirmPassword"] = "NewSecret2569" });
        Assert.Contains("ลิงก์นี้ไม่ถูกต้องหรือหมดอายุแล้ว", (await response.HtmlAsync()).Body!.TextContent);
    }

    [GeneratedRegex(@"https://\S+")]
    private static partial Regex LinkPattern();

    private static int FreePort()
    {
        var l = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        l.Start();
        var port = ((IPEndPoint)l.LocalEndpoint).Port;
        l.Stop();
        return port;
    }
}

public sealed class ChangePasswordTests(LmsAppFactory app) : IClassFixture<LmsAppFactory>
{
    [Fact]
    public async Task A_teacher_changes_the_password_and_only_the_new_one_works()
    {
        var (_, user) = await app.CreatePersonAsync([SystemRole.Learner]);
        var client = app.NewClient();
        await client.SignInOkAsync(user);
        var response = await client.SubmitAsync("/Account/ChangePassword", new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = LmsAppFactory.DemoPassword, ["Input.NewPassword"] = "Changed2569",
            ["Input.ConfirmPassword"] = "Changed2569",
        });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("เปลี่ยนรหัสผ่านแล้ว", (await client.PageAsync("/Account/ChangePassword")).Body!.TextContent);
        await app.NewClient().SignInOkAsync(user, "Changed2569");
        Assert.Equal(HttpStatusCode.OK, (await app.NewClient().SignInAsync(user)).StatusCode);
    }

    [Theory]
    [InlineData("wrong-current", "Changed2569", "Changed2569", "รหัสผ่านปัจจุบันไม่ถูกต้อง")]
    [InlineData(LmsAppFactory.DemoPassword, "short1", "short1", "รหัสผ่านต้องมีอย่างน้อย 8 ตัวอักษร")]
    [InlineData(LmsAppFactory.DemoPassword, "NoDigitsHere", "NoDigitsHere", "ตัวเลข (0-9)")]
    [InlineData(LmsAppFactory.DemoPassword, "Changed2569", "Different2569", "รหัสผ่านทั้งสองช่องไม่ตรงกัน")]
    public async Task A_bad_change_is_explained_in_Thai_and_changes_nothing(string current, string next, string confirm, string message)
    {
        var (_, user) = await app.CreatePersonAsync([SystemRole.Learner]);
        var client = app.NewClient();
        await client.SignInOkAsync(user);
        var response = await client.SubmitAsync("/Account/ChangePassword", new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = current, ["Input.NewPassword"] = next, ["Input.ConfirmPassword"] = confirm,
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, (await response.HtmlAsync()).Body!.TextContent);
        await app.NewClient().SignInOkAsync(user);
    }
}
