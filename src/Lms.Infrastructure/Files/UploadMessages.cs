using System.Globalization;
using System.Text.RegularExpressions;
using E = Lms.Infrastructure.Files.UploadErrorCodes;

namespace Lms.Infrastructure.Files;

/// <summary>
/// Thai and English sentences for every <see cref="UploadErrorCodes"/> code. Placeholders: {limit} (MB),
/// {extension} (as the file was named), {type} (what the content is), {allowed} (the accepted types).
/// The result is plain text; the page must HTML-encode it (Razor does), since {extension} comes from the user.
/// </summary>
public static partial class UploadMessages
{
    private static readonly Dictionary<string, (string Thai, string English)> Templates = new()
    {
        [E.Empty] = ("ไฟล์ว่างเปล่า ไม่มีข้อมูล", "The file is empty."),
        [E.TooLarge] = ("ไฟล์ {type} มีขนาดใหญ่เกิน {limit} MB กรุณาลดขนาดไฟล์แล้วส่งใหม่",
            "{type} files may be at most {limit} MB; make the file smaller and upload it again."),
        [E.TypeNotAllowed] = ("ไม่รองรับไฟล์ชนิดนี้ ระบบรับเฉพาะไฟล์ {allowed}",
            "This type of file is not accepted. Accepted: {allowed}."),
        [E.ExtensionMismatch] = ("นามสกุลของไฟล์ ({extension}) ไม่ตรงกับเนื้อหา ซึ่งเป็นไฟล์ {type} กรุณาแก้ชื่อไฟล์ให้ถูกต้องแล้วส่งใหม่",
            "The file name ends in {extension}, but the file is a {type} file; correct the name and upload it again."),
    };

    [GeneratedRegex(@"\{(limit|extension|type|allowed)\}")]
    private static partial Regex Placeholder();

    /// <summary>E.g. "ไฟล์ MP4 มีขนาดใหญ่เกิน 500 MB …"; an empty string for an accepted file.</summary>
    public static string Describe(UploadCheck check, bool thai)
    {
        if (check.ErrorCode is null) return "";
        var (th, en) = Templates.TryGetValue(check.ErrorCode, out var t) ? t : (check.ErrorCode, check.ErrorCode);
        return Placeholder().Replace(thai ? th : en, m => m.Groups[1].Value switch
        {
            "limit" => check.LimitMegabytes?.ToString(CultureInfo.InvariantCulture) ?? "",
            "extension" => check.Extension.Length > 0 ? check.Extension : thai ? "ไม่มีนามสกุล" : "no extension",
            "type" => check.Type?.Name ?? "",
            _ => string.Join(", ", FileTypes.In(check.Allowed).Select(x => x.Name)),
        });
    }

    public static bool HasTemplate(string code) => Templates.ContainsKey(code);
}
