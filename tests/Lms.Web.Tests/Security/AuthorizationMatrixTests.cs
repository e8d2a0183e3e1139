using System.Net;
using AngleSharp.Html.Dom;
using Lms.Domain.Organisation;
using Lms.Web.Tests.Support;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Lms.Web.Tests.Security;

/// <summary>Signs in one person per role, each holding only that role.</summary>
public sealed class RoleClients : LmsAppFactory
{
    public Dictionary<string, HttpClient> ByRole { get; } = new();

    public async Task<HttpClient> ForAsync(string? role)
    {
        if (role is null) return NewClient();
        if (ByRole.TryGetValue(role, out var existing)) return existing;
        var (_, user) = await this.CreatePersonAsync([role], role == SystemRole.SchoolDirector ? Position.SchoolDirector : Position.Teacher);
        var client = NewClient();
        await client.SignInOkAsync(user);
        return ByRole[role] = client;
    }
}

public sealed class AuthorizationMatrixTests(RoleClients app, ITestOutputHelper output) : IClassFixture<RoleClients>
{
    public static readonly TheoryData<string> Identities = new() { "anonymous" };

    static AuthorizationMatrixTests()
    {
        foreach (var role in SystemRole.All) Identities.Add(role);
    }

    private sealed record Handler(string Page, string Method, string? Name);

    private async Task<List<Handler>> AllHandlersAsync()
    {
        var sources = app.Services.GetRequiredService<EndpointDataSource>();
        var loader = app.Services.GetRequiredService<PageLoader>();
        var handlers = new List<Handler>();
        foreach (var endpoint in sources.Endpoints)
        {
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is not { } page) continue;
            var compiled = await loader.LoadAsync(page, endpoint.Metadata);
            foreach (var h in compiled.HandlerMethods)
                handlers.Add(new Handler(page.ViewEnginePath, h.HttpMethod.ToUpperInvariant(), h.Name));
            if (compiled.HandlerMethods.Count == 0) handlers.Add(new Handler(page.ViewEnginePath, "GET", null));
        }
        return handlers.Distinct().ToList();
    }

    [Fact]
    public async Task Every_page_of_the_app_is_declared_in_the_matrix_and_nothing_else()
    {
        var pages = (await AllHandlersAsync()).Select(h => h.Page).Distinct().Order().ToList();
        Assert.Equal(AuthorizationMatrix.Pages.Keys.Order().ToList(), pages);
    }

    [Theory]
    [MemberData(nameof(Identities))]
    public async Task Every_page_and_handler_allows_or_refuses_as_declared(string identity)
    {
        var role = identity == "anonymous" ? null : identity;
        var client = await app.ForAsync(role);
        var failures = new List<string>();
        foreach (var h in await AllHandlersAsync())
        {
            var (sample, who) = AuthorizationMatrix.Pages[h.Page];
            var url = h.Name is null ? sample : $"{sample}{(sample.Contains('?') ? '&' : '?')}handler={h.Name}";
            using var request = new HttpRequestMessage(new HttpMethod(h.Method), url);
            if (h.Method != "GET") request.Content = new FormUrlEncodedContent([]);
            var response = await client.SendAsync(request);
            var location = response.Headers.Location?.OriginalString ?? "";
            var refused = response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden
                          || location.Contains("/Account/Login") || location.Contains("/Account/AccessDenied");
            var outcome = $"{h.Method} {url} as {identity} → {(int)response.StatusCode} {location}";
            output.WriteLine(outcome);
            if (who.Allows(role) == refused) failures.Add(outcome + (refused ? " (should be allowed)" : " (should be refused)"));
            // Every state-changing handler demands the antiforgery token (none was sent here).
            if (who.Allows(role) && h.Method == "POST" && response.StatusCode != HttpStatusCode.BadRequest
                && !AuthorizationMatrix.AntiforgeryExempt.ContainsKey(h.Page))
                failures.Add(outcome + " (POST without antiforgery token was not rejected)");
            if (!who.Allows(role) && role is null && !location.Contains("/Account/Login"))
                failures.Add(outcome + " (anonymous should be sent to sign in)");
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Theory]
    [MemberData(nameof(Identities))]
    public async Task Other_endpoints_allow_or_refuse_as_declared(string identity)
    {
        var role = identity == "anonymous" ? null : identity;
        var client = await app.ForAsync(role);
        foreach (var (endpoint, who) in AuthorizationMatrix.Endpoints)
        {
            var post = endpoint.StartsWith("POST ", StringComparison.Ordinal);
            var url = post ? endpoint["POST ".Length..] : endpoint;
            var response = post ? await client.PostAsync(url, new StringContent("")) : await client.GetAsync(url);
            Assert.True(who.Allows(role) == (response.StatusCode == HttpStatusCode.OK), $"{endpoint} as {identity} → {(int)response.StatusCode}");
        }
    }

    [Theory]
    [MemberData(nameof(Identities))]
    public async Task Secret_link_endpoints_need_their_secret_not_a_sign_in(string identity)
    {
        var client = await app.ForAsync(identity == "anonymous" ? null : identity);
        foreach (var url in AuthorizationMatrix.SecretLinkEndpoints)
        {
            var response = await client.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{url} as {identity} → {(int)response.StatusCode} {response.Headers.Location}");
        }
    }

    [Theory]
    [MemberData(nameof(Identities))]
    public async Task The_navigation_shows_each_role_only_pages_it_may_open(string identity)
    {
        if (identity == "anonymous") return;
        var client = await app.ForAsync(identity);
        var home = await client.PageAsync("/");
        var links = home.QuerySelectorAll("#main-nav a").OfType<IHtmlAnchorElement>().Select(a => a.GetAttribute("href")!).ToList();
        Assert.NotEmpty(links);
        foreach (var href in links)
        {
            var page = AuthorizationMatrix.Pages.Values.FirstOrDefault(p => p.SampleUrl == href);
            Assert.True(page.Who is not null, $"nav link {href} is not a declared page");
            Assert.True(page.Who.Allows(identity), $"{identity} sees a link to {href} which it may not open");
        }
        // And the reverse: administrators see the administration, nobody else does.
        Assert.Equal(identity == SystemRole.Administrator, links.Contains("/Admin"));
    }
}
