namespace Lms.Infrastructure.Files;

/// <summary>The groups that upload limits and "what may go here" are set by.</summary>
[Flags]
public enum FileCategory
{
    None = 0,
    Image = 1,
    Document = 2,
    Video = 4,
    /// <summary>Sounds inside questions (a listening item imported from Moodle).</summary>
    Audio = 8,
    /// <summary>What a course designer may attach to a lesson.</summary>
    CourseContent = Image | Document | Video,
}

/// <summary>A kind of file the LMS accepts, recognised by its content (see <see cref="FileSniffer"/>).</summary>
/// <param name="Name">Shown to people, e.g. "PDF", "Word (.docx)".</param>
/// <param name="ContentType">The type the file is stored and served with (never the one the browser claimed).</param>
/// <param name="Extensions">Lower-case, with the dot; the first is the usual one.</param>
/// <param name="Inline">Whether a browser may show it in the page (PDF, pictures, video) rather than download it.</param>
public sealed record FileType(string Name, FileCategory Category, string ContentType, IReadOnlyList<string> Extensions, bool Inline);

public static class FileTypes
{
    public static readonly FileType Pdf = new("PDF", FileCategory.Document, "application/pdf", [".pdf"], Inline: true);
    public static readonly FileType Docx = new("Word (.docx)", FileCategory.Document,
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document", [".docx"], Inline: false);
    public static readonly FileType Xlsx = new("Excel (.xlsx)", FileCategory.Document,
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", [".xlsx"], Inline: false);
    public static readonly FileType Pptx = new("PowerPoint (.pptx)", FileCategory.Document,
        "application/vnd.openxmlformats-officedocument.presentationml.presentation", [".pptx"], Inline: false);
    public static readonly FileType Png = new("PNG", FileCategory.Image, "image/png", [".png"], Inline: true);
    public static readonly FileType Jpeg = new("JPEG", FileCategory.Image, "image/jpeg", [".jpg", ".jpeg"], Inline: true);
    public static readonly FileType Gif = new("GIF", FileCategory.Image, "image/gif", [".gif"], Inline: true);
    public static readonly FileType WebP = new("WebP", FileCategory.Image, "image/webp", [".webp"], Inline: true);
    public static readonly FileType Mp4 = new("MP4", FileCategory.Video, "video/mp4", [".mp4", ".m4v"], Inline: true);
    public static readonly FileType Mp3 = new("MP3", FileCategory.Audio, "audio/mpeg", [".mp3"], Inline: true);
    public static readonly FileType Ogg = new("Ogg", FileCategory.Audio, "audio/ogg", [".ogg", ".oga"], Inline: true);
    public static readonly FileType Wav = new("WAV", FileCategory.Audio, "audio/wav", [".wav"], Inline: true);

    // SVG is deliberately absent: it is XML that can carry script, run with the site's origin when opened.
    // Plain ZIP, HTML and executables are absent too: nothing a lesson needs, much that could harm.
    public static readonly IReadOnlyList<FileType> All = [Pdf, Docx, Xlsx, Pptx, Png, Jpeg, Gif, WebP, Mp4, Mp3, Ogg, Wav];

    /// <summary>The accepted type stored with <paramref name="contentType"/>, if any.</summary>
    public static FileType? ByContentType(string? contentType) =>
        All.FirstOrDefault(t => string.Equals(t.ContentType, contentType, StringComparison.OrdinalIgnoreCase));

    public static IEnumerable<FileType> In(FileCategory categories) => All.Where(t => (t.Category & categories) != 0);
}
