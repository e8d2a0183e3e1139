namespace Lms.Web.Tests.Support;

/// <summary>The real Redis that ./test.sh starts (LMS_TEST_REDIS, host:port) for the scale-out tests.</summary>
public static class TestRedis
{
    public static string Connection =>
        Environment.GetEnvironmentVariable("LMS_TEST_REDIS")
        ?? throw new InvalidOperationException(
            "LMS_TEST_REDIS is not set. Run the tests through ./test.sh, which installs Debian's redis-server and " +
            "starts a private Redis, or set LMS_TEST_REDIS=host:port of a Redis the tests may use.");
}
