using System.Text;

namespace Lms.Infrastructure.QuestionBank;

/// <summary>
/// The text of an uploaded question file. Moodle writes UTF-8; Windows Notepad's "Unicode" is UTF-16 with a byte-order
/// mark, which Thai designers meet too. Anything else (a Word document renamed .txt, a TIS-620 file) is refused rather
/// than imported as garbled Thai.
/// </summary>
public static class QuestionFileText
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The text, or null when the bytes are not text.</summary>
    public static string? Decode(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        string text;
        try
        {
            text = bytes switch
            {
                [0xEF, 0xBB, 0xBF, ..] => StrictUtf8.GetString(bytes, 3, bytes.Length - 3),
                [0xFF, 0xFE, ..] => new UnicodeEncoding(false, false, true).GetString(bytes, 2, bytes.Length - 2),
                [0xFE, 0xFF, ..] => new UnicodeEncoding(true, false, true).GetString(bytes, 2, bytes.Length - 2),
                _ => StrictUtf8.GetString(bytes),
            };
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
        return text.Contains('\0') ? null : text;
    }

    /// <summary>"gift" for .txt and .gift, "xml" for .xml (as Moodle's import page tells them apart), else null.</summary>
    public static string? FormatOf(string fileName) =>
        Path.GetExtension((fileName ?? "").Trim()).ToLowerInvariant() switch
        {
            ".txt" or ".gift" => "gift",
            ".xml" => "xml",
            _ => null,
        };
}
