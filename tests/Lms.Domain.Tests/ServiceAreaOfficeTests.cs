using Lms.Domain.Common;
using Lms.Domain.Organisation;

namespace Lms.Domain.Tests;

public class ServiceAreaOfficeTests
{
    private static ServiceAreaOffice NewOffice() =>
        new(Guid.NewGuid(), "สำนักงานเขตพื้นที่การศึกษามัธยมศึกษาสุโขทัย",
            "Secondary Educational Service Area Office Sukhothai", "สพม.สท");

    [Fact]
    public void An_office_needs_a_Thai_name_and_a_short_code()
    {
        Assert.Equal("office.name_required",
            Assert.Throws<DomainException>(() => new ServiceAreaOffice(Guid.NewGuid(), " ", "", "สพม.สท")).Code);
        Assert.Equal("office.code_required",
            Assert.Throws<DomainException>(() => new ServiceAreaOffice(Guid.NewGuid(), "สพม.สุโขทัย", "", "")).Code);
    }

    [Fact]
    public void A_refused_rename_of_an_office_changes_nothing()
    {
        var office = NewOffice();
        var ex = Assert.Throws<DomainException>(() => office.Rename("ชื่อใหม่", "New name", "  "));
        Assert.Equal("office.code_required", ex.Code);
        Assert.Equal("สำนักงานเขตพื้นที่การศึกษามัธยมศึกษาสุโขทัย", office.NameTh);
        Assert.Equal("Secondary Educational Service Area Office Sukhothai", office.NameEn);
        Assert.Equal("สพม.สท", office.ShortCode);
    }
}
