using System.Globalization;
using System.Security.Cryptography;
using Lms.Infrastructure.Files;
using Microsoft.Extensions.Time.Testing;

namespace Lms.Web.Tests.Files;

/// <summary>
/// What every <see cref="IFileStore"/> does, run against each backend by a subclass
/// (<see cref="LocalFileStoreTests"/>, <see cref="AzureBlobFileStoreTests"/>).
/// </summary>
public abstract class FileStoreContract : IAsyncLifetime
{
    protected FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 24, 3, 0, 0, TimeSpan.Zero));
    protected IFileStore Store { get; private set; } = null!;

    /// <summary>A new, empty store for one test.</summary>
    protected abstract Task<IFileStore> CreateStoreAsync();
    /// <summary>The keys of every complete file in the store (whatever else lies around).</summary>
    protected abstract Task<IReadOnlyList<string>> ListKeysAsync();
    protected abstract Task DisposeStoreAsync();

    public async Task InitializeAsync() => Store = await CreateStoreAsync();
    public Task DisposeAsync() => DisposeStoreAsync();

    protected Task<StoredFile> SaveAsync(byte[] bytes, string contentType = "application/pdf") =>
        Store.SaveAsync(new MemoryStream(bytes), contentType);

    [Fact]
    public async Task A_saved_pdf_reads_back_byte_for_byte_with_its_length_type_and_sha256()
    {
        // The person's file name ("แผนการจัดการเรียนรู้ ม.1.pdf") stays with the caller; the store only has the key.
        var pdf = SampleFiles.Pdf();
        var saved = await SaveAsync(pdf);

        Assert.Equal(pdf.Length, saved.Length);
        Assert.Equal("application/pdf", saved.ContentType);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(pdf)), saved.Sha256);
        Assert.Equal(saved, await Store.GetInfoAsync(saved.Key));
        Assert.True(await Store.ExistsAsync(saved.Key));
        await using var read = await Store.OpenReadAsync(saved.Key);
        Assert.NotNull(read);
        var copy = new MemoryStream();
        await read.CopyToAsync(copy);
        Assert.Equal(pdf, copy.ToArray());
    }

    [Fact]
    public async Task Keys_are_Gregorian_year_and_month_and_128_random_bits_even_under_Thai_culture()
    {
        var before = CultureInfo.CurrentCulture;
        StoredFile saved;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo("th-TH");
            saved = await SaveAsync(SampleFiles.Png(), "image/png");
        }
        finally
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = before;
        }
        Assert.Matches(@"^2026/11/[0-9a-f]{32}$", saved.Key); // not 2569
    }

    [Fact]
    public async Task A_large_file_can_be_read_from_any_position_without_reading_what_lies_before()
    {
        // 9 MB: more than one 4 MB block in Azure; the range starts in the second block and ends in the third.
        var video = SampleFiles.Filler(9 * 1024 * 1024, 42);
        var saved = await SaveAsync(video, "video/mp4");

        await using var stream = await Store.OpenReadAsync(saved.Key);
        Assert.NotNull(stream);
        Assert.True(stream.CanSeek);
        Assert.Equal(video.Length, stream.Length);
        const int start = 8 * 1024 * 1024 - 1000, count = 100_000;
        stream.Seek(start, SeekOrigin.Begin);
        var part = new byte[count];
        await stream.ReadExactlyAsync(part);
        Assert.Equal(video.AsSpan(start, count).ToArray(), part);

        stream.Position = 10;
        var again = new byte[10];
        await stream.ReadExactlyAsync(again);
        Assert.Equal(video.AsSpan(10, 10).ToArray(), again);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(video)), saved.Sha256);
    }

    [Fact]
    public async Task A_deleted_file_is_gone()
    {
        var saved = await SaveAsync(SampleFiles.Pdf(1000));
        var other = await SaveAsync(SampleFiles.Pdf(1000, seed: 2));

        Assert.True(await Store.DeleteAsync(saved.Key));

        Assert.False(await Store.ExistsAsync(saved.Key));
        Assert.Null(await Store.OpenReadAsync(saved.Key));
        Assert.Null(await Store.GetInfoAsync(saved.Key));
        Assert.False(await Store.DeleteAsync(saved.Key));
        Assert.Equal([other.Key], await ListKeysAsync());
    }

    [Fact]
    public async Task An_unknown_key_finds_nothing()
    {
        await SaveAsync(SampleFiles.Pdf(1000));
        var unknown = FileKeys.New(Clock.GetUtcNow());

        Assert.Null(await Store.OpenReadAsync(unknown));
        Assert.Null(await Store.GetInfoAsync(unknown));
        Assert.False(await Store.ExistsAsync(unknown));
        Assert.False(await Store.DeleteAsync(unknown));
    }

    [Theory]
    [InlineData("../../etc/passwd")]
    [InlineData("2026/11/../../../etc/passwd")]
    [InlineData("/etc/passwd")]
    [InlineData("2026/11/0123456789abcdef0123456789abcdef/../../x")]
    [InlineData("2026\\11\\0123456789abcdef0123456789abcdef")]
    [InlineData("..\\..\\web.config")]
    [InlineData("2026/11/0123456789abcdef0123456789abcdef.json")] // the local store's description file
    [InlineData("2026/11/0123456789ABCDEF0123456789ABCDEF")]
    [InlineData("2026/11/0123456789abcdef0123456789abcdef\n")]
    [InlineData(" 2026/11/0123456789abcdef0123456789abcdef")]
    [InlineData("2026/11/")]
    [InlineData("")]
    public async Task Anything_but_a_key_the_store_made_is_refused(string key)
    {
        await SaveAsync(SampleFiles.Pdf(1000));
        await Assert.ThrowsAsync<ArgumentException>(() => Store.OpenReadAsync(key));
        await Assert.ThrowsAsync<ArgumentException>(() => Store.GetInfoAsync(key));
        await Assert.ThrowsAsync<ArgumentException>(() => Store.ExistsAsync(key));
        await Assert.ThrowsAsync<ArgumentException>(() => Store.DeleteAsync(key));
        Assert.Single(await ListKeysAsync());
    }

    [Fact]
    public async Task Saves_at_the_same_moment_get_different_keys_and_keep_their_own_content()
    {
        var files = Enumerable.Range(1, 16).Select(i => SampleFiles.Pdf(20_000 + i, seed: i)).ToArray();

        var saved = await Task.WhenAll(files.Select(f => Task.Run(() => SaveAsync(f))));

        Assert.Equal(files.Length, saved.Select(s => s.Key).Distinct().Count());
        for (var i = 0; i < files.Length; i++)
        {
            await using var read = await Store.OpenReadAsync(saved[i].Key);
            var copy = new MemoryStream();
            await read!.CopyToAsync(copy);
            Assert.Equal(files[i], copy.ToArray());
        }
        Assert.Equal(saved.Select(s => s.Key).Order(), (await ListKeysAsync()).Order());
    }

    [Fact]
    public async Task An_upload_that_breaks_off_leaves_no_file_behind()
    {
        // 5 MB arrive, then the connection drops: in Azure one block is already staged.
        var broken = new BreaksAfter(new MemoryStream(SampleFiles.Pdf(6 * 1024 * 1024)), 5 * 1024 * 1024);

        await Assert.ThrowsAsync<IOException>(() => Store.SaveAsync(broken, "application/pdf"));

        Assert.Empty(await ListKeysAsync());
        var ok = await SaveAsync(SampleFiles.Pdf(1000)); // and the store still works
        Assert.Equal([ok.Key], await ListKeysAsync());
    }

    [Fact]
    public async Task An_empty_file_can_be_stored()
    {
        var saved = await SaveAsync([], "text/plain");
        Assert.Equal(0, saved.Length);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData([])), saved.Sha256);
        Assert.Equal(saved, await Store.GetInfoAsync(saved.Key));
        await using var read = await Store.OpenReadAsync(saved.Key);
        Assert.Equal(-1, read!.ReadByte());
    }

    /// <summary>A request body whose connection drops after <paramref name="limit"/> bytes.</summary>
    private sealed class BreaksAfter(Stream inner, long limit) : Stream
    {
        private long read;
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => read; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (read >= limit) throw new IOException("The client disconnected.");
            var n = inner.Read(buffer, offset, (int)Math.Min(count, limit - read));
            read += n;
            return n;
        }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken ct = default)
        {
            if (read >= limit) throw new IOException("The client disconnected.");
            var n = await inner.ReadAsync(buffer[..(int)Math.Min(buffer.Length, limit - read)], ct);
            read += n;
            return n;
        }
    }
}
