using System.Text.RegularExpressions;

namespace Lms.Infrastructure.Markdown;

/// <summary>
/// The addresses course content may point at. Stricter than the sanitiser's own check on purpose: an address
/// is refused unless it is printable ASCII without spaces or backslashes (Markdig percent-encodes everything
/// else), so tab/newline-split schemes (<c>java&#x09;script:</c>) and <c>/\host</c> tricks never reach a browser.
/// </summary>
internal static partial class SafeUrl
{
    public enum Use { Link, Image }

    private const int MaxLength = 2048;

    public static bool IsAllowed(string? url, Use use)
    {
        if (string.IsNullOrEmpty(url) || url.Length > MaxLength) return false;
        foreach (var c in url)
            if (c is <= ' ' or >= '\x7f' or '\\') return false;

        if (url[0] == '#') return use == Use.Link;
        if (url.StartsWith("//", StringComparison.Ordinal)) return false; // another host, whatever scheme the page has

        var scheme = Scheme().Match(url);
        if (!scheme.Success)
        {
            // No scheme: a path on this site. A colon before the first / ? # could still be read as a scheme.
            var end = url.IndexOfAny(['/', '?', '#']);
            return !(end < 0 ? url : url[..end]).Contains(':');
        }

        switch (scheme.Groups[1].Value.ToLowerInvariant())
        {
            case "http" or "https":
                return Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Host.Length > 0;
            case "mailto":
                return use == Use.Link && url.Length > "mailto:".Length;
            default:
                return false;
        }
    }

    /// <summary>True for http(s) and mailto addresses, which leave the site (and get rel="noopener noreferrer nofollow").</summary>
    public static bool IsAbsolute(string url) => Scheme().IsMatch(url);

    /// <summary>A root-relative path on this site (<c>/files/…</c>), not <c>//host</c>.</summary>
    public static bool IsSitePath(string url) =>
        url.Length > 1 && url[0] == '/' && url[1] != '/' && IsAllowed(url, Use.Image);

    [GeneratedRegex(@"\A([A-Za-z][A-Za-z0-9+.\-]*):")]
    private static partial Regex Scheme();
}
