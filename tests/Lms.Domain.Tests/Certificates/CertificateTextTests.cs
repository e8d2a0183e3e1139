using Lms.Domain.Certificates;
using Lms.Domain.Common;

namespace Lms.Domain.Tests.Certificates;

public sealed class CertificateTextTests
{
    [Theory]
    [InlineData(2026, 11, 25, "25 พฤศจิกายน พ.ศ. 2569")]
    [InlineData(2026, 1, 1, "1 มกราคม พ.ศ. 2569")]
    [InlineData(2025, 9, 30, "30 กันยายน พ.ศ. 2568")]
    [InlineData(2024, 2, 29, "29 กุมภาพันธ์ พ.ศ. 2567")]
    public void A_date_is_written_with_the_Thai_month_and_the_Buddhist_Era(int y, int m, int d, string expected) =>
        Assert.Equal(expected, CertificateText.LongDate(new DateOnly(y, m, d)));

    [Fact]
    public void A_date_can_be_written_in_Thai_digits() =>
        Assert.Equal("๒๕ พฤศจิกายน พ.ศ. ๒๕๖๙", CertificateText.LongDate(new DateOnly(2026, 11, 25), thaiDigits: true));

    [Theory]
    [InlineData("12", "12 ชั่วโมง")]
    [InlineData("1.5", "1.5 ชั่วโมง")]
    [InlineData("6.00", "6 ชั่วโมง")]
    [InlineData("0.25", "0.25 ชั่วโมง")]
    public void Credit_hours_are_written_without_trailing_zeros(string hours, string expected) =>
        Assert.Equal(expected, CertificateText.CreditHours(decimal.Parse(hours, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void Credit_hours_can_be_written_in_Thai_digits() =>
        Assert.Equal("๑๒.๕ ชั่วโมง", CertificateText.CreditHours(12.5m, thaiDigits: true));

    [Fact]
    public void Thai_digits_change_only_the_digits() =>
        Assert.Equal("สพม.สท ๐๑๒๓/๒๕๖๙ (A)", CertificateText.ToThaiDigits("สพม.สท 0123/2569 (A)"));
}

public sealed class SerialNumberFormatTests
{
    [Theory]
    [InlineData("สพม.สท {n:0000}/{fy}", 123, 2569, "สพม.สท 0123/2569")]
    [InlineData("สพม.สท {n:0000}/{fy}", 12345, 2569, "สพม.สท 12345/2569")]
    [InlineData("{n}/{fy}", 7, 2570, "7/2570")]
    [InlineData("ว {fy}-{n:000000}", 42, 2569, "ว 2569-000042")]
    [InlineData("เลขที่ {n}", 1, 2569, "เลขที่ 1")]
    public void The_running_number_and_fiscal_year_fill_the_office_format(string format, int n, int fy, string expected) =>
        Assert.Equal(expected, SerialNumberFormat.Format(format, n, fy));

    [Theory]
    [InlineData("สพม.สท /{fy}", "certificate.serial_format_needs_number")]
    [InlineData("{n}-{n}", "certificate.serial_format_needs_number")]
    [InlineData("{N:0000}/{fy}", "certificate.serial_format_unknown_placeholder")]
    [InlineData("{n:00x0}", "certificate.serial_format_unknown_placeholder")]
    [InlineData("{n}/{year}", "certificate.serial_format_unknown_placeholder")]
    [InlineData("{n} }", "certificate.serial_format_unknown_placeholder")]
    [InlineData("  ", "certificate.serial_format_required")]
    public void A_format_without_exactly_one_running_number_or_with_unknown_braces_is_refused(string format, string code) =>
        Assert.Equal(code, Assert.Throws<DomainException>(() => SerialNumberFormat.Validate(format)).Code);

    [Fact]
    public void Running_numbers_start_at_one() =>
        Assert.Equal("certificate.serial_running_invalid",
            Assert.Throws<DomainException>(() => SerialNumberFormat.Format("{n}", 0, 2569)).Code);

    [Fact]
    public void A_template_formats_its_numbers_with_the_fiscal_year_it_is_given()
    {
        var t = CertificateTemplateTests.NewTemplate();
        t.Design(t.Name, t.Orientation, t.Fields, [], "สพม.สท {n:0000}/{fy}", false, DateTime.UtcNow);
        Assert.Equal("สพม.สท 0005/2570", t.FormatSerial(5, new Calendar.FiscalYear(2570)));
    }
}
