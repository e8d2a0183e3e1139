using System.Net;
using System.Net.Http.Headers;
using Lms.Infrastructure.Files;
using Lms.Web.Files;
using Lms.Web.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Lms.Web.Tests.Files;

/// <summary>
/// <see cref="FileDownloads.Serve"/> behind a tiny endpoint (<c>/test-files/{key}?name=…&amp;inline=…</c>) in the
/// real app, with the store that the app's configuration picks: once with the local folder, once with Azurite.
/// </summary>
public abstract class FileDownloadTests(FileDownloadTests.App app)
{
    public abstract class App : LmsAppFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(s => s.AddSingleton<IStartupFilter, TestEndpoint>());
        }

        public IFileStore Store => Services.GetRequiredService<IFileStore>();
    }

    private sealed class TestEndpoint : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => builder =>
        {
            builder.Map("/test-files", files => files.Run(async context =>
            {
                var store = context.RequestServices.GetRequiredService<IFileStore>();
                var key = context.Request.Path.Value!.TrimStart('/');
                var info = await store.GetInfoAsync(key);
                var stream = info is null ? null : await store.OpenReadAsync(key);
                if (info is null || stream is null)
                {
                    context.Response.StatusCode = 404;
                    return;
                }
                var inline = context.Request.Query["inline"] != "false";
                await FileDownloads.Serve(info, stream, context.Request.Query["name"].ToString(), inline).ExecuteAsync(context);
            }));
            next(builder);
        };
    }

    private async Task<(StoredFile File, byte[] Bytes)> SaveAsync(byte[] bytes, FileType type)
    {
        var saved = await app.Store.SaveAsync(new MemoryStream(bytes), type.ContentType);
        return (saved, bytes);
    }

    private static string Url(StoredFile file, string name, bool inline = true) =>
        $"/test-files/{file.Key}?name={Uri.EscapeDataString(name)}{(inline ? "" : "&inline=false")}";

    [Fact]
    public async Task A_Thai_named_pdf_is_shown_in_the_browser_under_its_Thai_name()
    {
        var (file, pdf) = await SaveAsync(SampleFiles.Pdf(), FileTypes.Pdf);

        var response = await app.NewClient().GetAsync(Url(file, "แผนการจัดการเรียนรู้ ม.1.pdf"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(pdf, await response.Content.ReadAsByteArrayAsync());
        var disposition = response.Content.Headers.ContentDisposition!;
        Assert.Equal("inline", disposition.DispositionType);
        Assert.Equal("แผนการจัดการเรียนรู้ ม.1.pdf", disposition.FileNameStar); // decoded from filename*=UTF-8''…
        Assert.Contains("filename*=UTF-8''%E0%B9%81%E0%B8%9C%E0%B8%99", response.Content.Headers.GetValues("Content-Disposition").Single());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.True(response.Headers.CacheControl?.Private);
        Assert.Equal("bytes", response.Headers.AcceptRanges.Single());
        Assert.Equal($"\"{file.Sha256}\"", response.Headers.ETag?.Tag);
    }

    [Fact]
    public async Task A_video_is_served_in_ranges_so_the_player_can_seek()
    {
        var (file, video) = await SaveAsync(SampleFiles.Mp4(6 * 1024 * 1024), FileTypes.Mp4);
        var client = app.NewClient();
        var request = new HttpRequestMessage(HttpMethod.Get, Url(file, "คลิปการสอน.mp4"));
        request.Headers.Range = new RangeHeaderValue(5_000_000, 5_099_999);

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.PartialContent, response.StatusCode);
        Assert.Equal($"bytes 5000000-5099999/{video.Length}", response.Content.Headers.ContentRange!.ToString());
        Assert.Equal(video.AsSpan(5_000_000, 100_000).ToArray(), await response.Content.ReadAsByteArrayAsync());
        Assert.Equal("inline", response.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("video/mp4", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Office_files_are_always_downloaded_and_inline_can_be_turned_off()
    {
        var (docx, _) = await SaveAsync(SampleFiles.Docx(), FileTypes.Docx);
        var (pdf, _) = await SaveAsync(SampleFiles.Pdf(1000), FileTypes.Pdf);
        var client = app.NewClient();

        var word = await client.GetAsync(Url(docx, "ใบงาน.docx"));
        var download = await client.GetAsync(Url(pdf, "เกียรติบัตร.pdf", inline: false));

        Assert.Equal("attachment", word.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("ใบงาน.docx", word.Content.Headers.ContentDisposition.FileNameStar);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition!.DispositionType);
    }

    [Fact]
    public async Task A_browser_that_has_the_file_revalidates_it_without_downloading_it_again()
    {
        var (file, _) = await SaveAsync(SampleFiles.Png(), FileTypes.Png);
        var request = new HttpRequestMessage(HttpMethod.Get, Url(file, "รูป.png"));
        request.Headers.IfNoneMatch.Add(new EntityTagHeaderValue($"\"{file.Sha256}\""));

        var response = await app.NewClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
    }

    [Fact]
    public async Task A_deleted_file_is_not_found()
    {
        var (file, _) = await SaveAsync(SampleFiles.Pdf(1000), FileTypes.Pdf);
        await app.Store.DeleteAsync(file.Key);
        var response = await app.NewClient().GetAsync(Url(file, "x.pdf"));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}

public sealed class LocalDownloadApp : FileDownloadTests.App
{
    public string Folder { get; } = Directory.CreateTempSubdirectory("lms-files-").FullName;

    public LocalDownloadApp()
    {
        With("FileStore:Provider", "Local");
        With("FileStore:LocalPath", Folder);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && Directory.Exists(Folder)) Directory.Delete(Folder, recursive: true);
    }
}

public sealed class AzureDownloadApp : FileDownloadTests.App
{
    public string Container { get; } = TestAzurite.NewContainerName();

    public AzureDownloadApp()
    {
        With("FileStore:Provider", "AzureBlob");
        With("FileStore:AzureConnectionString", TestAzurite.ConnectionString);
        With("FileStore:AzureContainer", Container);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing) TestAzurite.Container(Container).DeleteIfExists();
    }
}

public sealed class LocalFileDownloadTests(LocalDownloadApp app) : FileDownloadTests(app), IClassFixture<LocalDownloadApp>
{
    [Fact]
    public void The_app_uses_the_local_folder_it_is_configured_with()
    {
        var store = Assert.IsType<LocalFileStore>(app.Store);
        Assert.Equal(Path.GetFullPath(app.Folder), store.Root);
    }
}

public sealed class AzureFileDownloadTests(AzureDownloadApp app) : FileDownloadTests(app), IClassFixture<AzureDownloadApp>
{
    [Fact]
    public void The_app_uses_the_Azure_container_it_is_configured_with()
    {
        var store = Assert.IsType<AzureBlobFileStore>(app.Store);
        Assert.Equal(app.Container, store.ContainerName);
    }
}
