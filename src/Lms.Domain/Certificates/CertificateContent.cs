namespace Lms.Domain.Certificates;

/// <summary>
/// What is printed on one certificate. Issuing fills it from the person, the course and the allocated number;
/// the designer's preview fills it with <see cref="Sample"/>.
/// </summary>
/// <param name="RecipientName">With the title, as it should be printed: "นางสาวกิ่งก้อย ผู้ใฝ่รู้", "ว่าที่ร้อยตรีสมชาย ใจดี".</param>
/// <param name="CourseName">The course's or event's name.</param>
/// <param name="CompletionDate">Thailand's local date of completion (printed in the Buddhist Era).</param>
/// <param name="CreditHours">Printed as "12 ชั่วโมง".</param>
/// <param name="SerialNumber">Already formatted (<see cref="CertificateTemplate.FormatSerial"/>).</param>
/// <param name="VerificationUrl">What the QR code holds: the public page that confirms the certificate.</param>
public sealed record CertificateContent(string RecipientName, string CourseName, DateOnly CompletionDate, decimal CreditHours,
    string SerialNumber, string VerificationUrl)
{
    /// <summary>The designer's preview: the demo teacher, a sample course, <paramref name="today"/>, a sample number.</summary>
    public static CertificateContent Sample(CertificateTemplate template, DateOnly today, string verificationUrl) => new(
        "นางสาวกิ่งก้อย ผู้ใฝ่รู้",
        "การจัดการเรียนรู้เชิงรุก (Active Learning) สำหรับครู",
        today,
        12m,
        template.FormatSerial(123, Calendar.FiscalYear.Containing(today)),
        verificationUrl);
}
