namespace Lms.Infrastructure.Importing;

/// <summary>One row of a CSV or XLSX sheet as text, numbered as a spreadsheet shows it (first row = 1).</summary>
internal sealed record SheetRow(int Number, IReadOnlyList<string> Cells)
{
    /// <summary>Excel saves rows that were only formatted, or ",,,," lines; they are not data.</summary>
    public bool IsBlank => Cells.All(string.IsNullOrWhiteSpace);

    public string Cell(int index) => index < Cells.Count ? Cells[index] : "";
}
