using System.IO.Compression;
using System.Text;

namespace Lms.Web.Tests.Files;

/// <summary>Files of each kind, made in the test: the bytes a real file of that kind starts with, plus filler.</summary>
public static class SampleFiles
{
    /// <summary>A PDF of <paramref name="length"/> bytes whose filler differs from byte to byte (so a wrong range shows).</summary>
    public static byte[] Pdf(int length = 300_000, int seed = 1)
    {
        var head = Encoding.UTF8.GetBytes("%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n1 0 obj\n<< /Title (แผนการจัดการเรียนรู้) >>\nendobj\n");
        var bytes = Filler(length, seed);
        head.AsSpan(0, Math.Min(head.Length, length)).CopyTo(bytes);
        return bytes;
    }

    public static byte[] Png() => [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, .. Filler(500, 2)];
    public static byte[] Jpeg() => [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0, .. Filler(500, 3)];
    public static byte[] Gif() => [.. "GIF89a"u8, .. Filler(500, 4)];
    public static byte[] WebP() => [.. "RIFF"u8, 0x24, 0x00, 0x00, 0x00, .. "WEBPVP8 "u8, .. Filler(500, 5)];

    /// <summary>An MP4 as phones and encoders write it: an "ftyp" box (brand isom, compatible iso2 avc1 mp41), then media.</summary>
    public static byte[] Mp4(int length = 2000) =>
        [0, 0, 0, 0x20, .. "ftypisom"u8, 0, 0, 2, 0, .. "isomiso2avc1mp41"u8, 0, 0, 0, 8, .. "free"u8, .. Filler(length - 40, 6)];

    /// <summary>A QuickTime movie (.mov): an "ftyp" box, but not MP4.</summary>
    public static byte[] QuickTime() => [0, 0, 0, 0x14, .. "ftypqt  "u8, 0, 0, 2, 0, .. "qt  "u8, .. Filler(500, 7)];

    public static byte[] Docx() => Zip("[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/styles.xml", "docProps/core.xml");
    public static byte[] Xlsx() => Zip("[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/worksheets/sheet1.xml");
    public static byte[] Pptx() => Zip("[Content_Types].xml", "_rels/.rels", "ppt/presentation.xml", "ppt/slides/slide1.xml");
    /// <summary>A Word document with macros (.docm) renamed .docx.</summary>
    public static byte[] Docm() => Zip("[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/vbaProject.bin");
    public static byte[] PlainZip() => Zip("งาน/บทที่1.txt", "readme.txt");
    /// <summary>A ZIP that has Office's content-types part but no document in it.</summary>
    public static byte[] ZipWithContentTypesOnly() => Zip("[Content_Types].xml", "other/thing.xml");

    public static byte[] Html() => "<!DOCTYPE html><html><body><script>alert(1)</script></body></html>"u8.ToArray();
    public static byte[] Svg() => "<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"u8.ToArray();
    public static byte[] Exe() => [.. "MZ"u8, 0x90, 0x00, 0x03, .. Filler(500, 8)];

    public static byte[] Filler(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    private static byte[] Zip(params string[] entries)
    {
        var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
            foreach (var name in entries)
            {
                using var w = new StreamWriter(zip.CreateEntry(name).Open());
                w.Write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><x>ข้อความ</x>");
            }
        return ms.ToArray();
    }
}
