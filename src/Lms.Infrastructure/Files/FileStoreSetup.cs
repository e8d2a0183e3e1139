using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Lms.Infrastructure.Files;

public static class FileStoreSetup
{
    /// <summary>The <see cref="IFileStore"/> that <c>FileStore:Provider</c> names, and the <see cref="UploadRules"/>.
    /// A wrong provider or a missing Azure connection string stops the app at start, not at the first upload.</summary>
    public static IServiceCollection AddFileStore(this IServiceCollection services, IConfiguration config)
    {
        services.AddOptions<FileStoreOptions>()
            .Bind(config.GetSection(FileStoreOptions.Section))
            .Validate(o => o.IsLocal || o.IsAzure,
                $"FileStore:Provider must be '{FileStoreOptions.LocalProvider}' or '{FileStoreOptions.AzureBlobProvider}'.")
            .Validate(o => !o.IsAzure || !string.IsNullOrWhiteSpace(o.AzureConnectionString),
                "FileStore:AzureConnectionString must be set when FileStore:Provider is AzureBlob.")
            .Validate(o => !o.IsLocal || !string.IsNullOrWhiteSpace(o.LocalPath), "FileStore:LocalPath must not be empty.")
            .ValidateOnStart();
        services.AddOptions<UploadLimits>()
            .Bind(config.GetSection(UploadLimits.Section))
            .Validate(o => o.ImageMegabytes > 0 && o.DocumentMegabytes > 0 && o.VideoMegabytes > 0, "Uploads limits must be positive.")
            .ValidateOnStart();

        services.AddSingleton<IFileStore>(sp =>
            sp.GetRequiredService<IOptions<FileStoreOptions>>().Value.IsAzure
                ? ActivatorUtilities.CreateInstance<AzureBlobFileStore>(sp)
                : ActivatorUtilities.CreateInstance<LocalFileStore>(sp));
        services.AddSingleton<UploadRules>();
        return services;
    }
}
