using Lms.Web.Setup;
using Microsoft.Extensions.Configuration;

namespace Lms.Web.Tests.Security;

public sealed class ProductionGuardTests
{
    private static IConfiguration Config(params (string Key, string? Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

    private const string SafeConnection = "Host=db;Database=lms;Username=lms_app;Password=Zq8-long-random-secret";

    [Fact]
    public void Production_with_deployed_settings_has_no_problems() =>
        Assert.Empty(ProductionSecretsGuard.Find(Config(("ConnectionStrings:Lms", SafeConnection), PublicUrl)));

    private static readonly (string, string?) PublicUrl = ("App:PublicBaseUrl", "https://lms.sukhothai.example.go.th");

    [Theory]
    [InlineData(null)]
    [InlineData("http://lms.sukhothai.example.go.th")]
    [InlineData("lms.sukhothai.example.go.th")]
    public void A_missing_or_plain_http_public_address_is_refused(string? url) =>
        Assert.Contains(ProductionSecretsGuard.Find(Config(("ConnectionStrings:Lms", SafeConnection), ("App:PublicBaseUrl", url))),
            p => p.Contains("App:PublicBaseUrl", StringComparison.Ordinal));

    [Theory]
    [InlineData("Seed:DemoData", "true")]
    [InlineData("Seed:DemoPassword", "Demo@2569")]
    [InlineData("Security:HttpsOnly", "false")]
    public void Development_settings_are_refused(string key, string value) =>
        Assert.NotEmpty(ProductionSecretsGuard.Find(Config(("ConnectionStrings:Lms", SafeConnection), PublicUrl, (key, value))));

    [Theory]
    [InlineData("Host=db;Database=lms;Username=lms;Password=lms")]
    [InlineData("Host=db;Database=lms;Username=lms")]
    public void The_published_development_database_password_is_refused(string connection) =>
        Assert.NotEmpty(ProductionSecretsGuard.Find(Config(("ConnectionStrings:Lms", connection), PublicUrl)));

    [Fact]
    public void The_app_refuses_to_start_in_Production_with_the_development_seed()
    {
        using var app = new Support.LmsAppFactory().With("ASPNETCORE_ENVIRONMENT", "Production");
        var error = Assert.ThrowsAny<Exception>(() => app.WithWebHostBuilder(b => b.UseSetting("environment", "Production")).CreateClient());
        Assert.Contains("Refusing to start in Production", error.ToString());
    }
}
