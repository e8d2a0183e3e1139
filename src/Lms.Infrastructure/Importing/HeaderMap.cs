namespace Lms.Infrastructure.Importing;

/// <summary>Which cell of a row holds which column, read from the header row (row 1).</summary>
internal sealed class HeaderMap
{
    private readonly Dictionary<string, int> indexOf;

    private HeaderMap(Dictionary<string, int> indexOf) => this.indexOf = indexOf;

    public bool Has(string column) => indexOf.ContainsKey(column);

    /// <summary>The raw cell, or "" when the file has no such column.</summary>
    public string Cell(SheetRow row, string column) => indexOf.TryGetValue(column, out var i) ? row.Cell(i) : "";

    /// <summary>Maps the headings. Missing or doubled required columns go to <paramref name="fileErrors"/>;
    /// columns we do not read go to <paramref name="warnings"/> so the user knows their data was left out.</summary>
    public static HeaderMap Read(SheetRow header, List<StaffImportError> fileErrors, List<StaffImportError> warnings)
    {
        var indexOf = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < header.Cells.Count; i++)
        {
            var heading = header.Cells[i].Trim();
            if (heading.Length == 0) continue;
            var column = StaffImportColumns.Match(heading);
            if (column is null)
            {
                // Never read, hence never stored; the warning tells the admin why.
                var code = StaffImportColumns.IsNationalIdHeading(heading)
                    ? StaffImportErrorCodes.NationalIdColumnIgnored
                    : StaffImportErrorCodes.UnknownColumn;
                warnings.Add(new StaffImportError(null, "", code, heading));
            }
            else if (!indexOf.TryAdd(column, i))
            {
                // "email" and "อีเมล" side by side: we cannot know which one the user meant.
                fileErrors.Add(new StaffImportError(null, column, StaffImportErrorCodes.DuplicateColumn, heading));
            }
        }
        foreach (var column in StaffImportColumns.Required.Where(c => !indexOf.ContainsKey(c)))
            fileErrors.Add(new StaffImportError(null, column, StaffImportErrorCodes.MissingColumn));
        return new HeaderMap(indexOf);
    }
}
