namespace Lms.Infrastructure.Importing;

/// <summary>
/// What a file would import, shown to the admin before anything is written. The caller decides
/// whether to import all-or-nothing (<see cref="IsValid"/>) or only <see cref="ValidRows"/>.
/// </summary>
public sealed class StaffImportPreview(
    IReadOnlyList<StaffImportRow> rows,
    IReadOnlyList<StaffImportError> fileErrors,
    IReadOnlyList<StaffImportError> warnings)
{
    public IReadOnlyList<StaffImportRow> Rows { get; } = rows;
    /// <summary>Problems with the file as a whole. When the file could not be read at all, <see cref="Rows"/> is empty.</summary>
    public IReadOnlyList<StaffImportError> FileErrors { get; } = fileErrors;
    /// <summary>Advice that does not stop the import, e.g. columns that were ignored.</summary>
    public IReadOnlyList<StaffImportError> Warnings { get; } = warnings;

    /// <summary>The file was read, has at least one row, and every row can be created.</summary>
    public bool IsValid => FileErrors.Count == 0 && Rows.Count > 0 && Rows.All(r => r.IsValid);
    public IReadOnlyList<StaffImportRow> ValidRows => Rows.Where(r => r.IsValid).ToArray();
    public IReadOnlyList<StaffImportRow> InvalidRows => Rows.Where(r => !r.IsValid).ToArray();
    /// <summary>File errors, then row errors in row order.</summary>
    public IEnumerable<StaffImportError> AllErrors => FileErrors.Concat(Rows.SelectMany(r => r.Errors));

    internal static StaffImportPreview Failed(string code, string? value = null) =>
        new([], [new StaffImportError(null, "", code, value)], []);
}
