using Npgsql;

namespace Lms.Web.Setup;

/// <summary>
/// Refuses to start a Production instance that still carries a development value: the demo seed,
/// the demo password, the private cluster's well-known database password, or no public https address. A misconfigured
/// deployment must fail loudly at start, not run with secrets that are printed in the README.
/// </summary>
public static class ProductionSecretsGuard
{
    /// <summary>Values that are published in this repository and so can never be secrets.</summary>
    public static readonly IReadOnlyList<string> PublishedValues = ["lms", "Demo@2569", "postgres", "password"];

    public static void EnsureSafe(IConfiguration config, IHostEnvironment env)
    {
        if (!env.IsProduction()) return;
        var problems = Find(config).ToList();
        if (problems.Count > 0)
            throw new InvalidOperationException("Refusing to start in Production with development settings: " +
                                                string.Join("; ", problems));
    }

    public static IEnumerable<string> Find(IConfiguration config)
    {
        if (config.GetValue<bool>("Seed:DemoData")) yield return "Seed:DemoData is true";
        if (!string.IsNullOrEmpty(config["Seed:DemoPassword"])) yield return "Seed:DemoPassword is set";
        if (!config.GetValue("Security:HttpsOnly", true)) yield return "Security:HttpsOnly is false (cookies without Secure)";
        // Certificates print their verification address in a QR code and e-mails link back to the site: the code's
        // default (http://localhost:5000) would print unusable QR codes on paper that cannot be recalled.
        var publicUrl = config["App:PublicBaseUrl"];
        if (string.IsNullOrWhiteSpace(publicUrl)) yield return "App:PublicBaseUrl is not set (QR codes and e-mail links would point at localhost)";
        else if (!Uri.TryCreate(publicUrl, UriKind.Absolute, out var url) || url.Scheme != Uri.UriSchemeHttps)
            yield return "App:PublicBaseUrl is not an https address";
        var cs = config.GetConnectionString("Lms");
        if (string.IsNullOrWhiteSpace(cs)) yield return "ConnectionStrings:Lms is missing";
        else
        {
            var password = new NpgsqlConnectionStringBuilder(cs).Password;
            if (string.IsNullOrEmpty(password) || PublishedValues.Contains(password, StringComparer.OrdinalIgnoreCase))
                yield return "the database password is empty or a published development value";
        }
    }
}
