using System.IO.Compression;
using System.Text;

namespace Lms.Infrastructure.Files;

/// <summary>
/// Tells what a file is from its bytes, not its name: a renamed HTML page or program is not a PDF because it
/// ends in ".pdf". Office files are ZIP archives: they are told apart (and from any other ZIP) by the part names
/// in the archive's central directory, without unpacking anything.
/// </summary>
public static class FileSniffer
{
    private const int HeadLength = 256;
    private static ReadOnlySpan<byte> PngSignature => [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];
    private static ReadOnlySpan<byte> JpegSignature => [0xFF, 0xD8, 0xFF];

    // ISO base media brands of MP4 video that browsers play. QuickTime ("qt  "), audio-only M4A and 3GP are not among them.
    private static readonly HashSet<string> Mp4Brands =
        ["isom", "iso2", "iso3", "iso4", "iso5", "iso6", "mp41", "mp42", "avc1", "M4V ", "M4VP", "mmp4", "dash", "MSNV", "f4v "];

    /// <summary>The type of the seekable <paramref name="content"/> (read from its start), or null if it is none we accept.
    /// Leaves the stream at position 0.</summary>
    public static async Task<FileType?> DetectAsync(Stream content, CancellationToken ct = default)
    {
        if (!content.CanSeek) throw new ArgumentException("The stream must be seekable (an IFormFile's stream is).", nameof(content));
        content.Position = 0;
        try
        {
            var head = new byte[HeadLength];
            var n = await content.ReadAtLeastAsync(head, HeadLength, throwOnEndOfStream: false, ct);
            var h = head.AsSpan(0, n);

            if (h.StartsWith("%PDF-"u8)) return FileTypes.Pdf;
            if (h.StartsWith(PngSignature)) return FileTypes.Png;
            if (h.StartsWith(JpegSignature)) return FileTypes.Jpeg;
            if (h.StartsWith("GIF87a"u8) || h.StartsWith("GIF89a"u8)) return FileTypes.Gif;
            if (h.Length >= 12 && h.StartsWith("RIFF"u8) && h[8..12].SequenceEqual("WEBP"u8)) return FileTypes.WebP;
            if (IsMp4(h)) return FileTypes.Mp4;
            if (h.Length >= 12 && h.StartsWith("RIFF"u8) && h[8..12].SequenceEqual("WAVE"u8)) return FileTypes.Wav;
            if (h.StartsWith("OggS"u8)) return FileTypes.Ogg;
            if (h.StartsWith("ID3"u8) || IsMpegAudioFrame(h)) return FileTypes.Mp3;
            if (h.StartsWith("PK\x03\x04"u8)) return await OfficeTypeAsync(content, ct);
            return null;
        }
        finally
        {
            content.Position = 0;
        }
    }

    /// <summary>
    /// An MP3 without an ID3 tag starts with a frame header: 11 sync bits, then a layer that is not "reserved" (00, which
    /// ADTS AAC uses). JPEG's FF D8 is not a sync pattern, so the two are never confused.
    /// </summary>
    private static bool IsMpegAudioFrame(ReadOnlySpan<byte> h) =>
        h.Length >= 4 && h[0] == 0xFF && (h[1] & 0xE0) == 0xE0 && (h[1] & 0x06) != 0 && (h[2] & 0xF0) != 0xF0;

    /// <summary>An ISO base media file starts with an "ftyp" box: size, "ftyp", major brand, version, compatible brands.</summary>
    private static bool IsMp4(ReadOnlySpan<byte> h)
    {
        if (h.Length < 16 || !h[4..8].SequenceEqual("ftyp"u8)) return false;
        var size = (int)Math.Min((uint)(h[0] << 24 | h[1] << 16 | h[2] << 8 | h[3]), (uint)h.Length);
        if (size < 16) return false;
        if (Mp4Brands.Contains(Encoding.ASCII.GetString(h[8..12]))) return true;
        for (var i = 16; i + 4 <= size; i += 4)
            if (Mp4Brands.Contains(Encoding.ASCII.GetString(h[i..(i + 4)]))) return true;
        return false;
    }

    private static async Task<FileType?> OfficeTypeAsync(Stream content, CancellationToken ct)
    {
        content.Position = 0;
        string[] names;
        try
        {
            // Read mode on a seekable stream reads only the central directory; nothing is decompressed.
            await using var zip = await ZipArchive.CreateAsync(content, ZipArchiveMode.Read, leaveOpen: true, entryNameEncoding: null, ct);
            names = zip.Entries.Select(e => e.FullName).ToArray();
        }
        catch (Exception e) when (e is InvalidDataException or NotSupportedException or ArgumentOutOfRangeException or EndOfStreamException)
        {
            return null; // not a readable ZIP
        }

        if (!names.Contains("[Content_Types].xml", StringComparer.Ordinal)) return null; // a plain ZIP
        // Macro-enabled documents (.docm, .xlsm, .pptm) carry VBA: not for course materials.
        if (names.Any(n => n.EndsWith("vbaProject.bin", StringComparison.OrdinalIgnoreCase))) return null;
        FileType[] kinds =
        [
            .. names.Any(n => n.StartsWith("word/", StringComparison.Ordinal)) ? [FileTypes.Docx] : Array.Empty<FileType>(),
            .. names.Any(n => n.StartsWith("xl/", StringComparison.Ordinal)) ? [FileTypes.Xlsx] : Array.Empty<FileType>(),
            .. names.Any(n => n.StartsWith("ppt/", StringComparison.Ordinal)) ? [FileTypes.Pptx] : Array.Empty<FileType>(),
        ];
        return kinds.Length == 1 ? kinds[0] : null;
    }
}
