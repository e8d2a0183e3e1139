using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Lms.Infrastructure.Files;
using Lms.Web.Tests.Support;
using Microsoft.Extensions.Options;

namespace Lms.Web.Tests.Files;

/// <summary>Against the Azurite that ./test.sh starts; fails (does not skip) without it.</summary>
public sealed class AzureBlobFileStoreTests : FileStoreContract
{
    private BlobContainerClient container = null!;

    protected override Task<IFileStore> CreateStoreAsync()
    {
        var name = TestAzurite.NewContainerName();
        container = TestAzurite.Container(name);
        return Task.FromResult<IFileStore>(new AzureBlobFileStore(Options.Create(new FileStoreOptions
        {
            Provider = FileStoreOptions.AzureBlobProvider, AzureConnectionString = TestAzurite.ConnectionString, AzureContainer = name,
        }), Clock));
    }

    /// <summary>Committed blobs only: staged blocks of a broken upload are not a file.</summary>
    protected override async Task<IReadOnlyList<string>> ListKeysAsync()
    {
        var keys = new List<string>();
        if (!await container.ExistsAsync()) return keys;
        await foreach (var blob in container.GetBlobsAsync()) keys.Add(blob.Name);
        return keys;
    }

    protected override async Task DisposeStoreAsync()
    {
        if (container is not null) await container.DeleteIfExistsAsync();
    }

    [Fact]
    public async Task The_container_is_created_private_on_the_first_save()
    {
        Assert.False(await container.ExistsAsync());

        var saved = await SaveAsync(SampleFiles.Pdf(1000));

        Assert.True(await container.ExistsAsync());
        BlobContainerAccessPolicy policy = await container.GetAccessPolicyAsync();
        Assert.Equal(PublicAccessType.None, policy.BlobPublicAccess);
        BlobProperties props = await container.GetBlobClient(saved.Key).GetPropertiesAsync();
        Assert.Equal("application/pdf", props.ContentType);
        Assert.Equal(saved.Sha256, props.Metadata["sha256"]);
    }

    [Fact]
    public async Task Before_the_container_exists_nothing_is_found_and_nothing_fails()
    {
        var key = FileKeys.New(Clock.GetUtcNow());

        Assert.Null(await Store.OpenReadAsync(key));
        Assert.Null(await Store.GetInfoAsync(key));
        Assert.False(await Store.ExistsAsync(key));
        Assert.False(await Store.DeleteAsync(key));
        Assert.False(await container.ExistsAsync());
    }

    [Fact]
    public async Task An_existing_container_is_used_as_it_is()
    {
        await container.CreateAsync();
        var saved = await SaveAsync(SampleFiles.Pdf(1000));
        Assert.True(await container.GetBlobClient(saved.Key).ExistsAsync());
    }
}
