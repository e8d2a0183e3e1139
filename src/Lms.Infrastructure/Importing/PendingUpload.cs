namespace Lms.Infrastructure.Importing;

/// <summary>
/// An uploaded file kept between "preview" and "import" (a few minutes), in PostgreSQL so that
/// the second step works on any app instance and after a restart. Old rows are purged on upload.
/// </summary>
public sealed class PendingUpload
{
    public Guid Id { get; set; }
    public Guid OwnerId { get; set; }
    public string Kind { get; set; } = "";
    public string FileName { get; set; } = "";
    public byte[] Content { get; set; } = [];
    public DateTime CreatedAtUtc { get; set; }
}
