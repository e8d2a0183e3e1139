using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Localization;

namespace Lms.Web.Localization;

/// <summary>
/// One string table per language, keyed by the English text. English is the key itself (so a page
/// never shows a blank), Thai comes from the embedded Resources/th.json. A test checks that every
/// key used in code and pages has a Thai translation.
/// </summary>
public sealed class JsonStringLocalizer(FrozenDictionary<string, string> thai) : IStringLocalizer
{
    public LocalizedString this[string name]
    {
        get
        {
            if (!IsThai) return new LocalizedString(name, name, resourceNotFound: false);
            return thai.TryGetValue(name, out var value)
                ? new LocalizedString(name, value, resourceNotFound: false)
                : new LocalizedString(name, name, resourceNotFound: true);
        }
    }

    public LocalizedString this[string name, params object[] arguments]
    {
        get
        {
            var format = this[name];
            return new LocalizedString(name, string.Format(CultureInfo.CurrentCulture, format.Value, arguments),
                format.ResourceNotFound);
        }
    }

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) =>
        thai.Select(kv => new LocalizedString(kv.Key, IsThai ? kv.Value : kv.Key));

    private static bool IsThai => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "th";

    public static FrozenDictionary<string, string> LoadThai()
    {
        using var stream = typeof(JsonStringLocalizer).Assembly.GetManifestResourceStream("Lms.Web.Resources.th.json")
            ?? throw new InvalidOperationException("Resources/th.json is not embedded.");
        var map = JsonSerializer.Deserialize<Dictionary<string, string>>(stream)
            ?? throw new InvalidOperationException("Resources/th.json is empty.");
        return map.ToFrozenDictionary(StringComparer.Ordinal);
    }
}

public sealed class JsonStringLocalizerFactory : IStringLocalizerFactory
{
    private readonly JsonStringLocalizer localizer = new(JsonStringLocalizer.LoadThai());

    public IStringLocalizer Create(Type resourceSource) => localizer;
    public IStringLocalizer Create(string baseName, string location) => localizer;
}
