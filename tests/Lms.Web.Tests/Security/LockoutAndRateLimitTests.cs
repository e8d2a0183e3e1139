using System.Net;
using Lms.Domain.Organisation;
using Lms.Web.Tests.Support;

namespace Lms.Web.Tests.Security;

public sealed class LockoutTests(LmsAppFactory app) : IClassFixture<LmsAppFactory>
{
    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_so_even_the_right_password_is_refused()
    {
        var (_, user) = await app.CreatePersonAsync([SystemRole.Learner]);
        var client = app.NewClient();
        for (var i = 0; i < 4; i++)
            Assert.Equal(HttpStatusCode.OK, (await client.SignInAsync(user, "wrong-" + i)).StatusCode);

        var fifth = await client.SignInAsync(user, "wrong-5");
        Assert.Equal("/Account/Lockout", fifth.Headers.Location?.OriginalString);

        var right = await client.SignInAsync(user);
        Assert.Equal("/Account/Lockout", right.Headers.Location?.OriginalString);
        var page = await client.PageAsync("/Account/Lockout");
        Assert.Contains("บัญชีของคุณถูกล็อก 15 นาที", page.Body!.TextContent);
    }

    [Fact]
    public async Task A_successful_sign_in_resets_the_count_of_wrong_passwords()
    {
        var (_, user) = await app.CreatePersonAsync([SystemRole.Learner]);
        var client = app.NewClient();
        for (var i = 0; i < 4; i++) await client.SignInAsync(user, "wrong-" + i);
        await client.SignInOkAsync(user);

        var other = app.NewClient();
        for (var i = 0; i < 4; i++) await other.SignInAsync(user, "wrong-again-" + i);
        await other.SignInOkAsync(user); // still not locked: the earlier four were forgiven
    }
}

public sealed class RateLimitTests : IAsyncLifetime
{
    private readonly LmsAppFactory app = new LmsAppFactory().With("RateLimits:SignInPostsPerWindow", "3");

    public Task InitializeAsync() => ((IAsyncLifetime)app).InitializeAsync();
    public Task DisposeAsync() => ((IAsyncLifetime)app).DisposeAsync();

    [Fact]
    public async Task Too_many_sign_in_posts_from_one_address_get_429_with_a_Thai_message()
    {
        var client = app.NewClient();
        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.OK, (await client.SignInAsync("nobody", "x-" + i)).StatusCode);

        var limited = await client.SignInAsync("nobody", "x-4");

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.True(limited.Headers.RetryAfter is not null);
        Assert.Contains("ลองหลายครั้งเกินไป", await limited.Content.ReadAsStringAsync());
        // Reading the page is never limited: a whole school behind one address can still open it.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/Account/Login")).StatusCode);
    }

    [Fact]
    public async Task Password_reset_requests_are_rate_limited_too()
    {
        var client = app.NewClient();
        HttpResponseMessage last = null!;
        for (var i = 0; i < 4; i++)
            last = await client.SubmitAsync("/Account/ForgotPassword", new Dictionary<string, string> { ["Email"] = "a@b.example" });
        Assert.Equal(HttpStatusCode.TooManyRequests, last.StatusCode);
    }
}
