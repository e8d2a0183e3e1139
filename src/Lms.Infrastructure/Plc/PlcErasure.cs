using Lms.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Lms.Infrastructure.Plc;

/// <summary>
/// PDPA erasure of a person's PLC room data: the texts (replaced by a neutral note) and files of their messages go (the rows stay, so the room's
/// numbering has no hole and replies still point somewhere), as do their reactions, pending uploads and presence. Their
/// membership rows stay without a name (the person's names are erased) — who was in a group when is the logbook's
/// record. Runs inside the caller's transaction; returns the file keys to delete from the file store after the commit.
/// </summary>
public static class PlcErasure
{
    public static async Task<List<string>> EraseAsync(LmsDbContext db, Guid personId, CancellationToken ct)
    {
        var keys = (await db.PlcMessages.AsNoTracking().Where(m => m.AuthorId == personId).Select(m => m.Attachments).ToListAsync(ct))
            .SelectMany(a => a).Select(a => a.FileKey).ToList();
        keys.AddRange(await db.PlcUploads.Where(u => u.UploadedBy == personId).Select(u => u.FileKey).ToListAsync(ct));
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"UPDATE plc_messages SET body = {PlcPersonalData.ErasedMessageText}, attachments = '[]'::jsonb, mention_ids = '{{}}', pinned_at_utc = NULL, pinned_by = NULL WHERE author_id = {personId}", ct);
        await db.PlcReactions.Where(r => r.PersonId == personId).ExecuteDeleteAsync(ct);
        await db.PlcUploads.Where(u => u.UploadedBy == personId).ExecuteDeleteAsync(ct);
        await db.PlcRoomConnections.Where(c => c.PersonId == personId).ExecuteDeleteAsync(ct);
        return keys.Distinct().ToList();
    }
}
