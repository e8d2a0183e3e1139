namespace Lms.E2E.Support;

/// <summary>The demo accounts the app seeds in Development (src/Lms.Infrastructure/Seeding).</summary>
public static class Demo
{
    public const string Password = "Demo@2569";
    public const string Admin = "admin";
    public const string Teacher = "teacher";
    public const string Director = "director";

    public const string TeacherFullName = "นางสาวกิ่งก้อย ผู้ใฝ่รู้";
    public const string TeacherSchoolCode = "64010001";
}
