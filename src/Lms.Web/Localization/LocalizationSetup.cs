using System.Globalization;
using Microsoft.AspNetCore.Localization;
using Lms.Web.Security;
using Microsoft.Extensions.Localization;

namespace Lms.Web.Localization;

public static class LocalizationSetup
{
    public static readonly CultureInfo Thai = CultureInfo.GetCultureInfo("th-TH");
    public static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");
    public static readonly CultureInfo[] Supported = [Thai, English];

    /// <summary>
    /// Thai by default whatever the browser says (the office's staff read Thai first); English only
    /// when the person chose it with the switcher, which is remembered in a cookie and on the account.
    /// </summary>
    public static IServiceCollection AddLmsLocalization(this IServiceCollection services, CookiePolicy cookies)
    {
        services.AddSingleton<IStringLocalizerFactory, JsonStringLocalizerFactory>();
        services.AddLocalization();
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture(Thai);
            o.SupportedCultures = Supported;
            o.SupportedUICultures = Supported;
            o.RequestCultureProviders = [new CookieRequestCultureProvider { CookieName = cookies.Language }];
        });
        return services;
    }

    public static void WriteCultureCookie(HttpResponse response, CultureInfo culture)
    {
        var cookies = response.HttpContext.RequestServices.GetRequiredService<CookiePolicy>();
        response.Cookies.Append(cookies.Language, CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
            new CookieOptions
            {
                Path = "/", Secure = cookies.HttpsOnly || response.HttpContext.Request.IsHttps, HttpOnly = true, SameSite = SameSiteMode.Lax, IsEssential = true,
                Expires = DateTimeOffset.UtcNow.AddYears(1),
            });
    }

    public static CultureInfo? Parse(string? name) =>
        Supported.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase)
                                      || string.Equals(c.TwoLetterISOLanguageName, name, StringComparison.OrdinalIgnoreCase));
}
