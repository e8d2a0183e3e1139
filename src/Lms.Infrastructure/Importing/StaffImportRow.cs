using Lms.Domain.Organisation;

namespace Lms.Infrastructure.Importing;

/// <summary>
/// One data row of the file, with the values it parsed to (cleaned with <c>Text.Clean</c>) and every
/// error found in it. A value whose cell was wrong is left empty/null; only rows with
/// <see cref="IsValid"/> are meant to be created, and for those Position and UserName are always set.
/// </summary>
public sealed class StaffImportRow
{
    private readonly List<StaffImportError> errors = [];

    internal StaffImportRow(int rowNumber) => RowNumber = rowNumber;

    /// <summary>As the user sees it in the spreadsheet: the header is row 1, the first data row is row 2.</summary>
    public int RowNumber { get; }
    public string Email { get; internal set; } = "";
    /// <summary>As given, or the part of the e-mail before "@".</summary>
    public string UserName { get; internal set; } = "";
    public string Title { get; internal set; } = "";
    public string FirstName { get; internal set; } = "";
    public string LastName { get; internal set; } = "";
    public string FirstNameEn { get; internal set; } = "";
    public string LastNameEn { get; internal set; } = "";
    public Position? Position { get; internal set; }
    public Guid? SchoolId { get; internal set; }
    public SubjectArea? SubjectArea { get; internal set; }
    /// <summary><see cref="SystemRole"/> names; [Learner] when the cell is empty.</summary>
    public IReadOnlyList<string> Roles { get; internal set; } = [];

    public IReadOnlyList<StaffImportError> Errors => errors;
    public bool IsValid => errors.Count == 0;

    internal void AddError(string column, string code, string? value = null, int? otherRow = null) =>
        errors.Add(new StaffImportError(RowNumber, column, code, value, otherRow));
}
