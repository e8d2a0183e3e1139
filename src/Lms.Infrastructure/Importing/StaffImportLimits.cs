namespace Lms.Infrastructure.Importing;

/// <summary>Sizes the import accepts. Name lengths mirror <c>Person.Rename</c> and the column sizes in
/// <c>PersonConfiguration</c>, so a row that passes here cannot fail when the person is created.</summary>
public static class StaffImportLimits
{
    /// <summary>An office has a few thousand staff; bigger files are more likely a wrong export than a real list.</summary>
    public const int MaxDataRows = 5000;
    public const int MaxFileMegabytes = 5;
    public const int MaxFileBytes = MaxFileMegabytes * 1024 * 1024;

    public const int TitleMaxLength = 60;
    public const int NameMaxLength = 100;
    /// <summary>ASP.NET Identity's default column size for Email and UserName.</summary>
    public const int EmailMaxLength = 256;
    public const int UserNameMaxLength = 256;

    /// <summary>What an XLSX may declare it unpacks to. A 5 MB sheet of 5,000 rows unpacks to a few
    /// tens of MB at most; more is a zip bomb, which we refuse before MiniExcel inflates it.</summary>
    internal const long MaxXlsxUncompressedBytes = 100L * 1024 * 1024;
}
