using System.Globalization;
using System.Text.RegularExpressions;
using E = Lms.Infrastructure.Importing.StaffImportErrorCodes;

namespace Lms.Infrastructure.Importing;

/// <summary>
/// Thai and English sentences for every <see cref="StaffImportErrorCodes"/> code, for the admin page.
/// Placeholders: {value}, {other} (the other row), {column} (the column's name in the language),
/// {key} (the column's English heading, e.g. "first_name").
/// The result is plain text; the page must HTML-encode it (Razor does), since {value} is user input.
/// </summary>
public static partial class StaffImportMessages
{
    private static readonly Dictionary<string, (string Thai, string English)> Templates = new()
    {
        [E.FileEmpty] = ("ไฟล์ว่างเปล่า ไม่มีข้อมูล", "The file is empty."),
        [E.FileTooLarge] = ("ไฟล์มีขนาดใหญ่เกิน {value} MB กรุณาแบ่งเป็นหลายไฟล์", "The file is larger than {value} MB; split it into several files."),
        [E.TooManyRows] = ("ไฟล์มีข้อมูลเกิน {value} แถว กรุณาแบ่งเป็นหลายไฟล์", "The file has more than {value} data rows; split it into several files."),
        [E.NotUtf8] = ("ไฟล์ไม่ได้บันทึกเป็น UTF-8 ภาษาไทยจะอ่านไม่ถูกต้อง ใน Excel ให้เลือก \"บันทึกเป็น\" แล้วเลือกชนิด \"CSV UTF-8 (คั่นด้วยจุลภาค)\" หรือบันทึกเป็น .xlsx",
            "The file is not UTF-8, so Thai text would be garbled. In Excel use Save As → \"CSV UTF-8 (Comma delimited)\", or save it as .xlsx."),
        [E.UnsupportedFormat] = ("ไม่รองรับไฟล์ชนิดนี้ (เช่น .xls แบบเก่า) กรุณาบันทึกเป็น .xlsx หรือ CSV UTF-8", "This file type is not supported (e.g. the old .xls). Save it as .xlsx or CSV UTF-8."),
        [E.Unreadable] = ("อ่านไฟล์ไม่ได้ ไฟล์อาจเสียหายหรือไม่ใช่ไฟล์ Excel", "The file could not be read; it may be damaged or not an Excel file."),
        [E.CsvMalformed] = ("เครื่องหมายอัญประกาศ (\") ไม่ครบคู่ ข้อมูลแถวนี้และแถวถัดไปอาจผิด", "A quotation mark (\") is not closed; this row and the ones after it may be wrong."),
        [E.HeaderMissing] = ("ไม่พบหัวตารางในแถวที่ 1 (แถวแรกต้องเป็นชื่อคอลัมน์)", "Row 1 must hold the column headings, but it is empty."),
        [E.NoDataRows] = ("ไม่มีข้อมูลบุคลากรในไฟล์ (มีแต่หัวตาราง)", "The file has headings but no data rows."),
        [E.MissingColumn] = ("ไม่พบคอลัมน์ \"{column}\" ({key}) ซึ่งจำเป็นต้องมี", "The required column \"{key}\" is missing."),
        [E.DuplicateColumn] = ("มีคอลัมน์ \"{column}\" ซ้ำกัน (หัวตาราง \"{value}\")", "The column \"{key}\" appears twice (heading \"{value}\")."),
        [E.UnknownColumn] = ("ไม่รู้จักคอลัมน์ \"{value}\" ข้อมูลในคอลัมน์นี้จะไม่ถูกนำเข้า", "Unknown column \"{value}\" is ignored."),
        [E.NationalIdColumnIgnored] = ("คอลัมน์ \"{value}\" เป็นเลขประจำตัวประชาชน ระบบจะไม่นำเข้าและไม่จัดเก็บข้อมูลนี้ (ตาม พ.ร.บ. คุ้มครองข้อมูลส่วนบุคคล)",
            "Column \"{value}\" holds national ID numbers; it is ignored and not stored (PDPA)."),
        [E.Required] = ("ต้องระบุ{column}", "The {column} is required."),
        [E.TooLong] = ("{column}ยาวเกิน {value} ตัวอักษร", "The {column} is longer than {value} characters."),
        [E.NationalIdInCell] = ("ช่อง{column}มีตัวเลข 13 หลักคล้ายเลขประจำตัวประชาชน ระบบไม่จัดเก็บข้อมูลนี้ (PDPA) กรุณาลบออก",
            "The {column} contains a 13-digit number that looks like a national ID, which is not stored (PDPA); remove it."),
        [E.EmailInvalid] = ("อีเมล \"{value}\" ไม่ถูกต้อง", "\"{value}\" is not a valid e-mail address."),
        [E.EmailExists] = ("อีเมล {value} มีในระบบแล้ว การนำเข้านี้ใช้เพิ่มบุคลากรใหม่เท่านั้น ไม่แก้ไขข้อมูลเดิม",
            "{value} already exists. This import only creates new people; it does not change existing ones."),
        [E.EmailDuplicate] = ("อีเมล {value} ซ้ำกับแถวที่ {other}", "The e-mail {value} is also in row {other}."),
        [E.UserNameInvalid] = ("ชื่อผู้ใช้ \"{value}\" ใช้ได้เฉพาะตัวอักษรภาษาอังกฤษ ตัวเลข และเครื่องหมาย - . _ @ +",
            "The user name \"{value}\" may contain only English letters, digits and - . _ @ +."),
        [E.UserNameExists] = ("ชื่อผู้ใช้ {value} มีในระบบแล้ว กรุณาระบุชื่อผู้ใช้อื่นในคอลัมน์ชื่อผู้ใช้",
            "The user name {value} already exists; put another one in the username column."),
        [E.UserNameDuplicate] = ("ชื่อผู้ใช้ {value} ซ้ำกับแถวที่ {other} กรุณาระบุชื่อผู้ใช้ให้ต่างกัน",
            "The user name {value} is also in row {other}; give them different user names."),
        [E.PositionUnknown] = ("ไม่รู้จักตำแหน่ง \"{value}\"", "Unknown position \"{value}\"."),
        [E.SchoolCodeUnknown] = ("ไม่พบโรงเรียนรหัส {value}", "No school has the code {value}."),
        [E.SchoolNameUnknown] = ("ไม่พบโรงเรียนชื่อ \"{value}\"", "No school is named \"{value}\"."),
        [E.SchoolAmbiguous] = ("มีโรงเรียนชื่อ \"{value}\" มากกว่าหนึ่งแห่ง กรุณาระบุรหัสโรงเรียน", "More than one school is named \"{value}\"; give the school code."),
        [E.SchoolMismatch] = ("รหัสโรงเรียนไม่ตรงกับชื่อโรงเรียน \"{value}\"", "The school code and the school name \"{value}\" are different schools."),
        [E.SchoolInactive] = ("โรงเรียน {value} ถูกปิดการใช้งานแล้ว", "The school {value} is inactive."),
        [E.SchoolRequired] = ("ตำแหน่ง \"{value}\" ต้องระบุโรงเรียน", "A person with the position \"{value}\" must have a school."),
        [E.SubjectUnknown] = ("ไม่รู้จักกลุ่มสาระ \"{value}\"", "Unknown subject area \"{value}\"."),
        [E.RoleUnknown] = ("ไม่รู้จักบทบาท \"{value}\" (ใช้ได้: Administrator, CourseDesigner, Trainer, Supervisor, SchoolDirector, Learner)",
            "Unknown role \"{value}\" (use Administrator, CourseDesigner, Trainer, Supervisor, SchoolDirector, Learner)."),
    };

    [GeneratedRegex(@"\{(value|other|column|key)\}")]
    private static partial Regex Placeholder();

    /// <summary>E.g. "แถวที่ 3: ไม่พบโรงเรียนรหัส 64019999" or "Row 3: No school has the code 64019999."</summary>
    public static string Describe(StaffImportError error, bool thai)
    {
        var (th, en) = Templates.TryGetValue(error.Code, out var t) ? t : (error.Code, error.Code);
        // One pass, so a value that itself contains "{other}" is shown as typed.
        var text = Placeholder().Replace(thai ? th : en, m => m.Groups[1].Value switch
        {
            "value" => error.Value ?? "",
            "other" => error.OtherRow?.ToString(CultureInfo.InvariantCulture) ?? "",
            "key" => error.Column,
            _ => ColumnName(error.Column, thai),
        });
        if (error.Row is not { } row) return text;
        return thai ? $"แถวที่ {row}: {text}" : $"Row {row}: {text}";
    }

    /// <summary>Whether <see cref="Describe"/> has sentences of its own for the code.</summary>
    public static bool HasTemplate(string code) => Templates.ContainsKey(code);

    private static string ColumnName(string column, bool thai) =>
        thai ? StaffImportColumns.ThaiHeading(column) : StaffImportColumns.EnglishName(column);
}
