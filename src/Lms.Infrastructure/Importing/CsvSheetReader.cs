using System.Text.Unicode;
using CsvHelper;

namespace Lms.Infrastructure.Importing;

/// <summary>
/// Reads CSV text with CsvHelper (quoted fields, embedded separators and line breaks).
/// Row numbers are CsvHelper's <see cref="CsvReader.RowNumber"/> with the header read as an ordinary
/// record and empty lines kept: that counts records, so a record whose quoted field spans three lines
/// is still one row, as Excel shows it when it opens the file. (<see cref="CsvReader.LineNumber"/>
/// would count physical lines, which the user cannot see in Excel.)
/// </summary>
internal static class CsvSheetReader
{
    /// <summary>Strict UTF-8, BOM optional. False for anything else: guessing between Windows-874
    /// and other code pages silently garbles Thai names, so the user is asked to re-save instead.</summary>
    public static bool TryDecodeUtf8(byte[] bytes, out string text)
    {
        var span = bytes.AsSpan();
        if (span.StartsWith("\uFEFF"u8)) span = span[3..];
        text = "";
        if (!Utf8.IsValid(span)) return false;
        var decoded = System.Text.Encoding.UTF8.GetString(span);
        // NUL never occurs in a text CSV, but does in UTF-16 ("Unicode text") saved without a BOM.
        if (decoded.Contains('\0')) return false;
        text = decoded;
        return true;
    }

    /// <summary>Comma, unless the header line has no comma but has semicolons (European Excel) or tabs.</summary>
    public static char DetectSeparator(string text)
    {
        var end = text.IndexOfAny(['\r', '\n']);
        var header = end < 0 ? text : text[..end];
        if (header.Contains(',')) return ',';
        var semicolons = header.Count(c => c == ';');
        var tabs = header.Count(c => c == '\t');
        if (semicolons == 0 && tabs == 0) return ',';
        return semicolons >= tabs ? ';' : '\t';
    }

    public static IEnumerable<SheetRow> Read(string text, char separator, Action<int> onMalformedRecord)
    {
        var options = new CsvReaderOptions
        {
            Separator = separator,
            // The header is read as row 1 like any other row; HeaderMap interprets it.
            HasHeader = false,
            // Kept so that RowNumber stays the spreadsheet row; blank rows are dropped later.
            SkipEmptyLines = false,
            DetectSeparatorHint = false,
            // Names are personal data: keep them out of exception messages and logs.
            IncludeValuesInExceptions = false,
            FieldCountMismatch = CsvFieldCountHandling.Allow,
            MalformedData = CsvMalformedDataHandling.Recover,
            OnMalformedRecord = m => onMalformedRecord((int)m.RecordNumber),
        };
        using var reader = CsvReader.FromText(text, options);
        while (reader.Read())
            yield return new SheetRow((int)reader.RowNumber, reader.Current.ToArray());
    }
}
