using System.Globalization;
using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace Lms.Infrastructure.Files;

/// <summary>
/// Keys look like <c>2026/11/3f2a…</c> (32 hex digits): year and month for a person looking at the folder or
/// container, 128 random bits so that nobody can guess another file's key.
/// </summary>
public static partial class FileKeys
{
    /// <summary>A new key for a file saved at <paramref name="now"/> (UTC).</summary>
    public static string New(DateTimeOffset now)
    {
        var utc = now.ToUniversalTime();
        // Invariant: under th-TH "yyyy" would be the Buddhist year (2569).
        return string.Create(CultureInfo.InvariantCulture,
            $"{utc:yyyy}/{utc:MM}/{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16))}");
    }

    public static bool IsValid(string? key) => key is not null && Shape().IsMatch(key);

    /// <summary>Refuses anything that is not a key the store made: "../", absolute paths, backslashes, blob prefixes.</summary>
    public static string Validate(string? key) =>
        IsValid(key) ? key! : throw new ArgumentException($"'{key}' is not a file key.", nameof(key));

    [GeneratedRegex(@"\A[0-9]{4}/[0-9]{2}/[0-9a-f]{32}\z", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
