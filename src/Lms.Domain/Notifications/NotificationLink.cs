namespace Lms.Domain.Notifications;

/// <summary>
/// Where a notification leads: a page of this site, written app-relative ("/Learn/Course/…"). Anything that could
/// leave the site — a scheme ("https:", "javascript:"), a protocol-relative "//host" or its backslash twin "/\host"
/// that browsers treat the same — is refused, so the bell can never be turned into an open redirect.
/// </summary>
public static class NotificationLink
{
    public const int MaxLength = 500;

    public static bool IsAppRelative(string? link)
    {
        if (string.IsNullOrEmpty(link) || link.Length > MaxLength || link[0] != '/') return false;
        if (link.Length > 1 && (link[1] == '/' || link[1] == '\\')) return false;
        foreach (var c in link)
            if (char.IsControl(c) || char.IsWhiteSpace(c) || c == '\\') return false;
        return true;
    }
}
