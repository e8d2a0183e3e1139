using System.Data;
using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Mvc;
using MiniExcelLibs;

namespace Lms.Web.Pages.Reports;

/// <summary>A report table as it is downloaded: headers in the reader's language and rows of plain values (numbers stay numbers).</summary>
public sealed record ReportTable(string Name, IReadOnlyList<string> Headers, IReadOnlyList<object?[]> Rows);

/// <summary>Report downloads: CSV that Excel opens as Thai, and XLSX workbooks of one or more sheets.</summary>
public static class ReportFile
{
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static FileContentResult Csv(ReportTable table, string fileName)
    {
        var csv = new StringBuilder();
        csv.AppendLine(string.Join(",", table.Headers.Select(Field)));
        foreach (var row in table.Rows) csv.AppendLine(string.Join(",", row.Select(Field)));
        // A BOM, or Excel reads the file in the machine's ANSI code page and the Thai turns to mojibake.
        byte[] bytes = [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];
        return new FileContentResult(bytes, "text/csv; charset=utf-8") { FileDownloadName = fileName };
    }

    public static async Task<FileContentResult> XlsxAsync(IEnumerable<ReportTable> sheets, string fileName, CancellationToken ct)
    {
        // DataTables rather than rows of dictionaries: a sheet with no rows still gets its header row.
        var workbook = sheets.ToDictionary(s => s.Name, s => (object)ToDataTable(s));
        using var stream = new MemoryStream();
        await stream.SaveAsAsync(workbook, cancellationToken: ct);
        return new FileContentResult(stream.ToArray(), XlsxContentType) { FileDownloadName = fileName };
    }

    public static string FileName(string prefix, TimeProvider clock, string extension) =>
        string.Create(CultureInfo.InvariantCulture, $"{prefix}-{clock.GetUtcNow():yyyyMMdd}.{extension}");

    private static DataTable ToDataTable(ReportTable t)
    {
        var table = new DataTable(t.Name) { Locale = CultureInfo.InvariantCulture };
        foreach (var h in t.Headers) table.Columns.Add(h, typeof(object));
        foreach (var row in t.Rows) table.Rows.Add(row.Select(v => v ?? DBNull.Value).ToArray());
        return table;
    }

    /// <summary>
    /// Every field quoted. Text that begins like a formula (=, +, -, @) is defused with an apostrophe, so a name cannot run
    /// as a spreadsheet formula; numbers are written in the invariant culture and keep their minus sign.
    /// </summary>
    private static string Field(object? value) => Quote(value switch
    {
        null => "",
        string s => Defuse(s),
        // Without the trailing zeros PostgreSQL's numeric(10,4) brings along: 5, not 5.0000.
        decimal d => d.ToString("0.####", CultureInfo.InvariantCulture),
        IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
        _ => Defuse(value.ToString() ?? ""),
    });

    private static string Defuse(string text) => text.Length > 0 && "=+-@\t\r".Contains(text[0]) ? "'" + text : text;

    private static string Quote(string value) => "\"" + value.Replace("\"", "\"\"") + "\"";
}
