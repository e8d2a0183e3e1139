namespace Lms.Infrastructure.Importing;

/// <summary>
/// The columns of a staff import file. The constants are the English headings (and the keys used
/// in <see cref="StaffImportError.Column"/>); each also has a Thai heading, used by the template.
/// </summary>
public static class StaffImportColumns
{
    public const string Email = "email";
    public const string UserName = "username";
    public const string Title = "title";
    public const string FirstName = "first_name";
    public const string LastName = "last_name";
    public const string FirstNameEn = "first_name_en";
    public const string LastNameEn = "last_name_en";
    public const string Position = "position";
    public const string SchoolCode = "school_code";
    public const string School = "school";
    public const string SubjectArea = "subject_area";
    public const string Roles = "roles";

    /// <summary>In template order.</summary>
    public static IReadOnlyList<string> All { get; } =
        [Email, UserName, Title, FirstName, LastName, FirstNameEn, LastNameEn, Position, SchoolCode, School, SubjectArea, Roles];

    /// <summary>A file without one of these is refused. The school is required per row, by position.</summary>
    public static IReadOnlyList<string> Required { get; } = [Email, FirstName, LastName, Position];

    private static readonly Dictionary<string, string> ThaiHeadings = new()
    {
        [Email] = "อีเมล",
        [UserName] = "ชื่อผู้ใช้",
        [Title] = "คำนำหน้า",
        [FirstName] = "ชื่อ",
        [LastName] = "นามสกุล",
        [FirstNameEn] = "ชื่อภาษาอังกฤษ",
        [LastNameEn] = "นามสกุลภาษาอังกฤษ",
        [Position] = "ตำแหน่ง",
        [SchoolCode] = "รหัสโรงเรียน",
        [School] = "โรงเรียน",
        [SubjectArea] = "กลุ่มสาระ",
        [Roles] = "บทบาท",
    };

    private static readonly Dictionary<string, string> EnglishNames = new()
    {
        [Email] = "e-mail",
        [UserName] = "user name",
        [Title] = "title",
        [FirstName] = "first name",
        [LastName] = "last name",
        [FirstNameEn] = "first name in English",
        [LastNameEn] = "last name in English",
        [Position] = "position",
        [SchoolCode] = "school code",
        [School] = "school",
        [SubjectArea] = "subject area",
        [Roles] = "roles",
    };

    /// <summary>Other headings people write for the same column (besides the key and the Thai heading).</summary>
    private static readonly (string Column, string[] Headings)[] Aliases =
    [
        (Email, ["e-mail", "mail", "อีเมล์"]),
        (UserName, ["user", "login", "ชื่อผู้ใช้งาน"]),
        (Title, ["prefix", "คำนำหน้าชื่อ"]),
        (FirstName, ["given_name"]),
        (LastName, ["surname", "family_name"]),
        (FirstNameEn, ["ชื่อ (อังกฤษ)"]),
        (LastNameEn, ["นามสกุล (อังกฤษ)"]),
        (SchoolCode, ["รหัสสถานศึกษา"]),
        (School, ["school_name", "ชื่อโรงเรียน", "สถานศึกษา"]),
        (SubjectArea, ["subject", "กลุ่มสาระการเรียนรู้"]),
        (Roles, ["role"]),
    ];

    private static readonly Dictionary<string, string> ByKey = BuildLookup();

    /// <summary>The heading the template uses, e.g. "อีเมล".</summary>
    public static string ThaiHeading(string column) => ThaiHeadings.GetValueOrDefault(column, column);

    /// <summary>The column named in an English sentence, e.g. "first name".</summary>
    public static string EnglishName(string column) => EnglishNames.GetValueOrDefault(column, column);

    /// <summary>The column a heading stands for, or null.</summary>
    internal static string? Match(string heading) => ByKey.GetValueOrDefault(ImportKey.Of(heading));

    /// <summary>
    /// Headings of columns that hold a Thai national ID (เลขประจำตัวประชาชน). The office must not
    /// keep it (PDPA), but many staff lists exported from other systems carry one.
    /// </summary>
    internal static bool IsNationalIdHeading(string heading)
    {
        var key = ImportKey.Of(heading);
        return key.Contains("national", StringComparison.Ordinal) || key.Contains("citizen", StringComparison.Ordinal)
            || key.Contains("idcard", StringComparison.Ordinal) || key is "pid" or "cid"
            || key.Contains("ประชาชน", StringComparison.Ordinal) || key.Contains("บัตรประจำตัว", StringComparison.Ordinal);
    }

    private static Dictionary<string, string> BuildLookup()
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var column in All)
        {
            map[ImportKey.Of(column)] = column;
            map[ImportKey.Of(ThaiHeadings[column])] = column;
        }
        foreach (var (column, headings) in Aliases)
            foreach (var heading in headings) map[ImportKey.Of(heading)] = column;
        return map;
    }
}
