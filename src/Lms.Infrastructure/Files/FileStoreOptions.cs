namespace Lms.Infrastructure.Files;

/// <summary>Configuration section <c>FileStore</c>.</summary>
public sealed class FileStoreOptions
{
    public const string Section = "FileStore";
    public const string LocalProvider = "Local";
    public const string AzureBlobProvider = "AzureBlob";

    /// <summary><c>Local</c> (default): a folder on this machine; <c>AzureBlob</c>: an Azure Storage container.</summary>
    public string Provider { get; set; } = LocalProvider;
    /// <summary>Folder of the local store, relative to the working directory unless absolute.</summary>
    public string LocalPath { get; set; } = ".data/files";
    public string? AzureConnectionString { get; set; }
    /// <summary>Created (private) on the first save if missing.</summary>
    public string AzureContainer { get; set; } = "lms-files";

    public bool IsAzure => Provider.Equals(AzureBlobProvider, StringComparison.OrdinalIgnoreCase);
    public bool IsLocal => Provider.Equals(LocalProvider, StringComparison.OrdinalIgnoreCase);
}
