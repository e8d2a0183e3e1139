using System.Net;
using Lms.Domain.Organisation;
using Lms.Infrastructure.Persistence;
using Lms.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Lms.Web.Tests.Security;

/// <summary>Runs on a controllable clock so "within minutes" can be tested without waiting.</summary>
public sealed class DeactivationSignsOutTests : IAsyncLifetime
{
    private readonly LmsAppFactory app = new() { UseFakeClock = true };

    public Task InitializeAsync() => ((IAsyncLifetime)app).InitializeAsync();
    public Task DisposeAsync() => ((IAsyncLifetime)app).DisposeAsync();

    [Fact]
    public async Task A_deactivated_person_is_signed_out_within_a_minute_and_cannot_sign_in_again()
    {
        var (id, user) = await app.CreatePersonAsync([SystemRole.Learner]);
        var teacher = app.NewClient();
        await teacher.SignInOkAsync(user);
        Assert.Equal(HttpStatusCode.OK, (await teacher.GetAsync("/")).StatusCode);

        var admin = app.NewClient();
        await admin.SignInOkAsync("admin");
        var response = await admin.SubmitAsync($"/Admin/People/Edit/{id}", new Dictionary<string, string>(), handler: "Deactivate");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        // Still inside the validation interval the old cookie works; after it, the session is gone.
        app.Clock.Advance(TimeSpan.FromSeconds(61));
        var after = await teacher.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Contains("/Account/Login", after.Headers.Location!.OriginalString);

        var again = await app.NewClient().SignInAsync(user);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode); // the form again, with the generic message
        Assert.Contains("ไม่ถูกต้อง", (await again.HtmlAsync()).Text(".validation-summary-errors"));
        Assert.False(await app.DbAsync(db => db.People.Where(p => p.Id == id).Select(p => p.IsActive).SingleAsync()));
    }
}

public sealed class CookieAndHeaderTests(LmsAppFactory app) : IClassFixture<LmsAppFactory>
{
    [Fact]
    public async Task Session_and_antiforgery_cookies_are_Host_prefixed_secure_and_http_only()
    {
        var client = app.NewClient();
        var login = await client.GetAsync("/Account/Login");
        var antiforgery = login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("__Host-lms-af="));
        Assert.Contains("secure", antiforgery, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", antiforgery, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/", antiforgery, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("domain=", antiforgery, StringComparison.OrdinalIgnoreCase);

        var signIn = await client.SignInAsync("teacher");
        var session = signIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("__Host-lms="));
        Assert.Contains("secure", session, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", session, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", session, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("/Account/Login")]
    [InlineData("/health")]
    [InlineData("/no-such-page")]
    public async Task Every_response_carries_the_security_headers(string url)
    {
        var response = await app.NewClient().GetAsync(url);
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self'", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.DoesNotContain("unsafe-eval", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Contains("max-age=", response.Headers.GetValues("Strict-Transport-Security").Single());
        Assert.False(string.IsNullOrEmpty(response.Headers.GetValues("X-Request-Id").Single()));
    }

    [Fact]
    public async Task A_form_post_without_the_antiforgery_token_is_rejected()
    {
        var client = app.NewClient();
        await client.SignInOkAsync("teacher");
        var response = await client.PostAsync("/Account/ChangePassword", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = LmsAppFactory.DemoPassword, ["Input.NewPassword"] = "Hijacked123", ["Input.ConfirmPassword"] = "Hijacked123",
        }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("ระบบไม่เข้าใจคำขอ", await response.Content.ReadAsStringAsync()); // explained, not a blank page
        await app.NewClient().SignInOkAsync("teacher"); // the password did not change
    }

    [Fact]
    public async Task Passwords_are_hashed_with_PBKDF2_at_210000_iterations_or_more()
    {
        var (id, _) = await app.CreatePersonAsync([SystemRole.Learner]);
        var hash = Convert.FromBase64String(await app.DbAsync(db => db.Users.Where(u => u.Id == id).Select(u => u.PasswordHash!).SingleAsync()));
        // ASP.NET Identity v3 format: 0x01, PRF (4 bytes), iteration count (4 bytes, big-endian), salt length, salt, subkey.
        Assert.Equal(0x01, hash[0]);
        var iterations = (hash[5] << 24) | (hash[6] << 16) | (hash[7] << 8) | hash[8];
        Assert.True(iterations >= 210_000, $"{iterations} iterations");
    }

    [Fact]
    public async Task Data_protection_keys_are_kept_in_PostgreSQL()
    {
        var client = app.NewClient();
        await client.SignInOkAsync("teacher");
        Assert.True(await app.DbAsync(db => db.DataProtectionKeys.AnyAsync()));
    }

    [Fact]
    public async Task Health_reports_PostgreSQL_reachable()
    {
        var response = await app.NewClient().GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }
}

public sealed class HealthWithoutDatabaseTests
{
    [Fact]
    public async Task Health_reports_unhealthy_when_PostgreSQL_cannot_be_reached()
    {
        await using var app = new LmsAppFactory()
            .With("Database:MigrateOnStartup", "false")
            // No Hangfire workers: with no database they retry until the host's shutdown timeout runs out.
            .With("Jobs:RunServer", "false")
            .With("ConnectionStrings:Lms", "Host=127.0.0.1;Port=1;Database=none;Username=x;Password=y;Timeout=2");
        var response = await app.NewClient().GetAsync("/health");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
    }
}
