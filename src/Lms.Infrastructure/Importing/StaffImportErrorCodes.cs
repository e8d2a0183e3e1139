namespace Lms.Infrastructure.Importing;

/// <summary>
/// Stable codes of <see cref="StaffImportError"/>. "file." codes stop or spoil the whole file,
/// "warning." codes are advice, "row." codes belong to one data row.
/// </summary>
public static class StaffImportErrorCodes
{
    public const string FileEmpty = "file.empty";
    /// <summary>Value: the limit in megabytes.</summary>
    public const string FileTooLarge = "file.too_large";
    /// <summary>Value: the limit in data rows.</summary>
    public const string TooManyRows = "file.too_many_rows";
    /// <summary>CSV whose bytes are not valid UTF-8 (typically Windows-874/TIS-620 saved by an old Excel). We never guess the encoding.</summary>
    public const string NotUtf8 = "file.not_utf8";
    /// <summary>A file we recognise but do not read, such as the old binary .xls.</summary>
    public const string UnsupportedFormat = "file.unsupported_format";
    /// <summary>A damaged or non-spreadsheet file that claimed to be XLSX.</summary>
    public const string Unreadable = "file.unreadable";
    /// <summary>Unbalanced quotes in a CSV record; Row is that record's row.</summary>
    public const string CsvMalformed = "file.csv_malformed";
    public const string HeaderMissing = "file.header_missing";
    public const string NoDataRows = "file.no_rows";
    /// <summary>Column: the missing column key.</summary>
    public const string MissingColumn = "file.missing_column";
    /// <summary>Column: the column key; Value: the second heading that maps to it.</summary>
    public const string DuplicateColumn = "file.duplicate_column";

    /// <summary>Value: the heading as typed. The column is not read.</summary>
    public const string UnknownColumn = "warning.unknown_column";
    /// <summary>Value: the heading as typed. The column is not read or stored (PDPA).</summary>
    public const string NationalIdColumnIgnored = "warning.national_id_ignored";

    public const string Required = "row.required";
    /// <summary>Value: the maximum length.</summary>
    public const string TooLong = "row.too_long";
    /// <summary>A cell holds a 13-digit number shaped like a Thai national ID. Value is null on purpose: the ID is not echoed back.</summary>
    public const string NationalIdInCell = "row.national_id";
    public const string EmailInvalid = "row.email_invalid";
    /// <summary>The import only creates people; it never updates an existing account.</summary>
    public const string EmailExists = "row.email_exists";
    /// <summary>OtherRow: the other row with this e-mail.</summary>
    public const string EmailDuplicate = "row.email_duplicate";
    public const string UserNameInvalid = "row.username_invalid";
    public const string UserNameExists = "row.username_exists";
    /// <summary>OtherRow: the other row with this user name.</summary>
    public const string UserNameDuplicate = "row.username_duplicate";
    public const string PositionUnknown = "row.position_unknown";
    public const string SchoolCodeUnknown = "row.school_code_unknown";
    public const string SchoolNameUnknown = "row.school_name_unknown";
    /// <summary>Several schools share the name; the user must give the code.</summary>
    public const string SchoolAmbiguous = "row.school_ambiguous";
    /// <summary>The code and the name columns point at different schools. Value: the name.</summary>
    public const string SchoolMismatch = "row.school_mismatch";
    public const string SchoolInactive = "row.school_inactive";
    /// <summary>Value: the position as typed.</summary>
    public const string SchoolRequired = "row.school_required";
    public const string SubjectUnknown = "row.subject_unknown";
    /// <summary>Value: the one role name that is not known.</summary>
    public const string RoleUnknown = "row.role_unknown";

    /// <summary>Every code, for tests and for checking that each one has messages.</summary>
    public static IReadOnlyList<string> All { get; } =
        typeof(StaffImportErrorCodes).GetFields()
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!)
            .ToArray();
}
