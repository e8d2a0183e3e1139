using CsvHelper;
using Lms.Domain.Organisation;
using MiniExcelLibs;
using C = Lms.Infrastructure.Importing.StaffImportColumns;

namespace Lms.Infrastructure.Importing;

/// <summary>
/// Blank staff lists for the admin to download and fill in: Thai headings and one example row,
/// which <see cref="StaffImportParser"/> reads back as a valid row (given the example school exists).
/// </summary>
public static class StaffImportTemplate
{
    public const string CsvFileName = "staff-import-template.csv";
    public const string XlsxFileName = "staff-import-template.xlsx";
    public const string CsvContentType = "text/csv; charset=utf-8";
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>UTF-8 with a BOM: without it Excel opens the file as Windows-874 and shows Thai as gibberish.</summary>
    /// <param name="exampleSchool">A real school for the example row; a placeholder code when null.</param>
    public static byte[] Csv(StaffImportSchool? exampleSchool = null)
    {
        using var stream = new MemoryStream();
        var options = new CsvWriterOptions
        {
            WriteByteOrderMark = true,
            NewLine = "\r\n",
            Injection = CsvInjection.Escape,
        };
        using (var writer = CsvWriter.Create(stream, options, leaveOpen: true))
        {
            writer.WriteRecord(C.All.Select(C.ThaiHeading).ToArray());
            writer.WriteRecord(C.All.Select(c => Example(exampleSchool)[c]).ToArray());
        }
        return stream.ToArray();
    }

    /// <summary>Sheet 1 is the list (the parser reads only the first sheet); sheet 2 explains each column.</summary>
    public static byte[] Xlsx(StaffImportSchool? exampleSchool = null)
    {
        var example = Example(exampleSchool);
        var list = new[] { C.All.ToDictionary(C.ThaiHeading, c => (object)example[c]) };
        var help = C.All.Select(c => new Dictionary<string, object>
        {
            ["คอลัมน์"] = C.ThaiHeading(c),
            ["หัวตารางภาษาอังกฤษ"] = c,
            ["จำเป็น"] = C.Required.Contains(c) ? "จำเป็น" : c is C.SchoolCode or C.School ? "จำเป็นสำหรับครู ครูผู้ช่วย ผู้บริหาร (ระบุรหัสหรือชื่ออย่างใดอย่างหนึ่ง)" : "ไม่จำเป็น",
            ["ค่าที่ใช้ได้"] = Explanation(c),
        }).ToArray();
        var sheets = new Dictionary<string, object> { ["บุคลากร"] = list, ["คำอธิบาย"] = help };

        using var stream = new MemoryStream();
        stream.SaveAs(sheets, excelType: ExcelType.XLSX);
        return stream.ToArray();
    }

    private static Dictionary<string, string> Example(StaffImportSchool? school) => new()
    {
        [C.Email] = "somchai.j@example.com",
        [C.UserName] = "somchai.j",
        [C.Title] = "นาย",
        [C.FirstName] = "สมชาย",
        [C.LastName] = "ใจดี",
        [C.FirstNameEn] = "Somchai",
        [C.LastNameEn] = "Jaidee",
        [C.Position] = PositionNames.Thai[Position.Teacher],
        [C.SchoolCode] = school?.Code ?? "12345678",
        [C.School] = school?.NameTh ?? "",
        [C.SubjectArea] = SubjectAreaNames.Thai[SubjectArea.Mathematics],
        [C.Roles] = SystemRole.Learner,
    };

    private static string Explanation(string column) => column switch
    {
        C.Email => "อีเมลที่ใช้เข้าสู่ระบบ ห้ามซ้ำกับที่มีในระบบ",
        C.UserName => "ตัวอักษรภาษาอังกฤษ ตัวเลข - . _ @ + ถ้าว่างจะใช้ส่วนหน้าเครื่องหมาย @ ของอีเมล",
        C.Position => string.Join(", ", PositionNames.Thai.Values),
        C.SchoolCode => "รหัสโรงเรียนตามระบบของสำนักงาน",
        C.School => "ชื่อโรงเรียน จะมีคำว่า \"โรงเรียน\" นำหน้าหรือไม่ก็ได้",
        C.SubjectArea => string.Join(", ", SubjectAreaNames.Thai.Values),
        C.Roles => string.Join(", ", SystemRole.All) + " คั่นด้วยจุลภาคหรือเว้นวรรค ถ้าว่างจะเป็น Learner",
        C.Title => "เช่น นาย นาง นางสาว ดร.",
        _ => "",
    };
}
