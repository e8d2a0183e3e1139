namespace Lms.Web.Security;

/// <summary>
/// Cookie names and flags. Deployed instances are served over HTTPS and use "__Host-" cookies
/// (Secure, Path=/, no Domain: a sibling sub-domain cannot plant or read them). `./run.sh` serves
/// plain http://localhost:5000, where ASP.NET refuses Secure antiforgery cookies, so Development
/// sets Security:HttpsOnly=false and drops the prefix.
/// </summary>
public sealed class CookiePolicy(bool httpsOnly)
{
    public bool HttpsOnly { get; } = httpsOnly;
    private string Prefix => HttpsOnly ? "__Host-" : "";

    public string Session => Prefix + "lms";
    public string Antiforgery => Prefix + "lms-af";
    public string Language => Prefix + "lms-lang";
    public CookieSecurePolicy SecurePolicy => HttpsOnly ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;

    public static CookiePolicy From(IConfiguration config) => new(config.GetValue("Security:HttpsOnly", true));
}
