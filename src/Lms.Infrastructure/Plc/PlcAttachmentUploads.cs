using Lms.Domain.Common;
using Lms.Domain.Plc;
using Lms.Infrastructure.Files;
using Lms.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Lms.Infrastructure.Plc;

/// <summary>
/// Files for room messages: stored after the same content checks as course files (pictures and documents only; the
/// office's size limits), kept as the uploader's pending files of that room, and turned into a message's attachments
/// only for the same person and room.
/// </summary>
public sealed class PlcAttachmentUploads(IDbContextFactory<LmsDbContext> contexts, IFileStore files, UploadRules rules, TimeProvider clock)
{
    /// <summary>Pictures and documents (PDF, Word, Excel, PowerPoint); not video — a room is not a video host.</summary>
    public const FileCategory Allowed = FileCategory.Image | FileCategory.Document;

    /// <summary>Checks and stores an upload; returns the refusal, or the new upload.</summary>
    public async Task<(UploadCheck Check, PlcUpload? Upload)> SaveAsync(Guid groupId, Guid personId, Stream content, string fileName, CancellationToken ct)
    {
        var check = await rules.CheckAsync(content, fileName, Allowed, ct);
        if (!check.IsValid) return (check, null);
        var stored = await files.SaveAsync(content, check.Type!.ContentType, ct);
        var upload = new PlcUpload
        {
            Id = Guid.NewGuid(), GroupId = groupId, UploadedBy = personId, FileKey = stored.Key,
            FileName = CleanName(fileName), ContentType = stored.ContentType, Size = stored.Length,
            UploadedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        await using var db = await contexts.CreateDbContextAsync(ct);
        db.PlcUploads.Add(upload);
        await db.SaveChangesAsync(ct);
        return (check, upload);
    }

    /// <summary>The caller's own uploads into this room, in the order given; any other id is refused.</summary>
    public async Task<List<PlcAttachment>> ResolveAsync(Guid groupId, Guid personId, IReadOnlyList<Guid>? ids, CancellationToken ct)
    {
        if (ids is null || ids.Count == 0) return [];
        var wanted = ids.Distinct().ToList();
        if (wanted.Count > PlcMessage.MaxAttachments) throw new DomainException("plc.too_many_files", "Too many files.");
        await using var db = await contexts.CreateDbContextAsync(ct);
        var found = await db.PlcUploads.AsNoTracking()
            .Where(u => wanted.Contains(u.Id) && u.GroupId == groupId && u.UploadedBy == personId).ToListAsync(ct);
        if (found.Count != wanted.Count) throw new DomainException("plc.attachment_invalid", "A file of the message was not uploaded to this room.");
        return wanted.Select(id => found.Single(u => u.Id == id))
            .Select(u => new PlcAttachment(u.FileKey, u.FileName, u.ContentType, u.Size)).ToList();
    }

    private static string CleanName(string name)
    {
        var clean = Text.Clean(Path.GetFileName((name ?? "").Replace('\\', '/')));
        if (clean.Length == 0) clean = "file";
        return clean.Length > 200 ? clean[^200..] : clean;
    }
}
