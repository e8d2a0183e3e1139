using Lms.Infrastructure.Persistence;
using Npgsql;

namespace Lms.Web.Tests.Performance;

public sealed class NpgsqlTuningTests
{
    [Fact]
    public void Pooled_connections_skip_the_reset_and_prepare_repeated_statements_by_default()
    {
        var tuned = new NpgsqlConnectionStringBuilder(NpgsqlTuning.Apply("Host=db;Database=lms;Username=lms;Password=secret"));
        Assert.True(tuned.NoResetOnClose);
        Assert.Equal(NpgsqlTuning.MaxAutoPrepare, tuned.MaxAutoPrepare);
        Assert.Equal("db", tuned.Host);
        Assert.Equal("lms", tuned.Database);
        Assert.Equal("secret", tuned.Password);
    }

    [Theory]
    [InlineData("Host=db;No Reset On Close=false;Max Auto Prepare=0")]
    [InlineData("Host=db;NoResetOnClose=false;MaxAutoPrepare=0")]
    [InlineData("host=db;no reset on close=False;max auto prepare=0")]
    public void Values_set_in_the_connection_string_win(string connectionString)
    {
        var tuned = new NpgsqlConnectionStringBuilder(NpgsqlTuning.Apply(connectionString));
        Assert.False(tuned.NoResetOnClose);
        Assert.Equal(0, tuned.MaxAutoPrepare);
    }

    [Fact]
    public void An_empty_connection_string_is_left_for_the_usual_error() => Assert.Equal("", NpgsqlTuning.Apply(""));
}
