using Lms.Domain.Organisation;

namespace Lms.Infrastructure.Seeding;

/// <summary>
/// The demo office: the Secondary Educational Service Area Office of Sukhothai and 27 secondary
/// schools across the province's nine districts. School names follow the province's real schools
/// where we know them; codes and people are invented.
/// </summary>
internal static class SukhothaiDemo
{
    public static readonly Guid OfficeId = Guid.Parse("5d1c0b6e-0000-4000-8000-000000000001");

    public static readonly (string NameTh, string NameEn, string District)[] Schools =
    [
        ("สุโขทัยวิทยาคม", "Sukhothai Wittayakhom School", "เมืองสุโขทัย"),
        ("อุดมดรุณี", "Udomdarunee School", "เมืองสุโขทัย"),
        ("บ้านสวน (จั่นอนุสรณ์)", "Bansuan (Chan Anusorn) School", "เมืองสุโขทัย"),
        ("เมืองเก่าวิทยา", "Muang Kao Wittaya School", "เมืองสุโขทัย"),
        ("ลิไทพิทยาคม", "Lithai Pittayakhom School", "บ้านด่านลานหอย"),
        ("ขุนไผ่ภูมิเขตร", "Khunphai Phumkhet School", "บ้านด่านลานหอย"),
        ("คีรีมาศพิทยาคม", "Khiri Mat Pittayakhom School", "คีรีมาศ"),
        ("ทุ่งหลวงวิทยา", "Thung Luang Wittaya School", "คีรีมาศ"),
        ("กงไกรลาศวิทยา", "Kong Krailat Wittaya School", "กงไกรลาศ"),
        ("ไกรในวิทยาคม", "Krai Nai Wittayakhom School", "กงไกรลาศ"),
        ("ศรีสัชนาลัยวิทยา", "Si Satchanalai Wittaya School", "ศรีสัชนาลัย"),
        ("เมืองเชลียง", "Mueang Chaliang School", "ศรีสัชนาลัย"),
        ("ท่าชัยวิทยา", "Tha Chai Wittaya School", "ศรีสัชนาลัย"),
        ("หาดเสี้ยววิทยา", "Hat Siao Wittaya School", "ศรีสัชนาลัย"),
        ("ดงเดือยวิทยา", "Dong Duea Wittaya School", "ศรีสัชนาลัย"),
        ("ศรีสำโรงชนูปถัมภ์", "Si Samrong Chanupatham School", "ศรีสำโรง"),
        ("บ้านแก่งวิทยา", "Ban Kaeng Wittaya School", "ศรีสำโรง"),
        ("ราวต้นจันทร์วิทยา", "Rao Ton Chan Wittaya School", "ศรีสำโรง"),
        ("สวรรค์อนันต์วิทยา", "Sawan Anan Wittaya School", "สวรรคโลก"),
        ("ป่ากุมเกาะวิทยา", "Pa Kum Ko Wittaya School", "สวรรคโลก"),
        ("ย่านยาววิทยา", "Yan Yao Wittaya School", "สวรรคโลก"),
        ("ในเมืองวิทยา", "Nai Mueang Wittaya School", "สวรรคโลก"),
        ("ศรีนคร", "Si Nakhon School", "ศรีนคร"),
        ("นครเดิฐวิทยา", "Nakhon Doet Wittaya School", "ศรีนคร"),
        ("ทุ่งเสลี่ยมชนูปถัมภ์", "Thung Saliam Chanupatham School", "ทุ่งเสลี่ยม"),
        ("กลางดงวิทยา", "Klang Dong Wittaya School", "ทุ่งเสลี่ยม"),
        ("เขาแก้วศรีสมบูรณ์", "Khao Kaeo Si Somboon School", "ทุ่งเสลี่ยม"),
    ];

    public static readonly string[] MaleFirstNames =
        ["สมชาย", "ประเสริฐ", "วิชัย", "สุริยา", "ธนากร", "อนุชา", "กิตติพงษ์", "ณัฐพล", "ชัยวัฒน์", "พงศกร", "ศักดิ์ชัย", "ธีรวัฒน์"];
    public static readonly string[] FemaleFirstNames =
        ["สุดารัตน์", "กาญจนา", "พิมพ์ชนก", "วราภรณ์", "อรุณี", "นันทนา", "ศิริพร", "ปวีณา", "จิราพร", "กิ่งก้อย", "ฐิติมา", "รัชนี"];
    public static readonly string[] LastNames =
        ["ใจดี", "แสงทอง", "ศรีสุข", "บุญมา", "ทองคำ", "พรหมมา", "อินทร์แก้ว", "มีสุข", "ผู้ใฝ่รู้", "วงศ์ใหญ่", "สุขเจริญ",
         "ชัยมงคล", "นาคสวัสดิ์", "ธรรมรักษ์", "เพชรรัตน์", "คงสมบูรณ์", "ปัญญาดี", "รุ่งเรือง"];

    /// <summary>The named demo accounts listed in the README. All share the demo password.</summary>
    public static readonly DemoAccount[] Accounts =
    [
        new("admin", "นาง", "วราภรณ์", "บริหารดี", Position.EducationalPersonnel, null, null,
            [SystemRole.Administrator, SystemRole.Learner]),
        new("designer", "นาย", "ธนากร", "ออกแบบเก่ง", Position.Supervisor, null, null,
            [SystemRole.CourseDesigner, SystemRole.Learner]),
        new("trainer", "ดร.", "ปวีณา", "วิทยากร", Position.External, null, null, [SystemRole.Trainer]),
        new("supervisor", "นาย", "ประเสริฐ", "นิเทศศึกษา", Position.Supervisor, null, null,
            [SystemRole.Supervisor, SystemRole.Learner]),
        new("director", "นาย", "สมชาย", "ผู้นำดี", Position.SchoolDirector, 0, null,
            [SystemRole.SchoolDirector, SystemRole.Learner]),
        new("teacher", "นางสาว", "กิ่งก้อย", "ผู้ใฝ่รู้", Position.Teacher, 0, SubjectArea.Thai, [SystemRole.Learner]),
        new("assistant", "นาย", "ณัฐพล", "ครูใหม่", Position.AssistantTeacher, 0, SubjectArea.Mathematics, [SystemRole.Learner]),
        new("staff", "นาง", "ศิริพร", "ธุรการดี", Position.EducationalPersonnel, 0, null, [SystemRole.Learner]),
    ];

    public sealed record DemoAccount(string UserName, string Title, string FirstName, string LastName, Position Position,
        int? SchoolIndex, SubjectArea? Subject, string[] Roles)
    {
        public string Email => $"{UserName}@sukhothai.example";
    }
}
