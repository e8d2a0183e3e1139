using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace Lms.Infrastructure.Files;

/// <summary>
/// The local default: each file under <c>LocalPath/yyyy/MM/&lt;hex&gt;</c>, with its content type and SHA-256 in a
/// <c>&lt;hex&gt;.json</c> beside it. Writes go to <c>LocalPath/.tmp</c> first and are renamed into place once
/// complete and flushed (a rename within one file system is atomic), so a crash or a failed upload never leaves
/// a half file under a real key. The description is renamed into place before the content: a file that exists
/// always has its description.
/// </summary>
public sealed class LocalFileStore : IFileStore
{
    private const string MetaSuffix = ".json";
    private readonly string root;
    private readonly string temp;
    private readonly TimeProvider clock;

    public LocalFileStore(IOptions<FileStoreOptions> options, TimeProvider clock)
    {
        root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(options.Value.LocalPath));
        temp = Path.Combine(root, ".tmp");
        this.clock = clock;
    }

    /// <summary>The folder the files are kept in (absolute).</summary>
    public string Root => root;

    public async Task<StoredFile> SaveAsync(Stream content, string contentType, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentException.ThrowIfNullOrWhiteSpace(contentType);
        Directory.CreateDirectory(temp);
        var tempContent = Path.Combine(temp, Guid.NewGuid().ToString("N"));
        var tempMeta = tempContent + MetaSuffix;
        try
        {
            long length;
            string sha256;
            await using (var file = new FileStream(tempContent, FileMode.CreateNew, FileAccess.Write, FileShare.None,
                             bufferSize: 81920, FileOptions.Asynchronous))
            using (var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256))
            {
                var buffer = new byte[81920];
                int read;
                while ((read = await content.ReadAsync(buffer, ct)) > 0)
                {
                    hash.AppendData(buffer, 0, read);
                    await file.WriteAsync(buffer.AsMemory(0, read), ct);
                }
                await file.FlushAsync(ct);
                file.Flush(flushToDisk: true);
                length = file.Length;
                sha256 = Convert.ToHexStringLower(hash.GetHashAndReset());
            }

            var key = FileKeys.New(clock.GetUtcNow());
            var stored = new StoredFile(key, length, contentType, sha256);
            await using (var meta = new FileStream(tempMeta, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, FileOptions.Asynchronous))
            {
                await JsonSerializer.SerializeAsync(meta, new Meta(contentType, length, sha256), cancellationToken: ct);
                meta.Flush(flushToDisk: true);
            }

            var target = PathOf(key);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Move(tempMeta, target + MetaSuffix, overwrite: false);
            File.Move(tempContent, target, overwrite: false);
            return stored;
        }
        finally
        {
            TryDelete(tempContent);
            TryDelete(tempMeta);
        }
    }

    public Task<Stream?> OpenReadAsync(string key, CancellationToken ct = default)
    {
        var path = PathOf(key);
        try
        {
            // FileShare.Delete: a file being streamed to someone can still be deleted (Linux keeps the data
            // until the stream closes).
            Stream stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete,
                bufferSize: 81920, FileOptions.Asynchronous | FileOptions.SequentialScan);
            return Task.FromResult<Stream?>(stream);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return Task.FromResult<Stream?>(null);
        }
    }

    public async Task<StoredFile?> GetInfoAsync(string key, CancellationToken ct = default)
    {
        var path = PathOf(key);
        if (!File.Exists(path)) return null;
        try
        {
            await using var stream = File.OpenRead(path + MetaSuffix);
            var meta = await JsonSerializer.DeserializeAsync<Meta>(stream, cancellationToken: ct)
                       ?? throw new InvalidDataException($"The description of file {key} is empty.");
            return new StoredFile(key, meta.Length, meta.ContentType, meta.Sha256);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null; // deleted meanwhile
        }
    }

    public Task<bool> DeleteAsync(string key, CancellationToken ct = default)
    {
        var path = PathOf(key);
        if (!Directory.Exists(Path.GetDirectoryName(path))) return Task.FromResult(false);
        var existed = File.Exists(path);
        // Content first: a file without its description is never visible.
        File.Delete(path);
        File.Delete(path + MetaSuffix);
        return Task.FromResult(existed);
    }

    public Task<bool> ExistsAsync(string key, CancellationToken ct = default) => Task.FromResult(File.Exists(PathOf(key)));

    private string PathOf(string key)
    {
        FileKeys.Validate(key);
        var path = Path.GetFullPath(Path.Combine(root, key));
        // The key's shape already rules out "..": this is the second lock on the same door.
        if (!path.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            throw new ArgumentException($"'{key}' is not a file key.", nameof(key));
        return path;
    }

    private static void TryDelete(string path)
    {
        try { File.Delete(path); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }

    private sealed record Meta(string ContentType, long Length, string Sha256);
}
