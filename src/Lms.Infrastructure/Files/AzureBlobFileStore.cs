using System.Buffers;
using System.Security.Cryptography;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using Microsoft.Extensions.Options;

namespace Lms.Infrastructure.Files;

/// <summary>
/// Files as block blobs in one private container (created on the first save if missing), named by their key.
/// A save stages the content in blocks while hashing it and commits the block list last, with the content type
/// and the SHA-256 (metadata <c>sha256</c>): until that commit there is no blob under the key, and blocks
/// never committed are discarded by the service, so a failed upload leaves nothing under a real key.
/// Reads stream in ranges (<see cref="BlobBaseClient.OpenReadAsync(BlobOpenReadOptions, CancellationToken)"/>
/// fetches blocks as the reader seeks), so a seek into a 500 MB video does not download what lies before it.
/// </summary>
public sealed class AzureBlobFileStore : IFileStore
{
    private const int BlockSize = 4 * 1024 * 1024;
    private const string ShaMetadata = "sha256";
    private readonly BlobContainerClient container;
    private readonly TimeProvider clock;
    private readonly SemaphoreSlim containerLock = new(1, 1);
    private volatile bool containerReady;

    public AzureBlobFileStore(IOptions<FileStoreOptions> options, TimeProvider clock)
        : this(new BlobContainerClient(
                   string.IsNullOrWhiteSpace(options.Value.AzureConnectionString)
                       ? throw new InvalidOperationException("FileStore:AzureConnectionString is not set (FileStore:Provider is AzureBlob).")
                       : options.Value.AzureConnectionString,
                   options.Value.AzureContainer),
               clock)
    {
    }

    public AzureBlobFileStore(BlobContainerClient container, TimeProvider clock)
    {
        this.container = container;
        this.clock = clock;
    }

    public string ContainerName => container.Name;

    public async Task<StoredFile> SaveAsync(Stream content, string contentType, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentException.ThrowIfNullOrWhiteSpace(contentType);
        await EnsureContainerAsync(ct);

        var key = FileKeys.New(clock.GetUtcNow());
        var blob = container.GetBlockBlobClient(key);
        var blockIds = new List<string>();
        long length = 0;
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = ArrayPool<byte>.Shared.Rent(BlockSize);
        try
        {
            while (true)
            {
                var read = await content.ReadAtLeastAsync(buffer.AsMemory(0, BlockSize), BlockSize, throwOnEndOfStream: false, ct);
                if (read == 0) break;
                hash.AppendData(buffer, 0, read);
                // Block ids of one blob must all have the same length.
                var id = Convert.ToBase64String(BitConverter.GetBytes((long)blockIds.Count));
                using (var block = new MemoryStream(buffer, 0, read, writable: false))
                    await blob.StageBlockAsync(id, block, cancellationToken: ct);
                blockIds.Add(id);
                length += read;
                if (read < BlockSize) break;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        var sha256 = Convert.ToHexStringLower(hash.GetHashAndReset());
        await blob.CommitBlockListAsync(blockIds, new CommitBlockListOptions
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = contentType },
            Metadata = new Dictionary<string, string> { [ShaMetadata] = sha256 },
            // A new key is never taken, but should it be, the existing file stays as it is.
            Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All },
        }, ct);
        return new StoredFile(key, length, contentType, sha256);
    }

    public async Task<Stream?> OpenReadAsync(string key, CancellationToken ct = default)
    {
        var blob = container.GetBlobClient(FileKeys.Validate(key));
        try
        {
            // allowModifications: false pins the stream to the blob's ETag: a changed blob fails the read
            // instead of mixing two versions.
            return await blob.OpenReadAsync(new BlobOpenReadOptions(allowModifications: false), ct);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    public async Task<StoredFile?> GetInfoAsync(string key, CancellationToken ct = default)
    {
        var blob = container.GetBlobClient(FileKeys.Validate(key));
        try
        {
            BlobProperties p = await blob.GetPropertiesAsync(cancellationToken: ct);
            return new StoredFile(key, p.ContentLength, p.ContentType ?? "application/octet-stream",
                p.Metadata.TryGetValue(ShaMetadata, out var sha) ? sha : "");
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    public async Task<bool> DeleteAsync(string key, CancellationToken ct = default)
    {
        var blob = container.GetBlobClient(FileKeys.Validate(key));
        try
        {
            return await blob.DeleteIfExistsAsync(DeleteSnapshotsOption.IncludeSnapshots, cancellationToken: ct);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return false; // no container yet
        }
    }

    public async Task<bool> ExistsAsync(string key, CancellationToken ct = default)
    {
        var blob = container.GetBlobClient(FileKeys.Validate(key));
        return await blob.ExistsAsync(ct);
    }

    private async Task EnsureContainerAsync(CancellationToken ct)
    {
        if (containerReady) return;
        await containerLock.WaitAsync(ct);
        try
        {
            if (containerReady) return;
            // Private: no anonymous access; files are streamed through the app, which decides who may read them.
            await container.CreateIfNotExistsAsync(PublicAccessType.None, cancellationToken: ct);
            containerReady = true;
        }
        finally
        {
            containerLock.Release();
        }
    }
}
