namespace Lms.Infrastructure.Importing;

/// <summary>
/// One problem found in an import file, as a code plus arguments rather than a sentence, so the
/// web layer can show it in the user's language (see <see cref="StaffImportMessages"/>).
/// Warnings use the same shape.
/// </summary>
/// <param name="Row">The spreadsheet row the user sees (header = 1, first data row = 2); null for the whole file.</param>
/// <param name="Column">A column key from <see cref="StaffImportColumns"/>, or "" when no single column is at fault.</param>
/// <param name="Code">One of <see cref="StaffImportErrorCodes"/>.</param>
/// <param name="Value">What the code is about: usually the cell as typed; for limits, the limit (see each code).</param>
/// <param name="OtherRow">For duplicates within the file: the other row with the same value.</param>
public sealed record StaffImportError(int? Row, string Column, string Code, string? Value = null, int? OtherRow = null);
