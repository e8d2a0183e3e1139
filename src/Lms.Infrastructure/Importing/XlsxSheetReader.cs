using System.Globalization;
using System.IO.Compression;
using MiniExcelLibs;

namespace Lms.Infrastructure.Importing;

/// <summary>
/// Reads the first sheet of an XLSX with MiniExcel, without treating row 1 as a header (HeaderMap
/// does that). MiniExcel yields a row for every sheet row, filling gaps with empty rows, so the
/// n-th row it yields is spreadsheet row n.
/// </summary>
internal static class XlsxSheetReader
{
    /// <summary>Refuses a zip whose entries declare more than the limit unpacked (a zip bomb).</summary>
    public static bool UnpacksToReasonableSize(byte[] bytes)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
            return zip.Entries.Sum(e => e.Length) <= StaffImportLimits.MaxXlsxUncompressedBytes;
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }

    public static IEnumerable<SheetRow> Read(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes, writable: false);
        var number = 0;
        foreach (IDictionary<string, object?> row in MiniExcel.Query(stream, useHeaderRow: false, excelType: ExcelType.XLSX))
            yield return new SheetRow(++number, row.Values.Select(CellText).ToArray());
    }

    /// <summary>Cells come back typed. School codes and IDs typed into Excel become numbers, so a whole
    /// number is written without decimals or exponent (64019999, not 6.4019999E+07).</summary>
    private static string CellText(object? value) => value switch
    {
        null => "",
        string s => s,
        double d when d == Math.Floor(d) && Math.Abs(d) < 1e15 => ((long)d).ToString(CultureInfo.InvariantCulture),
        DateTime dt => dt.ToString(dt.TimeOfDay == TimeSpan.Zero ? "yyyy-MM-dd" : "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        bool b => b ? "TRUE" : "FALSE",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
