using System.Net;
using Lms.Domain.Organisation;
using Lms.Web.Tests.Support;

namespace Lms.Web.Tests.Security;

/// <summary>
/// The session cookie is checked against the database once the validation interval (60 s by default)
/// has passed, not on every request (Lms.Web.Security.StampValidation). These pin both sides of that
/// boundary and that a successful check still renews the cookie.
/// </summary>
public sealed class StampValidationTests : IAsyncLifetime
{
    private readonly LmsAppFactory app = new() { UseFakeClock = true };

    public Task InitializeAsync() => ((IAsyncLifetime)app).InitializeAsync();
    public Task DisposeAsync() => ((IAsyncLifetime)app).DisposeAsync();

    [Fact]
    public async Task Inside_the_interval_the_cookie_is_not_rechecked_and_after_it_a_deactivation_takes_effect()
    {
        var (id, user) = await app.CreatePersonAsync([SystemRole.Learner]);
        var person = app.NewClient();
        await person.SignInOkAsync(user);

        var admin = app.NewClient();
        await admin.SignInOkAsync("admin");
        var response = await admin.SubmitAsync($"/Admin/People/Edit/{id}", new Dictionary<string, string>(), handler: "Deactivate");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        app.Clock.Advance(TimeSpan.FromSeconds(59));
        Assert.Equal(HttpStatusCode.OK, (await person.GetAsync("/")).StatusCode);

        app.Clock.Advance(TimeSpan.FromSeconds(2));
        var after = await person.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Contains("/Account/Login", after.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_due_check_that_passes_renews_the_cookie_and_one_that_is_not_due_does_not()
    {
        var (_, user) = await app.CreatePersonAsync([SystemRole.Learner]);
        var person = app.NewClient();
        await person.SignInOkAsync(user);

        app.Clock.Advance(TimeSpan.FromSeconds(30));
        var early = await person.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, early.StatusCode);
        Assert.False(early.Headers.TryGetValues("Set-Cookie", out var earlyCookies)
                     && earlyCookies.Any(c => c.StartsWith("__Host-lms=")));

        app.Clock.Advance(TimeSpan.FromSeconds(31));
        var due = await person.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, due.StatusCode);
        Assert.Contains(due.Headers.GetValues("Set-Cookie"), c => c.StartsWith("__Host-lms="));
    }
}
