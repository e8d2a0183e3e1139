using System.Text.RegularExpressions;

namespace Lms.Infrastructure.Markdown;

/// <summary>
/// A YouTube or Vimeo video recognised from the address a designer pasted. Only the provider and a strictly
/// validated id (and, for unlisted Vimeo videos, the hex hash) survive: the player address is rebuilt from
/// them, never copied from the Markdown.
/// </summary>
public sealed partial record VideoLink(string Provider, string Id, string? Hash = null)
{
    public const string YouTube = "youtube";
    public const string Vimeo = "vimeo";

    /// <summary>The video's own page, for the link shown until (or unless) the player loads.</summary>
    public string WatchUrl => Provider == YouTube
        ? "https://www.youtube.com/watch?v=" + Id
        : "https://vimeo.com/" + Id + (Hash is null ? "" : "/" + Hash);

    public static VideoLink? TryParse(string? url)
    {
        if (string.IsNullOrWhiteSpace(url) || url.Length > 500) return null;
        if (!Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri)) return null;
        if (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp) return null;
        if (!uri.IsDefaultPort || !string.IsNullOrEmpty(uri.UserInfo)) return null;

        var host = uri.Host.ToLowerInvariant();
        var segments = uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        switch (host)
        {
            case "youtu.be":
                return segments.Length == 1 ? YouTubeId(segments[0]) : null;
            case "youtube.com" or "www.youtube.com" or "m.youtube.com" or "www.youtube-nocookie.com":
                if (segments is ["watch"]) return YouTubeId(QueryValue(uri.Query, "v"));
                if (segments is ["embed" or "shorts" or "live", var id]) return YouTubeId(id);
                return null;
            case "vimeo.com" or "www.vimeo.com":
                if (segments is [var v]) return VimeoId(v, null);
                if (segments is [var v2, var hash]) return VimeoId(v2, hash);
                return null;
            case "player.vimeo.com":
                if (segments is ["video", var p]) return VimeoId(p, QueryValue(uri.Query, "h"));
                return null;
            default:
                return null;
        }
    }

    private static VideoLink? YouTubeId(string? id) =>
        id is not null && YouTubeIdPattern().IsMatch(id) ? new VideoLink(YouTube, id) : null;

    private static VideoLink? VimeoId(string id, string? hash)
    {
        if (!VimeoIdPattern().IsMatch(id)) return null;
        if (hash is not null && !VimeoHashPattern().IsMatch(hash)) return null;
        return new VideoLink(Vimeo, id, hash);
    }

    private static string? QueryValue(string query, string name)
    {
        foreach (var pair in query.TrimStart('?').Split('&'))
        {
            var eq = pair.IndexOf('=');
            if (eq > 0 && pair[..eq] == name) return pair[(eq + 1)..];
        }
        return null;
    }

    // Patterns with \z, not $: $ also matches before a final newline.
    [GeneratedRegex(@"\A[A-Za-z0-9_-]{11}\z")]
    private static partial Regex YouTubeIdPattern();

    [GeneratedRegex(@"\A[0-9]{1,12}\z")]
    private static partial Regex VimeoIdPattern();

    [GeneratedRegex(@"\A[0-9a-f]{6,32}\z")]
    private static partial Regex VimeoHashPattern();
}
