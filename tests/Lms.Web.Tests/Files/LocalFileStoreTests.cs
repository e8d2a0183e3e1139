using Lms.Infrastructure.Files;
using Microsoft.Extensions.Options;

namespace Lms.Web.Tests.Files;

public sealed class LocalFileStoreTests : FileStoreContract
{
    private string folder = "";

    protected override Task<IFileStore> CreateStoreAsync()
    {
        folder = Directory.CreateTempSubdirectory("lms-files-").FullName;
        return Task.FromResult<IFileStore>(
            new LocalFileStore(Options.Create(new FileStoreOptions { LocalPath = folder }), Clock));
    }

    /// <summary>Content files only: not the descriptions beside them, nor anything in the temporary folder.</summary>
    protected override Task<IReadOnlyList<string>> ListKeysAsync() => Task.FromResult<IReadOnlyList<string>>(
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(folder, f).Replace(Path.DirectorySeparatorChar, '/'))
            .Where(k => !k.StartsWith(".tmp/", StringComparison.Ordinal) && !k.EndsWith(".json", StringComparison.Ordinal))
            .ToList());

    protected override Task DisposeStoreAsync()
    {
        Directory.Delete(folder, recursive: true);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_file_is_written_under_its_key_in_the_folder_and_no_temporary_file_remains()
    {
        var pdf = SampleFiles.Pdf(5000);
        var saved = await SaveAsync(pdf);

        Assert.Equal(pdf, await File.ReadAllBytesAsync(Path.Combine(folder, saved.Key)));
        Assert.Empty(Directory.GetFiles(Path.Combine(folder, ".tmp")));
    }

    [Fact]
    public async Task A_broken_upload_leaves_no_temporary_file()
    {
        var broken = new ThrowingStream();
        await Assert.ThrowsAsync<IOException>(() => Store.SaveAsync(broken, "application/pdf"));
        Assert.Empty(Directory.GetFiles(folder, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task A_file_being_streamed_can_still_be_deleted()
    {
        var saved = await SaveAsync(SampleFiles.Pdf(200_000));
        await using var reading = await Store.OpenReadAsync(saved.Key);
        var first = new byte[1000];
        await reading!.ReadExactlyAsync(first);

        Assert.True(await Store.DeleteAsync(saved.Key));
        Assert.False(await Store.ExistsAsync(saved.Key));
        await reading.CopyToAsync(Stream.Null); // the person already downloading gets the rest
    }

    private sealed class ThrowingStream : MemoryStream
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken ct = default) =>
            throw new IOException("The client disconnected.");
    }
}
