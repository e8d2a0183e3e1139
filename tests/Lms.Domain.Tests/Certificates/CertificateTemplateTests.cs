using Lms.Domain.Certificates;
using Lms.Domain.Common;

namespace Lms.Domain.Tests.Certificates;

public sealed class CertificateTemplateTests
{
    private static readonly DateTime Now = new(2026, 11, 25, 3, 0, 0, DateTimeKind.Utc);

    public static CertificateTemplate NewTemplate(CertificateOrientation o = CertificateOrientation.Landscape) =>
        new(Guid.NewGuid(), "เกียรติบัตรอบรมครู", null, o, Guid.NewGuid(), Now);

    private static readonly CertificateSignature Director = new() { Name = "นายสมชาย ผู้นำดี", Position = "ผู้อำนวยการ" };

    [Fact]
    public void A_new_template_is_office_wide_and_starts_with_a_usable_layout_inside_the_page()
    {
        var t = NewTemplate(CertificateOrientation.Portrait);
        Assert.True(t.IsOfficeWide);
        Assert.Equal((210m, 297m), t.PageSize);
        Assert.Contains(t.Fields, f => f.Kind == CertificateFieldKind.RecipientName);
        Assert.Contains(t.Fields, f => f.Kind == CertificateFieldKind.QrCode);
        Assert.All(t.Fields, f => Assert.InRange(f.XMm, 0, 210));
        Assert.All(t.Fields, f => Assert.InRange(f.YMm, 0, 297));
    }

    [Fact]
    public void Designing_cleans_texts_and_keeps_up_to_three_signatures()
    {
        var t = NewTemplate();
        t.Design("  แม่แบบ   ใหม่ ", CertificateOrientation.Landscape,
            [new() { Kind = CertificateFieldKind.FreeText, Text = " ขอมอบ\u200B เกียรติบัตร ", XMm = 10, YMm = 10, Colour = "#1a2b3c" },
             new() { Kind = CertificateFieldKind.Signature2, XMm = 200, YMm = 180 }],
            [Director, Director with { Name = "นางวราภรณ์ บริหารดี" }], "สพม.สท {n:0000}/{fy}", true, Now);
        Assert.Equal("แม่แบบ ใหม่", t.Name);
        Assert.Equal("ขอมอบ เกียรติบัตร", t.Fields[0].Text);
        Assert.Equal("#1A2B3C", t.Fields[0].Colour);
        Assert.Equal(2, t.Signatures.Count);
        Assert.True(t.ThaiDigits);
    }

    public static TheoryData<CertificateField, string> BadFields => new()
    {
        { new() { Kind = CertificateFieldKind.RecipientName, XMm = 298, YMm = 10 }, "certificate.field_off_page" },
        { new() { Kind = CertificateFieldKind.RecipientName, XMm = 10, YMm = -1 }, "certificate.field_off_page" },
        { new() { Kind = CertificateFieldKind.RecipientName, XMm = 10, YMm = 10, FontSizePt = 2 }, "certificate.field_font_size_invalid" },
        { new() { Kind = CertificateFieldKind.RecipientName, XMm = 10, YMm = 10, Colour = "red" }, "certificate.field_colour_invalid" },
        { new() { Kind = CertificateFieldKind.RecipientName, XMm = 10, YMm = 10, MaxWidthMm = 0 }, "certificate.field_max_width_invalid" },
        { new() { Kind = CertificateFieldKind.QrCode, XMm = 10, YMm = 10, SizeMm = 5 }, "certificate.field_qr_size_invalid" },
        { new() { Kind = CertificateFieldKind.FreeText, XMm = 10, YMm = 10, Text = " " }, "certificate.field_text_required" },
        { new() { Kind = (CertificateFieldKind)99, XMm = 10, YMm = 10 }, "certificate.field_kind_invalid" },
        { new() { Kind = CertificateFieldKind.Signature3, XMm = 10, YMm = 10 }, "certificate.signature_missing" },
    };

    [Theory]
    [MemberData(nameof(BadFields))]
    public void A_bad_field_is_refused_and_the_template_stays_as_it_was(CertificateField field, string code)
    {
        var t = NewTemplate();
        var before = t.Fields.ToList();
        var e = Assert.Throws<DomainException>(() =>
            t.Design("อื่น", CertificateOrientation.Landscape, [field], [Director], "{n}", false, Now));
        Assert.Equal(code, e.Code);
        Assert.Equal(before, t.Fields);
        Assert.Equal("เกียรติบัตรอบรมครู", t.Name);
    }

    [Fact]
    public void A_field_that_fits_landscape_may_be_off_a_portrait_page()
    {
        var t = NewTemplate();
        var wide = new CertificateField { Kind = CertificateFieldKind.CourseName, XMm = 250, YMm = 20 };
        t.Design("x", CertificateOrientation.Landscape, [wide], [], "{n}", false, Now);
        Assert.Equal("certificate.field_off_page", Assert.Throws<DomainException>(() =>
            t.Design("x", CertificateOrientation.Portrait, [wide], [], "{n}", false, Now)).Code);
    }

    [Fact]
    public void More_than_three_signatures_are_refused() =>
        Assert.Equal("certificate.too_many_signatures", Assert.Throws<DomainException>(() =>
            NewTemplate().Design("x", CertificateOrientation.Landscape, [], [Director, Director, Director, Director], "{n}", false, Now)).Code);

    [Fact]
    public void A_signature_needs_a_name() =>
        Assert.Equal("certificate.signature_name_required", Assert.Throws<DomainException>(() =>
            NewTemplate().Design("x", CertificateOrientation.Landscape, [], [new() { Position = "ผู้อำนวยการ" }], "{n}", false, Now)).Code);

    [Fact]
    public void A_bad_serial_format_is_refused_on_saving_the_design() =>
        Assert.Equal("certificate.serial_format_needs_number", Assert.Throws<DomainException>(() =>
            NewTemplate().Design("x", CertificateOrientation.Landscape, [], [], "สพม.สท/{fy}", false, Now)).Code);

    [Fact]
    public void Images_are_listed_once_for_loading()
    {
        var t = NewTemplate();
        t.Design("x", CertificateOrientation.Landscape, [], [Director, Director], "{n}", false, Now);
        t.ChangeBackground("2026/11/aa", Now);
        t.ChangeSignatureImage(0, "2026/11/bb", Now);
        t.ChangeSignatureImage(1, "2026/11/bb", Now);
        Assert.Equal(["2026/11/aa", "2026/11/bb"], t.ImageKeys);
        t.ChangeSignatureImage(0, null, Now);
        Assert.Null(t.Signatures[0].ImageKey);
        Assert.Equal("certificate.signature_missing",
            Assert.Throws<DomainException>(() => t.ChangeSignatureImage(2, "2026/11/cc", Now)).Code);
    }

    [Fact]
    public void A_course_template_belongs_to_its_course()
    {
        var course = Guid.NewGuid();
        var t = new CertificateTemplate(Guid.NewGuid(), "เฉพาะหลักสูตร", course, CertificateOrientation.Landscape, Guid.NewGuid(), Now);
        Assert.False(t.IsOfficeWide);
        Assert.Equal(course, t.CourseId);
    }

    [Fact]
    public void The_sample_content_uses_the_template_s_number_format_and_the_fiscal_year_of_the_day()
    {
        var t = NewTemplate();
        t.Design("x", CertificateOrientation.Landscape, [], [], "สพม.สท {n:0000}/{fy}", false, Now);
        var sample = CertificateContent.Sample(t, new DateOnly(2026, 11, 25), "https://lms.example/verify/x");
        Assert.Equal("นางสาวกิ่งก้อย ผู้ใฝ่รู้", sample.RecipientName);
        Assert.Equal("สพม.สท 0123/2570", sample.SerialNumber); // 25 Nov 2026 is in FY 2570
    }
}
