namespace Lms.Infrastructure.Importing;

internal enum ImportFileKind { Csv, Xlsx, LegacyBinary }

/// <summary>Reads the upload and tells its kind from its first bytes; the file name can lie.</summary>
internal static class ImportFile
{
    /// <summary>The bytes, or null when there are more than <paramref name="maxBytes"/>
    /// (we stop reading there rather than buffering whatever the client sends).</summary>
    public static byte[]? ReadAtMost(Stream stream, int maxBytes)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (buffer.Length + read > maxBytes) return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    public static ImportFileKind Detect(ReadOnlySpan<byte> bytes)
    {
        // XLSX is a zip: local file header "PK\x03\x04".
        if (bytes.StartsWith("PK\u0003\u0004"u8)) return ImportFileKind.Xlsx;
        // Compound File Binary: the old .xls (and .doc). Saying so beats "not UTF-8".
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1])) return ImportFileKind.LegacyBinary;
        return ImportFileKind.Csv;
    }
}
