using Lms.Domain.Organisation;

namespace Lms.Domain.Tests;

public class SystemRoleTests
{
    [Theory]
    [InlineData(SystemRole.Administrator)]
    [InlineData(SystemRole.CourseDesigner)]
    [InlineData(SystemRole.Trainer)]
    [InlineData(SystemRole.Supervisor)]
    [InlineData(SystemRole.SchoolDirector)]
    [InlineData(SystemRole.Learner)]
    public void Every_defined_role_is_known(string role)
    {
        Assert.True(SystemRole.IsKnown(role));
    }

    [Theory]
    [InlineData("")]
    [InlineData("Teacher")]
    [InlineData("administrator")]
    [InlineData("ADMINISTRATOR")]
    [InlineData(" Administrator")]
    [InlineData("Admin")]
    public void Anything_else_is_not_a_role_and_names_are_case_sensitive(string role)
    {
        Assert.False(SystemRole.IsKnown(role));
    }

    [Fact]
    public void The_list_of_roles_has_the_six_roles_each_once()
    {
        Assert.Equal(6, SystemRole.All.Count);
        Assert.Equal(SystemRole.All.Count, SystemRole.All.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal("Administrator", SystemRole.Administrator);
    }
}
