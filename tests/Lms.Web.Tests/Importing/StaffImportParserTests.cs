using System.Text;
using Lms.Domain.Common;
using Lms.Domain.Organisation;
using Lms.Infrastructure.Importing;
using MiniExcelLibs;
using E = Lms.Infrastructure.Importing.StaffImportErrorCodes;

namespace Lms.Web.Tests.Importing;

public class StaffImportParserTests
{
    private static readonly StaffImportSchool Sukhothai = new(Guid.NewGuid(), "64010001", "โรงเรียนสุโขทัยวิทยาคม", true);
    private static readonly StaffImportSchool BanDan = new(Guid.NewGuid(), "64010002", "บ้านด่านลานหอย", true);
    private static readonly StaffImportSchool Closed = new(Guid.NewGuid(), "64010003", "โรงเรียนบ้านเก่า", false);
    private static readonly StaffImportSchool TwinA = new(Guid.NewGuid(), "64010004", "โรงเรียนบ้านนาเชิงคีรี", true);
    private static readonly StaffImportSchool TwinB = new(Guid.NewGuid(), "64010005", "บ้านนาเชิงคีรี", true);
    private static readonly StaffImportSchool LeadingZero = new(Guid.NewGuid(), "0064010006", "โรงเรียนศรีสำโรงชนูปถัมภ์", true);

    private static readonly StaffImportContext Context = new(
        [Sukhothai, BanDan, Closed, TwinA, TwinB, LeadingZero],
        existingEmails: ["EXISTING@EXAMPLE.COM"],
        existingUserNames: ["TAKEN"]);

    private const string ThaiHeader = "อีเมล,ชื่อผู้ใช้,คำนำหน้า,ชื่อ,นามสกุล,ตำแหน่ง,รหัสโรงเรียน,กลุ่มสาระ,บทบาท";
    private const string EnglishHeader = "email,username,title,first_name,last_name,position,school_code,subject_area,roles";

    private static StaffImportPreview ParseBytes(byte[] bytes, string fileName = "staff.csv") =>
        new StaffImportParser().Parse(new MemoryStream(bytes), fileName, Context);

    private static StaffImportPreview ParseCsv(string csv, bool bom = false) =>
        ParseBytes([.. (bom ? Encoding.UTF8.GetPreamble() : []), .. Encoding.UTF8.GetBytes(csv)]);

    private static string Csv(params string[] lines) => string.Join("\r\n", lines) + "\r\n";

    private static StaffImportError SingleFileError(StaffImportPreview p) => Assert.Single(p.FileErrors);

    // ---- formats and encodings ----

    [Fact]
    public void Csv_with_BOM_and_Thai_headers_is_read()
    {
        var p = ParseCsv(Csv(ThaiHeader, "somchai@school.ac.th,,นาย,สมชาย,ใจดี,ครู,64010001,คณิตศาสตร์,"), bom: true);

        Assert.True(p.IsValid, string.Join("; ", p.AllErrors.Select(e => StaffImportMessages.Describe(e, false))));
        var row = Assert.Single(p.Rows);
        Assert.Equal(2, row.RowNumber);
        Assert.Equal("somchai@school.ac.th", row.Email);
        Assert.Equal("somchai", row.UserName);
        Assert.Equal("นาย", row.Title);
        Assert.Equal("สมชาย", row.FirstName);
        Assert.Equal("ใจดี", row.LastName);
        Assert.Equal(Position.Teacher, row.Position);
        Assert.Equal(Sukhothai.Id, row.SchoolId);
        Assert.Equal(SubjectArea.Mathematics, row.SubjectArea);
        Assert.Equal([SystemRole.Learner], row.Roles);
        Assert.Empty(p.Warnings);
    }

    [Fact]
    public void Csv_without_BOM_and_English_headers_is_read()
    {
        var p = ParseCsv(Csv(EnglishHeader + ",first_name_en,last_name_en",
            "somsri@school.ac.th,somsri.k,นาง,สมศรี,กล้าหาญ,AssistantTeacher,64010002,Thai,Learner,Somsri,Klahan"));

        Assert.True(p.IsValid);
        var row = Assert.Single(p.Rows);
        Assert.Equal("somsri.k", row.UserName);
        Assert.Equal(Position.AssistantTeacher, row.Position);
        Assert.Equal(BanDan.Id, row.SchoolId);
        Assert.Equal(SubjectArea.Thai, row.SubjectArea);
        Assert.Equal("Somsri", row.FirstNameEn);
        Assert.Equal("Klahan", row.LastNameEn);
    }

    [Fact]
    public void Headers_match_ignoring_case_spaces_and_underscores()
    {
        var p = ParseCsv(Csv(" E-Mail , First Name ,LAST_NAME,Position", "a@b.co,ก,ข,ศึกษานิเทศก์"));

        Assert.True(p.IsValid);
    }

    [Fact]
    public void Semicolon_delimited_file_is_read()
    {
        var p = ParseCsv(Csv(ThaiHeader.Replace(',', ';'), "somchai@school.ac.th;;นาย;สมชาย;ใจดี;ครู;64010001;;Learner, Trainer"));

        Assert.True(p.IsValid);
        Assert.Equal([SystemRole.Learner, SystemRole.Trainer], Assert.Single(p.Rows).Roles);
    }

    [Fact]
    public void Tab_delimited_file_is_read()
    {
        var p = ParseCsv(Csv(ThaiHeader.Replace(',', '\t'), "somchai@school.ac.th\t\tนาย\tสมชาย\tใจดี\tครู\t64010001\t\t"));

        Assert.True(p.IsValid);
    }

    [Fact]
    public void Xlsx_built_with_MiniExcel_is_read_with_numeric_school_codes()
    {
        var rows = new List<Dictionary<string, object?>>
        {
            new() { ["อีเมล"] = "somchai@school.ac.th", ["ชื่อ"] = "สมชาย", ["นามสกุล"] = "ใจดี", ["ตำแหน่ง"] = "ครู", ["รหัสโรงเรียน"] = 64010001, ["กลุ่มสาระ"] = "ศิลปะ" },
            new() { ["อีเมล"] = "somsri@school.ac.th", ["ชื่อ"] = "สมศรี", ["นามสกุล"] = "มีสุข", ["ตำแหน่ง"] = "ครู", ["รหัสโรงเรียน"] = 64019999, ["กลุ่มสาระ"] = null },
            // Trailing blank rows, as Excel keeps when rows were formatted.
            new() { ["อีเมล"] = null, ["ชื่อ"] = null, ["นามสกุล"] = null, ["ตำแหน่ง"] = null, ["รหัสโรงเรียน"] = null, ["กลุ่มสาระ"] = null },
            new() { ["อีเมล"] = "", ["ชื่อ"] = " ", ["นามสกุล"] = null, ["ตำแหน่ง"] = null, ["รหัสโรงเรียน"] = null, ["กลุ่มสาระ"] = null },
        };
        var stream = new MemoryStream();
        stream.SaveAs(rows);

        var p = ParseBytes(stream.ToArray(), "staff.xlsx");

        Assert.Empty(p.FileErrors);
        Assert.Equal(2, p.Rows.Count);
        Assert.True(p.Rows[0].IsValid);
        Assert.Equal(Sukhothai.Id, p.Rows[0].SchoolId);
        Assert.Equal(SubjectArea.Arts, p.Rows[0].SubjectArea);
        var error = Assert.Single(p.Rows[1].Errors);
        Assert.Equal(new StaffImportError(3, StaffImportColumns.SchoolCode, E.SchoolCodeUnknown, "64019999"), error);
    }

    [Fact]
    public void Xlsx_format_is_told_from_the_content_not_the_name()
    {
        var stream = new MemoryStream();
        stream.SaveAs(new[] { new Dictionary<string, object> { ["email"] = "a@b.co", ["first_name"] = "ก", ["last_name"] = "ข", ["position"] = "External" } });

        Assert.True(ParseBytes(stream.ToArray(), "staff.csv").IsValid);
    }

    [Fact]
    public void Windows_874_Thai_is_reported_as_not_UTF8()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var bytes = Encoding.GetEncoding(874).GetBytes(Csv(ThaiHeader, "somchai@school.ac.th,,นาย,สมชาย,ใจดี,ครู,64010001,,"));

        var p = ParseBytes(bytes);

        Assert.Equal(E.NotUtf8, SingleFileError(p).Code);
        Assert.Empty(p.Rows);
        Assert.False(p.IsValid);
    }

    [Fact]
    public void UTF16_text_is_reported_as_not_UTF8()
    {
        var p = ParseBytes(Encoding.Unicode.GetBytes(Csv(EnglishHeader)));

        Assert.Equal(E.NotUtf8, SingleFileError(p).Code);
    }

    [Fact]
    public void Old_binary_xls_is_reported_as_unsupported()
    {
        byte[] bytes = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0];

        Assert.Equal(E.UnsupportedFormat, SingleFileError(ParseBytes(bytes, "staff.xls")).Code);
    }

    [Fact]
    public void Damaged_xlsx_is_reported_as_unreadable()
    {
        byte[] bytes = [.. "PK\u0003\u0004"u8, .. new byte[200]];

        Assert.Equal(E.Unreadable, SingleFileError(ParseBytes(bytes, "staff.xlsx")).Code);
    }

    [Fact]
    public void Empty_file_and_file_with_only_headings_are_file_errors()
    {
        Assert.Equal(E.FileEmpty, SingleFileError(ParseBytes([])).Code);
        Assert.Equal(E.FileEmpty, SingleFileError(ParseCsv("\r\n\r\n", bom: true)).Code);
        var headingsOnly = ParseCsv(Csv(EnglishHeader, ",,,,,,,,", ""));
        Assert.Equal(E.NoDataRows, SingleFileError(headingsOnly).Code);
        Assert.False(headingsOnly.IsValid);
    }

    // ---- row numbers and CSV structure ----

    [Fact]
    public void Row_with_unknown_school_reports_its_row_number()
    {
        var p = ParseCsv(Csv(ThaiHeader,
            "a@school.ac.th,,นาย,สมชาย,ใจดี,ครู,64010001,,",
            "b@school.ac.th,,นาง,สมศรี,ใจงาม,ครู,64019999,,",
            "c@school.ac.th,,นาย,สมศักดิ์,ใจเย็น,ครู,64010002,,"));

        Assert.False(p.IsValid);
        Assert.Equal(2, p.ValidRows.Count);
        var bad = Assert.Single(p.InvalidRows);
        Assert.Equal(3, bad.RowNumber);
        var error = Assert.Single(bad.Errors);
        Assert.Equal("แถวที่ 3: ไม่พบโรงเรียนรหัส 64019999", StaffImportMessages.Describe(error, thai: true));
        Assert.Equal("Row 3: No school has the code 64019999.", StaffImportMessages.Describe(error, thai: false));
    }

    [Fact]
    public void Quoted_field_with_comma_and_line_break_is_one_row_as_Excel_shows_it()
    {
        var p = ParseCsv(Csv(ThaiHeader,
            "a@school.ac.th,,นาย,\"สมชาย, จูเนียร์\",ใจดี,ครู,64010001,,\"Learner,\nTrainer\"",
            "b@school.ac.th,,นาง,สมศรี,ใจงาม,ครูพิเศษ,64010001,,"));

        Assert.Equal("สมชาย, จูเนียร์", p.Rows[0].FirstName);
        Assert.Equal([SystemRole.Learner, SystemRole.Trainer], p.Rows[0].Roles);
        // Spreadsheet row 3, although it starts on line 4 of the file.
        Assert.Equal(3, p.Rows[1].RowNumber);
        Assert.Equal(3, Assert.Single(p.Rows[1].Errors).Row);
    }

    [Fact]
    public void Empty_trailing_lines_and_comma_only_lines_are_ignored()
    {
        var p = ParseCsv(Csv(ThaiHeader, "a@school.ac.th,,นาย,สมชาย,ใจดี,ครู,64010001,,", ",,,,,,,,", "", " ", ""));

        Assert.True(p.IsValid);
        Assert.Single(p.Rows);
    }

    [Fact]
    public void A_blank_line_in_the_middle_still_counts_as_a_spreadsheet_row()
    {
        var p = ParseCsv(Csv(EnglishHeader, "", "a@school.ac.th,,,ก,ข,Teacher,64019999,,"));

        Assert.Equal(3, Assert.Single(p.Rows).RowNumber);
    }

    [Theory]
    [InlineData("\"ก\"x")]
    [InlineData("ก\"x")]
    public void Badly_quoted_field_is_reported_with_its_row(string cell)
    {
        var p = ParseCsv(Csv(EnglishHeader, "a@school.ac.th,,,ก,ข,Teacher,64010001,,", $"b@school.ac.th,,,{cell},ข,Teacher,64010001,,"));

        var error = SingleFileError(p);
        Assert.Equal((E.CsvMalformed, 3), (error.Code, error.Row));
        Assert.False(p.IsValid);
        Assert.Equal("แถวที่ 3: เครื่องหมายอัญประกาศ (\") ไม่ครบคู่ ข้อมูลแถวนี้และแถวถัดไปอาจผิด", StaffImportMessages.Describe(error, true));
    }

    [Fact]
    public void Quote_that_is_never_closed_is_reported_instead_of_silently_swallowing_rows()
    {
        var p = ParseCsv(Csv(EnglishHeader, "a@school.ac.th,,,\"ก,ข,Teacher,64010001,,", "b@school.ac.th,,,ค,ง,Teacher,64010001,,"));

        Assert.Equal((E.CsvMalformed, 2), (SingleFileError(p).Code, SingleFileError(p).Row));
        Assert.False(p.IsValid);
    }

    // ---- columns ----

    [Fact]
    public void Missing_required_column_is_a_file_error_naming_the_column()
    {
        var p = ParseCsv(Csv("อีเมล,ชื่อ,ตำแหน่ง", "a@school.ac.th,สมชาย,ครู"));

        var error = SingleFileError(p);
        Assert.Equal(E.MissingColumn, error.Code);
        Assert.Equal(StaffImportColumns.LastName, error.Column);
        Assert.Empty(p.Rows);
        Assert.Equal("ไม่พบคอลัมน์ \"นามสกุล\" (last_name) ซึ่งจำเป็นต้องมี", StaffImportMessages.Describe(error, true));
        Assert.Equal("The required column \"last_name\" is missing.", StaffImportMessages.Describe(error, false));
    }

    [Fact]
    public void The_same_column_in_Thai_and_English_is_a_file_error()
    {
        var p = ParseCsv(Csv("email,อีเมล,first_name,last_name,position", "a@b.co,a@b.co,ก,ข,Teacher"));

        var error = SingleFileError(p);
        Assert.Equal((E.DuplicateColumn, StaffImportColumns.Email, "อีเมล"), (error.Code, error.Column, error.Value));
    }

    [Fact]
    public void Unknown_columns_are_ignored_with_a_warning()
    {
        var p = ParseCsv(Csv("email,first_name,last_name,position,เบอร์โทร,nickname", "a@b.co,ก,ข,Supervisor,0812345678,Tom"));

        Assert.True(p.IsValid);
        Assert.Equal(["เบอร์โทร", "nickname"], p.Warnings.Select(w => w.Value));
        Assert.All(p.Warnings, w => Assert.Equal(E.UnknownColumn, w.Code));
    }

    [Theory]
    [InlineData("national_id")]
    [InlineData("เลขประจำตัวประชาชน")]
    [InlineData("เลขบัตรประชาชน")]
    [InlineData("Citizen ID")]
    public void National_ID_column_is_ignored_with_a_PDPA_warning(string heading)
    {
        var p = ParseCsv(Csv($"email,first_name,last_name,position,{heading}", "a@b.co,ก,ข,Supervisor,1234567890121"));

        Assert.True(p.IsValid);
        var warning = Assert.Single(p.Warnings);
        Assert.Equal((E.NationalIdColumnIgnored, heading), (warning.Code, warning.Value));
        Assert.Contains("PDPA", StaffImportMessages.Describe(warning, thai: false));
        var row = Assert.Single(p.Rows);
        Assert.DoesNotContain(new[] { row.Email, row.UserName, row.FirstName, row.LastName }, v => v.Contains("1234567890121"));
    }

    [Theory]
    [InlineData("1234567890121")]
    [InlineData("1-2345-67890-12-1")]
    [InlineData("เลขบัตร 1 2345 67890 12 1")]
    public void National_ID_typed_into_a_stored_cell_is_refused_and_not_echoed(string cell)
    {
        var p = ParseCsv(Csv("email,first_name,last_name,position", $"a@b.co,ก,\"{cell}\",Supervisor"));

        var row = Assert.Single(p.Rows);
        var error = Assert.Single(row.Errors);
        Assert.Equal((E.NationalIdInCell, StaffImportColumns.LastName, (string?)null), (error.Code, error.Column, error.Value));
        Assert.Equal("", row.LastName);
    }

    [Fact]
    public void National_ID_used_as_user_name_is_refused()
    {
        var p = ParseCsv(Csv("email,username,first_name,last_name,position", "a@b.co,1234567890121,ก,ข,Supervisor"));

        Assert.Equal(E.NationalIdInCell, Assert.Single(Assert.Single(p.Rows).Errors).Code);
    }

    // ---- validation ----

    [Fact]
    public void Every_error_of_a_row_is_reported_not_just_the_first()
    {
        var p = ParseCsv(Csv(EnglishHeader, "not-an-email,,,,ข,Janitor,,Cooking,Learner Boss"));

        var codes = Assert.Single(p.Rows).Errors.Select(e => (e.Column, e.Code)).ToArray();
        Assert.Equal(
        [
            (StaffImportColumns.Email, E.EmailInvalid),
            (StaffImportColumns.FirstName, E.Required),
            (StaffImportColumns.Position, E.PositionUnknown),
            (StaffImportColumns.SubjectArea, E.SubjectUnknown),
            (StaffImportColumns.Roles, E.RoleUnknown),
        ], codes);
    }

    [Theory]
    [InlineData("somchai@school")]
    [InlineData("somchai")]
    [InlineData("Somchai <somchai@school.ac.th>")]
    [InlineData("somchai@@school.ac.th")]
    [InlineData("somchai@school..ac.th")]
    public void Malformed_email_is_refused(string email)
    {
        var p = ParseCsv(Csv("email,first_name,last_name,position", $"\"{email}\",ก,ข,Supervisor"));

        Assert.Contains(Assert.Single(p.Rows).Errors, e => e.Code == E.EmailInvalid && e.Value == email);
    }

    [Fact]
    public void Duplicate_email_within_the_file_flags_both_rows_naming_the_other()
    {
        var p = ParseCsv(Csv("email,first_name,last_name,position",
            "somchai@school.ac.th,ก,ข,Supervisor",
            "other@school.ac.th,ค,ง,Supervisor",
            "SOMCHAI@School.ac.th,จ,ฉ,Supervisor"));

        var first = Assert.Single(p.Rows[0].Errors);
        var third = Assert.Single(p.Rows[2].Errors);
        Assert.Equal((E.EmailDuplicate, 4), (first.Code, first.OtherRow));
        Assert.Equal((E.EmailDuplicate, 2), (third.Code, third.OtherRow));
        Assert.True(p.Rows[1].IsValid);
        Assert.Equal("แถวที่ 2: อีเมล somchai@school.ac.th ซ้ำกับแถวที่ 4", StaffImportMessages.Describe(first, true));
    }

    [Fact]
    public void Same_user_name_from_different_emails_flags_both_rows()
    {
        var p = ParseCsv(Csv("email,first_name,last_name,position",
            "somchai@school-a.ac.th,ก,ข,Supervisor",
            "somchai@school-b.ac.th,ค,ง,Supervisor"));

        Assert.Equal((E.UserNameDuplicate, 3), (Assert.Single(p.Rows[0].Errors).Code, p.Rows[0].Errors[0].OtherRow));
        Assert.Equal((E.UserNameDuplicate, 2), (Assert.Single(p.Rows[1].Errors).Code, p.Rows[1].Errors[0].OtherRow));
    }

    [Fact]
    public void Existing_email_is_refused_because_the_import_only_creates_people()
    {
        var p = ParseCsv(Csv("email,username,first_name,last_name,position", "existing@example.com,someone.new,ก,ข,Supervisor"));

        var error = Assert.Single(Assert.Single(p.Rows).Errors);
        Assert.Equal(E.EmailExists, error.Code);
        Assert.Contains("only creates new people", StaffImportMessages.Describe(error, false));
        Assert.Contains("เพิ่มบุคลากรใหม่เท่านั้น", StaffImportMessages.Describe(error, true));
    }

    [Fact]
    public void Existing_or_invalid_user_name_is_refused()
    {
        var p = ParseCsv(Csv("email,username,first_name,last_name,position",
            "taken@example.com,,ก,ข,Supervisor",
            "new@example.com,สมชาย,ก,ข,Supervisor"));

        Assert.Equal(E.UserNameExists, Assert.Single(p.Rows[0].Errors).Code);
        Assert.Equal((E.UserNameInvalid, "สมชาย"), (Assert.Single(p.Rows[1].Errors).Code, p.Rows[1].Errors[0].Value));
    }

    [Fact]
    public void Names_are_cleaned_and_checked_against_the_domain_lengths()
    {
        var tooLong = new string('ก', StaffImportLimits.NameMaxLength + 1);
        var p = ParseCsv(Csv("email,title,first_name,last_name,position",
            "a@b.co,  นาย ,\"สม\u200Bชาย\",\"ใจ   ดี\",Supervisor",
            $"b@b.co,,{tooLong},ข,Supervisor"));

        Assert.Equal(("นาย", "สมชาย", "ใจ ดี"), (p.Rows[0].Title, p.Rows[0].FirstName, p.Rows[0].LastName));
        var error = Assert.Single(p.Rows[1].Errors);
        Assert.Equal((E.TooLong, "100"), (error.Code, error.Value));
        Assert.Equal("แถวที่ 3: ชื่อยาวเกิน 100 ตัวอักษร", StaffImportMessages.Describe(error, true));
    }

    [Fact]
    public void Import_limits_are_the_ones_Person_enforces()
    {
        static Person Make(string title, string name) =>
            new(Guid.NewGuid(), title, name, "ข", Position.Supervisor, null, null, DateTime.UtcNow);

        Make(new string('ก', StaffImportLimits.TitleMaxLength), new string('ก', StaffImportLimits.NameMaxLength));
        Assert.Throws<DomainException>(() => Make("", new string('ก', StaffImportLimits.NameMaxLength + 1)));
        Assert.Throws<DomainException>(() => Make(new string('ก', StaffImportLimits.TitleMaxLength + 1), "ก"));
    }

    // ---- positions, subjects, schools, roles ----

    [Theory]
    [InlineData("ครูผู้ช่วย", Position.AssistantTeacher)]
    [InlineData("ครู ผู้ช่วย", Position.AssistantTeacher)]
    [InlineData("ครู", Position.Teacher)]
    [InlineData("บุคลากรทางการศึกษา", Position.EducationalPersonnel)]
    [InlineData("ผู้บริหารสถานศึกษา", Position.SchoolDirector)]
    [InlineData("ผู้อำนวยการ", Position.SchoolDirector)]
    [InlineData("ผู้อ\u0E4D\u0E32นวยการ", Position.SchoolDirector)]
    [InlineData("รองผู้อำนวยการ", Position.SchoolDirector)]
    [InlineData("ศึกษานิเทศก์", Position.Supervisor)]
    [InlineData("บุคคลภายนอก", Position.External)]
    [InlineData("วิทยากร", Position.External)]
    [InlineData("AssistantTeacher", Position.AssistantTeacher)]
    [InlineData("assistant teacher", Position.AssistantTeacher)]
    [InlineData("TEACHER", Position.Teacher)]
    public void Position_is_read_in_Thai_or_English(string cell, Position expected)
    {
        var p = ParseCsv(Csv("email,first_name,last_name,position,school_code", $"a@b.co,ก,ข,{cell},64010001"));

        Assert.True(p.IsValid);
        Assert.Equal(expected, Assert.Single(p.Rows).Position);
    }

    [Theory]
    [InlineData("2")]
    [InlineData("ครูอัตราจ้าง")]
    public void Position_numbers_and_unknown_names_are_refused(string cell)
    {
        var p = ParseCsv(Csv("email,first_name,last_name,position", $"a@b.co,ก,ข,{cell}"));

        Assert.Equal((E.PositionUnknown, cell), (Assert.Single(p.Rows[0].Errors).Code, p.Rows[0].Errors[0].Value));
    }

    [Theory]
    [InlineData("ภาษาไทย", SubjectArea.Thai)]
    [InlineData("คณิตศาสตร์", SubjectArea.Mathematics)]
    [InlineData("วิทยาศาสตร์และเทคโนโลยี", SubjectArea.ScienceAndTechnology)]
    [InlineData("วิทยาศาสตร์", SubjectArea.ScienceAndTechnology)]
    [InlineData("สังคมศึกษา ศาสนา และวัฒนธรรม", SubjectArea.SocialStudies)]
    [InlineData("สังคมศึกษา", SubjectArea.SocialStudies)]
    [InlineData("สุขศึกษาและพลศึกษา", SubjectArea.HealthAndPhysicalEducation)]
    [InlineData("ศิลปะ", SubjectArea.Arts)]
    [InlineData("การงานอาชีพ", SubjectArea.CareerEducation)]
    [InlineData("ภาษาต่างประเทศ", SubjectArea.ForeignLanguages)]
    [InlineData("กิจกรรมพัฒนาผู้เรียน", SubjectArea.LearnerDevelopment)]
    [InlineData("แนะแนว", SubjectArea.Guidance)]
    [InlineData("กลุ่มสาระการเรียนรู้คณิตศาสตร์", SubjectArea.Mathematics)]
    [InlineData("ForeignLanguages", SubjectArea.ForeignLanguages)]
    public void Subject_area_is_read_in_Thai_or_English(string cell, SubjectArea expected)
    {
        var p = ParseCsv(Csv("email,first_name,last_name,position,subject_area", $"a@b.co,ก,ข,Supervisor,{cell}"));

        Assert.True(p.IsValid);
        Assert.Equal(expected, Assert.Single(p.Rows).SubjectArea);
    }

    [Theory]
    [InlineData("", new[] { SystemRole.Learner })]
    [InlineData("Trainer", new[] { SystemRole.Trainer })]
    [InlineData("learner;COURSEDESIGNER", new[] { SystemRole.Learner, SystemRole.CourseDesigner })]
    [InlineData("Learner Trainer  Supervisor", new[] { SystemRole.Learner, SystemRole.Trainer, SystemRole.Supervisor })]
    [InlineData("Learner, Learner", new[] { SystemRole.Learner })]
    public void Roles_are_split_on_commas_semicolons_and_spaces(string cell, string[] expected)
    {
        var p = ParseCsv(Csv("email,first_name,last_name,position,roles", $"a@b.co,ก,ข,Supervisor,\"{cell}\""));

        Assert.True(p.IsValid);
        Assert.Equal(expected, Assert.Single(p.Rows).Roles);
    }

    [Fact]
    public void Each_unknown_role_is_an_error()
    {
        var p = ParseCsv(Csv("email,first_name,last_name,position,roles", "a@b.co,ก,ข,Supervisor,\"Learner, Admin; Teacher\""));

        Assert.Equal(["Admin", "Teacher"], Assert.Single(p.Rows).Errors.Where(e => e.Code == E.RoleUnknown).Select(e => e.Value));
    }

    [Theory]
    [InlineData("สุโขทัยวิทยาคม")]
    [InlineData("โรงเรียนสุโขทัยวิทยาคม")]
    [InlineData("โรงเรียน สุโขทัยวิทยาคม")]
    public void School_is_found_by_Thai_name_with_or_without_the_prefix(string cell)
    {
        var p = ParseCsv(Csv("email,first_name,last_name,position,โรงเรียน", $"a@b.co,ก,ข,ครู,{cell}"));

        Assert.Equal(Sukhothai.Id, Assert.Single(p.Rows).SchoolId);
        Assert.True(p.IsValid);
    }

    [Fact]
    public void School_code_that_lost_its_leading_zeros_in_Excel_is_still_found()
    {
        var p = ParseCsv(Csv("email,first_name,last_name,position,school_code", "a@b.co,ก,ข,ครู,64010006"));

        Assert.Equal(LeadingZero.Id, Assert.Single(p.Rows).SchoolId);
    }

    [Fact]
    public void School_problems_are_reported()
    {
        var p = ParseCsv(Csv("email,first_name,last_name,position,school_code,school",
            "a@b.co,ก,ข,ครู,,",                        // teacher without a school
            "b@b.co,ก,ข,ศึกษานิเทศก์,,",                 // supervisor: no school needed
            "c@b.co,ก,ข,ครู,64010003,",                 // inactive
            "d@b.co,ก,ข,ครู,,บ้านนาเชิงคีรี",             // two schools share the name
            "e@b.co,ก,ข,ครู,64010001,บ้านด่านลานหอย",    // code and name disagree
            "f@b.co,ก,ข,ครู,,โรงเรียนไม่มีจริง"));          // unknown name

        Assert.Equal((E.SchoolRequired, "ครู"), (Assert.Single(p.Rows[0].Errors).Code, p.Rows[0].Errors[0].Value));
        Assert.True(p.Rows[1].IsValid);
        Assert.Null(p.Rows[1].SchoolId);
        Assert.Equal(E.SchoolInactive, Assert.Single(p.Rows[2].Errors).Code);
        Assert.Equal(E.SchoolAmbiguous, Assert.Single(p.Rows[3].Errors).Code);
        Assert.Equal(E.SchoolMismatch, Assert.Single(p.Rows[4].Errors).Code);
        Assert.Equal(E.SchoolNameUnknown, Assert.Single(p.Rows[5].Errors).Code);
    }

    // ---- limits ----

    [Fact]
    public void More_than_5000_data_rows_is_a_file_error()
    {
        var lines = new[] { "email,first_name,last_name,position" }
            .Concat(Enumerable.Range(1, StaffImportLimits.MaxDataRows + 1).Select(i => $"p{i}@b.co,ก,ข,Supervisor"));

        var p = ParseCsv(Csv(lines.ToArray()));

        var error = SingleFileError(p);
        Assert.Equal((E.TooManyRows, "5000"), (error.Code, error.Value));
        Assert.Empty(p.Rows);
    }

    [Fact]
    public void Exactly_5000_data_rows_are_accepted()
    {
        var lines = new[] { "email,first_name,last_name,position" }
            .Concat(Enumerable.Range(1, StaffImportLimits.MaxDataRows).Select(i => $"p{i}@b.co,ก,ข,Supervisor"));

        var p = ParseCsv(Csv(lines.ToArray()));

        Assert.True(p.IsValid);
        Assert.Equal(5001, p.Rows[^1].RowNumber);
    }

    [Fact]
    public void File_over_5_MB_is_a_file_error()
    {
        var p = ParseBytes(new byte[StaffImportLimits.MaxFileBytes + 1]);

        Assert.Equal((E.FileTooLarge, "5"), (SingleFileError(p).Code, SingleFileError(p).Value));
    }

    // ---- messages and templates ----

    [Fact]
    public void Every_error_code_has_Thai_and_English_messages()
    {
        Assert.True(StaffImportErrorCodes.All.Count >= 30);
        Assert.All(StaffImportErrorCodes.All, code =>
        {
            Assert.True(StaffImportMessages.HasTemplate(code), code);
            var error = new StaffImportError(7, StaffImportColumns.FirstName, code, "x", 9);
            var thai = StaffImportMessages.Describe(error, thai: true);
            var english = StaffImportMessages.Describe(error, thai: false);
            Assert.StartsWith("แถวที่ 7: ", thai);
            Assert.StartsWith("Row 7: ", english);
            Assert.Matches("[\u0E00-\u0E7F]", thai[10..]);
            Assert.DoesNotContain("{", thai + english);
        });
    }

    [Fact]
    public void User_text_in_a_message_is_not_taken_for_a_placeholder()
    {
        var error = new StaffImportError(2, StaffImportColumns.Position, E.PositionUnknown, "{other}{column}");

        Assert.Equal("Row 2: Unknown position \"{other}{column}\".", StaffImportMessages.Describe(error, false));
    }

    [Fact]
    public void CSV_template_has_a_BOM_Thai_headings_and_an_example_row_that_imports()
    {
        var bytes = StaffImportTemplate.Csv(Sukhothai);

        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        Assert.StartsWith("อีเมล,ชื่อผู้ใช้,คำนำหน้า,ชื่อ,นามสกุล", Encoding.UTF8.GetString(bytes[3..]));
        var p = ParseBytes(bytes);
        Assert.True(p.IsValid, string.Join("; ", p.AllErrors.Select(e => StaffImportMessages.Describe(e, false))));
        Assert.Empty(p.Warnings);
        Assert.Equal(Sukhothai.Id, Assert.Single(p.Rows).SchoolId);
    }

    [Fact]
    public void XLSX_template_has_Thai_headings_and_an_example_row_that_imports()
    {
        var bytes = StaffImportTemplate.Xlsx(Sukhothai);

        var headings = ((IDictionary<string, object>)MiniExcel.Query(new MemoryStream(bytes), useHeaderRow: false).First()).Values;
        Assert.Equal(StaffImportColumns.All.Select(StaffImportColumns.ThaiHeading), headings.Cast<string>());
        Assert.Equal(2, MiniExcel.GetSheetNames(new MemoryStream(bytes)).Count);
        var p = ParseBytes(bytes, StaffImportTemplate.XlsxFileName);
        Assert.True(p.IsValid, string.Join("; ", p.AllErrors.Select(e => StaffImportMessages.Describe(e, false))));
        Assert.Equal("somchai.j", Assert.Single(p.Rows).UserName);
    }
}
