namespace Lms.Infrastructure.Importing;

/// <summary>The header (row 1) and the non-blank rows after it, read up to the row limit.</summary>
internal sealed class SheetTable
{
    public SheetRow? Header { get; private init; }
    public List<SheetRow> DataRows { get; } = [];
    /// <summary>Set as soon as one row too many is seen; reading stops there, so a huge file costs little.</summary>
    public bool TooManyRows { get; private set; }

    public static SheetTable Collect(IEnumerable<SheetRow> rows, int maxDataRows)
    {
        SheetTable? table = null;
        foreach (var row in rows)
        {
            if (table is null) { table = new SheetTable { Header = row }; continue; }
            // Blank rows (trailing ones above all: Excel keeps formatted empty rows) are not data.
            if (row.IsBlank) continue;
            if (table.DataRows.Count == maxDataRows) { table.TooManyRows = true; break; }
            table.DataRows.Add(row);
        }
        return table ?? new SheetTable();
    }
}
