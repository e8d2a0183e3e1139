using Lms.Domain.Common;
using Lms.Domain.Organisation;

namespace Lms.Domain.Tests;

public class SchoolTests
{
    private static readonly Guid OfficeId = Guid.Parse("0ffce000-1111-4222-8333-444455556666");

    private static School NewSchool(string code = "64012001", string nameTh = "โรงเรียนสุโขทัยวิทยาคม",
        string nameEn = "Sukhothai Wittayakhom School", string district = "เมืองสุโขทัย", string province = "สุโขทัย") =>
        new(Guid.NewGuid(), OfficeId, code, nameTh, nameEn, district, province);

    [Fact]
    public void A_new_school_keeps_its_details_and_is_active()
    {
        var id = Guid.NewGuid();
        var s = new School(id, OfficeId, "64012001", "โรงเรียนสุโขทัยวิทยาคม", "Sukhothai Wittayakhom School",
            "เมืองสุโขทัย", "สุโขทัย");
        Assert.Equal(id, s.Id);
        Assert.Equal(OfficeId, s.OfficeId);
        Assert.Equal("64012001", s.Code);
        Assert.Equal("โรงเรียนสุโขทัยวิทยาคม", s.NameTh);
        Assert.Equal("Sukhothai Wittayakhom School", s.NameEn);
        Assert.Equal("เมืองสุโขทัย", s.District);
        Assert.Equal("สุโขทัย", s.Province);
        Assert.True(s.IsActive);
    }

    [Fact]
    public void A_school_must_belong_to_an_office()
    {
        var ex = Assert.Throws<DomainException>(() =>
            new School(Guid.NewGuid(), Guid.Empty, "64012001", "โรงเรียนสุโขทัยวิทยาคม", "", "", ""));
        Assert.Equal("school.office_required", ex.Code);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void A_school_needs_a_code(string? code)
    {
        var ex = Assert.Throws<DomainException>(() => NewSchool(code: code!));
        Assert.Equal("school.code_required", ex.Code);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("\u200B \u00A0")]
    public void A_school_needs_a_Thai_name(string? name)
    {
        var ex = Assert.Throws<DomainException>(() => NewSchool(nameTh: name!));
        Assert.Equal("school.name_required", ex.Code);
    }

    [Fact]
    public void English_name_district_and_province_are_optional()
    {
        var s = NewSchool(nameEn: null!, district: "", province: "  ");
        Assert.Equal("", s.NameEn);
        Assert.Equal("", s.District);
        Assert.Equal("", s.Province);
    }

    [Fact]
    public void A_code_longer_than_twenty_characters_is_refused()
    {
        Assert.Equal("64012001", NewSchool(code: " 64012001 ").Code);
        Assert.Equal(new string('1', 20), NewSchool(code: new string('1', 20)).Code);
        var ex = Assert.Throws<DomainException>(() => NewSchool(code: new string('1', 21)));
        Assert.Equal("text.too_long", ex.Code);
    }

    [Fact]
    public void Details_are_cleaned()
    {
        var s = NewSchool(code: "  6401 2001 ", nameTh: "โรงเรียน\u200Bสุโขทัย   วิทยาคม ");
        Assert.Equal("6401 2001", s.Code);
        Assert.Equal("โรงเรียนสุโขทัย วิทยาคม", s.NameTh);
    }

    [Fact]
    public void Updating_replaces_the_details_and_keeps_the_office()
    {
        var s = NewSchool();
        s.Update("64012002", "โรงเรียนอุดมดรุณี", "Udomdarunee School", "เมืองสุโขทัย", "สุโขทัย");
        Assert.Equal("64012002", s.Code);
        Assert.Equal("โรงเรียนอุดมดรุณี", s.NameTh);
        Assert.Equal("Udomdarunee School", s.NameEn);
        Assert.Equal(OfficeId, s.OfficeId);
    }

    [Fact]
    public void An_update_without_a_name_is_refused_and_changes_nothing()
    {
        var s = NewSchool();
        var ex = Assert.Throws<DomainException>(() => s.Update("64012999", " ", "Other", "อื่น", "อื่น"));
        Assert.Equal("school.name_required", ex.Code);
        Assert.Equal("64012001", s.Code);
        Assert.Equal("โรงเรียนสุโขทัยวิทยาคม", s.NameTh);
        Assert.Equal("Sukhothai Wittayakhom School", s.NameEn);
    }

    [Fact]
    public void A_school_can_be_deactivated_and_reactivated()
    {
        var s = NewSchool();
        s.Deactivate();
        Assert.False(s.IsActive);
        s.Deactivate();
        Assert.False(s.IsActive);
        s.Reactivate();
        Assert.True(s.IsActive);
    }
}
