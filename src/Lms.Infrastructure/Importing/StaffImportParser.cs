using System.Globalization;

namespace Lms.Infrastructure.Importing;

/// <summary>
/// Reads a staff list (CSV in UTF-8, or XLSX) into a <see cref="StaffImportPreview"/> without touching
/// the database: everything it needs to know comes in a <see cref="StaffImportContext"/>.
/// Stateless and thread-safe; register it as a singleton or just new it up.
/// </summary>
public sealed class StaffImportParser
{
    /// <param name="file">The upload. Read synchronously up to the size limit; an <c>IFormFile</c> stream
    /// is already buffered by then, so this does not block on the network.</param>
    /// <param name="fileName">Only used to word an error better: the format is told from the content.</param>
    public StaffImportPreview Parse(Stream file, string fileName, StaffImportContext ctx)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(ctx);

        var bytes = ImportFile.ReadAtMost(file, StaffImportLimits.MaxFileBytes);
        if (bytes is null)
            return StaffImportPreview.Failed(StaffImportErrorCodes.FileTooLarge, StaffImportLimits.MaxFileMegabytes.ToString(CultureInfo.InvariantCulture));
        if (bytes.Length == 0) return StaffImportPreview.Failed(StaffImportErrorCodes.FileEmpty);

        var fileErrors = new List<StaffImportError>();
        IEnumerable<SheetRow> sheet;
        switch (ImportFile.Detect(bytes))
        {
            case ImportFileKind.LegacyBinary:
                return StaffImportPreview.Failed(StaffImportErrorCodes.UnsupportedFormat);
            case ImportFileKind.Xlsx:
                if (!XlsxSheetReader.UnpacksToReasonableSize(bytes)) return StaffImportPreview.Failed(StaffImportErrorCodes.Unreadable);
                sheet = XlsxSheetReader.Read(bytes);
                break;
            default:
                // A ".xlsx" that is not a zip is a broken or renamed file, not a CSV in a strange encoding.
                if (fileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase)) return StaffImportPreview.Failed(StaffImportErrorCodes.Unreadable);
                if (!CsvSheetReader.TryDecodeUtf8(bytes, out var text)) return StaffImportPreview.Failed(StaffImportErrorCodes.NotUtf8);
                if (string.IsNullOrWhiteSpace(text)) return StaffImportPreview.Failed(StaffImportErrorCodes.FileEmpty);
                sheet = CsvSheetReader.Read(text, CsvSheetReader.DetectSeparator(text),
                    row => fileErrors.Add(new StaffImportError(row, "", StaffImportErrorCodes.CsvMalformed)));
                break;
        }

        SheetTable table;
        try
        {
            table = SheetTable.Collect(sheet, StaffImportLimits.MaxDataRows);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // MiniExcel throws many kinds of exception on a damaged or foreign zip (XmlException,
            // InvalidDataException, InvalidOperationException...); for the user they all mean "cannot read".
            return StaffImportPreview.Failed(StaffImportErrorCodes.Unreadable);
        }
        if (table.TooManyRows)
            return StaffImportPreview.Failed(StaffImportErrorCodes.TooManyRows, StaffImportLimits.MaxDataRows.ToString(CultureInfo.InvariantCulture));
        if (table.Header is null || table.Header.IsBlank) return StaffImportPreview.Failed(StaffImportErrorCodes.HeaderMissing);

        var warnings = new List<StaffImportError>();
        var map = HeaderMap.Read(table.Header, fileErrors, warnings);
        // Without its columns no row can be judged; row errors would only bury the real problem.
        if (fileErrors.Any(e => e.Code is StaffImportErrorCodes.MissingColumn or StaffImportErrorCodes.DuplicateColumn))
            return new StaffImportPreview([], fileErrors, warnings);
        if (table.DataRows.Count == 0) fileErrors.Add(new StaffImportError(null, "", StaffImportErrorCodes.NoDataRows));

        var reader = new StaffImportRowReader(map, ctx);
        var rows = table.DataRows.Select(reader.Read).ToList();
        InFileDuplicates.Flag(rows);
        return new StaffImportPreview(rows, fileErrors, warnings);
    }
}
