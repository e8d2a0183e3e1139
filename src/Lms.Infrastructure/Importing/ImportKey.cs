using System.Text;
using Lms.Domain.Common;

namespace Lms.Infrastructure.Importing;

/// <summary>
/// Folds a heading or a name typed by a person into a lookup key, so "First Name", "first_name"
/// and "FIRST-NAME" match, and so do "ครู ผู้ช่วย" and "ครูผู้ช่วย".
/// </summary>
internal static class ImportKey
{
    public static string Of(string? value)
    {
        // Sara am can be typed as nikhahit + sara aa (ํา): it looks the same as ำ, but NFC
        // (applied by Text.Clean) does not join the two code points.
        var s = Text.Clean(value).Replace("\u0E4D\u0E32", "\u0E33", StringComparison.Ordinal).ToLowerInvariant();
        var sb = new StringBuilder(s.Length);
        foreach (var c in s)
        {
            if (c is ' ' or '_' or '-' or '.' or '(' or ')' or '*') continue;
            sb.Append(c);
        }
        return sb.ToString();
    }
}
