using Azure.Storage.Blobs;

namespace Lms.Web.Tests.Support;

/// <summary>
/// The Azurite (Azure Blob Storage emulator) that ./test.sh starts (LMS_TEST_AZURITE). Without it the Azure
/// tests fail rather than skip: CI always runs through ./test.sh, and a silently skipped backend is an untested one.
/// </summary>
public static class TestAzurite
{
    public static string ConnectionString =>
        Environment.GetEnvironmentVariable("LMS_TEST_AZURITE") is { Length: > 0 } cs
            ? cs
            : throw new InvalidOperationException(
                "LMS_TEST_AZURITE is not set. Run the tests through ./test.sh, which installs and starts Azurite, " +
                "or start Azurite yourself and set LMS_TEST_AZURITE to its connection string " +
                "(DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=…;BlobEndpoint=http://127.0.0.1:PORT/devstoreaccount1;).");

    /// <summary>A container name no other test uses (3–63 lower-case letters, digits and hyphens).</summary>
    public static string NewContainerName() => $"test-{Guid.NewGuid():N}";

    public static BlobContainerClient Container(string name) => new(ConnectionString, name);
}
